import { foldVietnamese } from '../../../../domain/text/vietnamese.js';

/** CSV and file downloads of what a chart shows, for officers who rework the figures in a spreadsheet. */

export type CsvTable = { header: readonly string[]; rows: readonly (readonly (string | number | null)[])[] };

const BOM = '\uFEFF';

function csvCell(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  return /[",;\r\n]/u.test(text) || text !== text.trim() ? `"${text.replace(/"/gu, '""')}"` : text;
}

/**
 * RFC 4180 CSV with CRLF line ends and a byte-order mark, so Excel opens Vietnamese text as UTF-8
 * instead of mangling the diacritics. Numbers are written plainly (1234.5), never formatted.
 */
export function toCsv({ header, rows }: CsvTable): string {
  return BOM + [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** A file name safe on every system: folded accents, lower case, dashes ("Sản phẩm 2024" → "san-pham-2024"). */
export function fileSlug(text: string): string {
  return foldVietnamese(text)
    .replace(/[^a-z0-9]+/gu, '-')
    .replace(/^-+|-+$/gu, '');
}

/** Saves a URL (data: or blob:) as a file through a temporary link. */
export function downloadUrl(url: string, fileName: string): void {
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
}

export function downloadText(text: string, fileName: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  downloadUrl(url, fileName);
  // Give the browser time to start the download before the blob goes away.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
