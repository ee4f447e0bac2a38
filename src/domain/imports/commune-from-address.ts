import type { Message } from '../errors.js';
import { foldVietnamese } from '../text/vietnamese.js';
import { matchPlace, toneKey, type Place, type PlaceIndex } from './places.js';

/**
 * The commune a producer's address names, when the workbook has no commune code (the column is
 * optional in the template). Published recognition decisions often give only the address:
 * "Phường Phú Thủy, tỉnh Lâm Đồng", or the province alone. A commune is accepted only when one part
 * of the address names it with its prefix ("phường", "xã", "thị trấn", "đặc khu", "P.", "X.", "TT.")
 * or is exactly one commune's name; the name is matched as ./places.ts matches a cell (accents,
 * old or new tone placement "Thủy"/"Thuỷ", "Hòa"/"Hoà", a missing diacritic or one letter wrong).
 * Parts naming the province, an old district ("huyện", "quận", "thị xã", "Tp.") or a place within
 * a commune ("ấp", "thôn", "số 12 đường…") are passed over. Nothing is guessed: a part that could be
 * two communes, or two parts naming different communes, leave the commune unknown, for the office to
 * complete (the producer is imported without one; see docs/imports.md).
 */
export type CommuneFromAddress =
  | { ok: true; code: string; text: string }
  | { ok: false; reason: 'no_address' | 'province_only' | 'not_found' | 'ambiguous'; text: string | null; message: Message };

const COMMUNE_PREFIX = /^(xa|phuong|thi tran|dac khu|p|x|tt)(\.\s*|\s+)/;
/** Old districts and cities (before 1 July 2025) and the province: they name no commune. */
const OTHER_PREFIX = /^(tinh|thanh pho|tp|huyen|quan|thi xa|tx|q|h)(\.\s*|\s+)/;

const clean = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim();
const folded = (s: string) => foldVietnamese(s).replace(/\s+/g, ' ').trim();

/** Whether the part names the province ("tỉnh Lâm Đồng", "Lâm Đồng", "TP. Hồ Chí Minh"). */
function isProvince(part: string, province: Place) {
  const f = folded(part).replace(OTHER_PREFIX, '');
  return f === folded(province.name) || folded(part) === folded(province.fullName);
}

export function communeFromAddress(communes: PlaceIndex, province: Place, address: string | null | undefined): CommuneFromAddress {
  const text = address ? clean(address) : '';
  if (!text)
    return {
      ok: false,
      reason: 'no_address',
      text: null,
      message: { vi: 'Không có mã xã và địa chỉ: chưa rõ xã.', en: 'Neither a commune code nor an address: the commune is unknown.' },
    };
  const parts = text
    .split(/[,;]|\s+-\s+/)
    .map(clean)
    .filter(Boolean);
  const found = new Map<string, string>();
  const failures: { part: string; message: Message }[] = [];
  for (const part of parts) {
    const f = folded(part);
    if (isProvince(part, province)) continue;
    if (COMMUNE_PREFIX.test(f)) {
      // "P.Phú Thủy": the abbreviation apart from the name, as ./places.ts reads prefixes.
      const r = matchPlace(communes, part.replace(/^(\p{L}{1,2})\.\s*/u, '$1. '));
      if (r.ok) found.set(r.value, part);
      else failures.push({ part, message: r.message });
      continue;
    }
    if (OTHER_PREFIX.test(f)) continue;
    // Without a prefix, only a commune's exact name (any accents or tone placement) counts: a hamlet or street never matches by a typo.
    const key = toneKey(part);
    const exact = communes.places.filter((p) => toneKey(p.name) === key || folded(p.name) === f);
    const toned = exact.filter((p) => toneKey(p.name) === key);
    const one = toned.length === 1 ? toned : exact;
    if (one.length === 1) found.set(one[0]!.code, part);
  }
  if (found.size === 1 && !failures.length) {
    const [code, part] = [...found][0]!;
    return { ok: true, code, text: part };
  }
  if (found.size > 1)
    return {
      ok: false,
      reason: 'ambiguous',
      text,
      message: {
        vi: `Địa chỉ "${text}" nêu nhiều xã, phường (${[...found.values()].join('; ')}): chưa rõ xã.`,
        en: `The address "${text}" names more than one commune (${[...found.values()].join('; ')}): the commune is unknown.`,
      },
    };
  if (failures.length) {
    const first = failures[0]!;
    return {
      ok: false,
      reason: found.size || /có thể là/.test(first.message.vi) ? 'ambiguous' : 'not_found',
      text: first.part,
      message: { vi: `${first.message.vi} Chưa rõ xã.`, en: `${first.message.en} The commune is unknown.` },
    };
  }
  return {
    ok: false,
    reason: 'province_only',
    text,
    message: {
      vi: `Địa chỉ "${text}" không nêu xã, phường: chưa rõ xã.`,
      en: `The address "${text}" names no commune: the commune is unknown.`,
    },
  };
}
