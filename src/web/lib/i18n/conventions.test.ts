import { describe, expect, it } from 'vitest';
import { vi } from './vi.js';

/**
 * The interface's Vietnamese follows one spelling convention:
 *  - tone marks on the second vowel of an open "oa", "oe", "uy" ("hoá", "Xoá", "khoẻ", "huỷ", "thuỷ",
 *    "toạ"), never the older placement on the first ("hóa", "hủy"); syllables with a final consonant
 *    ("hoàn", "thuyết") and "qu" ("quý") are the same in both conventions and never flagged;
 *  - "tệp" for a file, never the loanword "file" (the English resources say "file").
 * Scanned: every Vietnamese interface text and every string the domain exports (its label tables,
 * choices and messages, which the pages, documents and server errors show).
 */

/** A syllable with the older tone placement: the mark on o before a/e, or on u before y (not after q), at the end of the syllable. */
const OLD_TONE_PLACEMENT = /(?<!\p{L})\p{L}*?(?:[óòỏõọ][ae]|(?<!q)[úùủũụ]y)(?!\p{L})/giu;
const FILE_LOANWORD = /(?<!\p{L})files?(?!\p{L})/giu;

/**
 * Official names keep their official spelling: the State's name and the people's committee, as the
 * Constitution (2013) and the Law on the Organisation of Local Government (2015) write them and as
 * Decree 30/2020/NĐ-CP's document forms print them.
 */
const OFFICIAL_NAMES = [/cộng hòa xã hội chủ nghĩa việt nam/giu, /ủy ban nhân dân/giu];

export function oldTonePlacements(text: string): string[] {
  let rest = text.normalize('NFC');
  for (const name of OFFICIAL_NAMES) rest = rest.replace(name, ' ');
  return [...rest.matchAll(OLD_TONE_PLACEMENT)].map((m) => m[0]);
}

export const fileLoanwords = (text: string): string[] => [...text.matchAll(FILE_LOANWORD)].map((m) => m[0]);

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    return typeof value === 'string' ? [[path, value] as [string, string]] : leaves(value, path);
  });
}

/** Every string reachable from a module's exports (label tables, choices, messages), with where it was found. */
function exportedStrings(modules: Record<string, unknown>): [string, string][] {
  const out: [string, string][] = [];
  const seen = new Set<unknown>();
  const visit = (value: unknown, where: string): void => {
    if (typeof value === 'string') out.push([where, value]);
    else if (value !== null && typeof value === 'object' && !seen.has(value)) {
      seen.add(value);
      const entries = value instanceof Map ? [...value.entries()] : value instanceof Set ? [...value].map((v, i) => [i, v]) : Object.entries(value);
      for (const [k, v] of entries as [unknown, unknown][]) visit(v, `${where}.${String(k)}`);
    }
  };
  for (const [file, exports] of Object.entries(modules)) visit(exports, file.replace(/^.*\/domain\//u, 'domain/'));
  return out;
}

const domainModules = import.meta.glob<Record<string, unknown>>(['../../../domain/**/*.ts', '!../../../domain/**/*.test.ts'], { eager: true });

describe('the Vietnamese spelling checks', () => {
  it.each([
    ['hóa đơn', ['hóa']],
    ['Xóa', ['Xóa']],
    ['Đã hủy', ['hủy']],
    ['Thủy sản', ['Thủy']],
    ['Khóa tài khoản', ['Khóa']],
    ['tọa độ', ['tọa']],
    ['hòa giải', ['hòa']],
    ['Ủy viên', ['Ủy']],
    ['khỏe', ['khỏe']],
    ['tùy chọn', ['tùy']],
    ['LŨY KẾ', ['LŨY']],
    ['đại úy', ['úy']],
  ])('flags the older tone placement in %j', (text, found) => {
    expect(oldTonePlacements(text)).toEqual(found);
  });

  it.each([
    'hoá đơn, Xoá, huỷ, thuỷ sản, khoá, toạ độ, hoà, khoẻ, tuỳ chọn, luỹ kế',
    'loại, hoài, hoàn thành, toàn bộ, thuyết minh, khuyến nghị, Huỳnh, xoáy',
    'quý, Quỳnh, quỹ, quả, quyết định, quá hạn',
    'Chủ tịch Ủy ban nhân dân tỉnh; CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    'Invoice, delete, cancel',
  ])('accepts %j', (text) => {
    expect(oldTonePlacements(text)).toEqual([]);
  });

  it('keeps the older placement elsewhere in a text naming an official body', () => {
    expect(oldTonePlacements('Ủy ban nhân dân xã đã hủy')).toEqual(['hủy']);
  });

  it('flags the loanword "file" but not words containing it', () => {
    expect(fileLoanwords('Tải file mẫu; các Files')).toEqual(['file', 'Files']);
    expect(fileLoanwords('Tải tệp mẫu; hồ sơ profile; filesystem')).toEqual([]);
  });
});

describe('the interface Vietnamese', () => {
  const texts = leaves(vi);

  it('puts tone marks on the second vowel of oa, oe, uy (hoá, huỷ)', () => {
    const offending = texts.filter(([, text]) => oldTonePlacements(text).length > 0);
    expect(offending).toEqual([]);
  });

  it('says "tệp", never "file"', () => {
    const offending = texts.filter(([, text]) => fileLoanwords(text).length > 0);
    expect(offending).toEqual([]);
  });
});

describe('the domain label tables', () => {
  const texts = exportedStrings(domainModules);

  it('are scanned (the glob finds the domain)', () => {
    expect(Object.keys(domainModules).length).toBeGreaterThan(20);
    expect(texts.some(([, text]) => text === 'Đã huỷ')).toBe(true);
  });

  it('put tone marks on the second vowel of oa, oe, uy (hoá, huỷ)', () => {
    const offending = texts.filter(([, text]) => oldTonePlacements(text).length > 0);
    expect(offending).toEqual([]);
  });

  it('say "tệp", never "file"', () => {
    const offending = texts.filter(([where, text]) => !where.endsWith('.en') && /\p{Script=Latin}*[à-ỹđ]/iu.test(text) && fileLoanwords(text).length > 0);
    expect(offending).toEqual([]);
  });
});
