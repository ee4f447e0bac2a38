import type { Message } from '../errors.js';
import { foldVietnamese } from '../text/vietnamese.js';
import type { Parsed } from './cells.js';

/**
 * Communes and provinces named in a sheet by code or by name, the way clerks write them: with or
 * without "Xã"/"Phường"/"Tỉnh", with or without accents, with the old tone placement ("Thanh Hoá")
 * or the new ("Thanh Hòa"), or with a letter wrong ("Tháp Mươi"). A name that could be two places
 * is never guessed: "My Tho" is Phường Mỹ Tho or Xã Mỹ Thọ, and the message names both.
 */
export type Place = { code: string; name: string; fullName: string };
export type PlaceKind = 'commune' | 'province';

type Entry = Place & { toned: string[]; folded: string[]; bare: string; digits: string };
/** `known`: what each text already looked up named, as a sheet repeats the same few communes row after row. */
export type PlaceIndex = { kind: PlaceKind; places: readonly Entry[]; byCode: ReadonlyMap<string, Place>; known: Map<string, Parsed<string>> };

const PREFIXES: Record<PlaceKind, RegExp> = {
  commune: /^(xa|phuong|thi tran|dac khu|p|x|tt)\.?\s+/,
  province: /^(tinh|thanh pho|tp)\.?\s*/,
};
const CODE_LENGTH: Record<PlaceKind, number> = { commune: 5, province: 2 };
const WHAT: Record<PlaceKind, Message> = { commune: { vi: 'xã, phường', en: 'commune' }, province: { vi: 'tỉnh, thành phố', en: 'province' } };
/** Names everyone uses for a province that are neither its name nor close to it. */
const PROVINCE_ALIASES: Record<string, string> = { hcm: '79', tphcm: '79', saigon: '79' };

const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/gu;
/**
 * A key that keeps accents but not where the tone mark sits: each word's letters (with ă â ê ô ơ ư
 * đ) followed by its tone, so "hoà" and "hòa", "thuỷ" and "thủy" are one key.
 */
export function toneKey(s: string): string {
  return s
    .normalize('NFD')
    .toLowerCase()
    .split(/[^\p{L}\p{M}\p{N}]+/u)
    .filter(Boolean)
    .map((word) => {
      const tone = word.match(TONE_MARKS)?.[0] ?? '';
      return word.replace(TONE_MARKS, '').normalize('NFC') + tone;
    })
    .join(' ');
}
const compact = (s: string) => s.replace(/[^a-z0-9]/g, '');
const digitsOf = (s: string) => s.replace(/\D/g, '');

export function placeIndex(kind: PlaceKind, places: readonly Place[]): PlaceIndex {
  const entries = places.map((p): Entry => {
    const bare = compact(foldVietnamese(p.name).replace(PREFIXES[kind], ''));
    return {
      ...p,
      toned: [toneKey(p.name), toneKey(p.fullName)],
      folded: [compact(foldVietnamese(p.name)), compact(foldVietnamese(p.fullName))],
      bare,
      digits: digitsOf(p.name),
    };
  });
  return { kind, places: entries, byCode: new Map(places.map((p) => [p.code, p])), known: new Map() };
}

/** Edit distance with transpositions (a swapped pair of letters is one typo). */
export function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  return d[a.length]![b.length]!;
}

/** Typos forgiven by length of the name: none in a short one (too many neighbours), one, then two. */
const tolerance = (length: number) => (length < 5 ? 0 : length < 10 ? 1 : 2);

const names = (entries: readonly Entry[]) =>
  entries
    .map((e) => e.fullName)
    .sort()
    .join('", "');

/** The code of the place a cell names (a code, or a name as described above). */
export function matchPlace(index: PlaceIndex, input: string | number): Parsed<string> {
  const text = String(input).normalize('NFC').trim();
  const known = index.known.get(text);
  if (known) return known;
  const found = lookUp(index, text);
  index.known.set(text, found);
  return found;
}

function lookUp(index: PlaceIndex, text: string): Parsed<string> {
  const what = WHAT[index.kind];
  if (/^\d+$/.test(text)) {
    const code = text.padStart(CODE_LENGTH[index.kind], '0');
    return index.byCode.has(code)
      ? { ok: true, value: code }
      : {
          ok: false,
          message: { vi: `Không có ${what.vi} mã ${code}${index.kind === 'commune' ? ' trong tỉnh' : ''}.`, en: `No ${what.en} with code ${code}.` },
        };
  }
  const unique = (found: readonly Entry[]): Parsed<string> | null =>
    found.length === 1
      ? { ok: true, value: found[0]!.code }
      : found.length > 1
        ? {
            ok: false,
            message: {
              vi: `"${text}" có thể là "${names(found)}": ghi rõ tên có dấu hoặc mã.`,
              en: `"${text}" could be "${names(found)}": write the name with its accents, or the code.`,
            },
          }
        : null;
  const toned = toneKey(text);
  const byTone = unique(index.places.filter((e) => e.toned.includes(toned)));
  if (byTone?.ok) return byTone;
  const folded = compact(foldVietnamese(text));
  const alias = index.kind === 'province' ? PROVINCE_ALIASES[folded] : undefined;
  if (alias && index.byCode.has(alias)) return { ok: true, value: alias };
  const byFold = unique(index.places.filter((e) => e.folded.includes(folded)));
  if (byFold) return byFold;
  // A letter or two wrong: the one place within the tolerance, and only if it is clearly the nearest.
  const bare = compact(foldVietnamese(text).replace(PREFIXES[index.kind], ''));
  const digits = digitsOf(text);
  const near = index.places
    .filter((e) => e.digits === digits)
    .map((e) => ({ e, d: editDistance(bare, e.bare) }))
    .filter(({ e, d }) => d <= tolerance(Math.min(bare.length, e.bare.length)))
    .sort((a, b) => a.d - b.d);
  if (near.length && (near.length === 1 || near[1]!.d > near[0]!.d)) return { ok: true, value: near[0]!.e.code };
  if (near.length) return unique(near.filter((n) => n.d === near[0]!.d).map((n) => n.e))!;
  return {
    ok: false,
    message: {
      vi: `Không tìm thấy ${what.vi} "${text}"${index.kind === 'commune' ? ' trong tỉnh' : ''}; ghi tên (theo danh mục từ 01/7/2025) hoặc mã.`,
      en: `No ${what.en} "${text}"${index.kind === 'commune' ? ' in the province' : ''}; write its name (as listed from 1 July 2025) or its code.`,
    },
  };
}
