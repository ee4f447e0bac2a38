import { describe, expect, it } from 'vitest';
import { fileSlug, toCsv } from './export.js';

describe('toCsv', () => {
  it('starts with a byte-order mark and ends lines with CRLF', () => {
    const csv = toCsv({ header: ['Xã', 'Sản phẩm'], rows: [['Sa Đéc', 3]] });
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.slice(1)).toBe('Xã,Sản phẩm\r\nSa Đéc,3\r\n');
  });

  it('quotes cells with separators, quotes, line breaks or edge spaces, and leaves nulls empty', () => {
    const csv = toCsv({
      header: ['a', 'b', 'c', 'd'],
      rows: [
        ['x, y', 'say "hi"', 'line\nbreak', null],
        [' pad', 1.5, '', 0],
      ],
    });
    expect(csv.slice(1)).toBe('a,b,c,d\r\n"x, y","say ""hi""","line\nbreak",\r\n" pad",1.5,,0\r\n');
  });
});

describe('fileSlug', () => {
  it('folds Vietnamese letters into a plain file name', () => {
    expect(fileSlug('Sản phẩm theo bộ & hạng sao — 2024')).toBe('san-pham-theo-bo-hang-sao-2024');
    expect(fileSlug('Đồng Tháp')).toBe('dong-thap');
  });
});
