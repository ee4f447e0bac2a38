import type { ISectionOptions, Paragraph, Table } from 'docx';
import { loadDocx } from './on-first-use.js';

/**
 * Administrative documents after Decree 30/2020/NĐ-CP (Appendix I): Times New Roman 13–14 pt,
 * A4 with margins top/bottom 20–25 mm, left 30–35 mm, right 15–20 mm, the issuing body and the
 * national motto side by side at the top, place and date in italics.
 */
const FONT = 'Times New Roman';
const MM = 56.7; // twentieths of a point per millimetre

/** `font` only for glyphs Times New Roman lacks (the ballot boxes of the forms). */
export type Run = { text: string; bold?: boolean; italics?: boolean; size?: number; underline?: boolean; font?: string };
const run = (r: Run) => {
  const { TextRun } = loadDocx();
  return new TextRun({
    text: r.text,
    bold: r.bold ?? false,
    italics: r.italics ?? false,
    size: (r.size ?? 13) * 2,
    font: r.font ?? FONT,
    ...(r.underline ? { underline: {} } : {}),
  });
};

/** A form's tick box (□ in Phụ lục III): ☒ when the record says so, ☐ otherwise. */
export const checkbox = (checked: boolean, size = 13): Run => ({ text: checked ? '☒' : '☐', size, font: 'Segoe UI Symbol' });

/** Starts the next document of a bundle (e.g. one letter per recipient) on a new page. */
export const pageBreak = () => {
  const { Paragraph, PageBreak } = loadDocx();
  return new Paragraph({ children: [new PageBreak()] });
};

export function para(
  content: string | Run[],
  opts: {
    align?: 'left' | 'center' | 'right' | 'both';
    bold?: boolean;
    italics?: boolean;
    size?: number;
    before?: number;
    after?: number;
    indent?: boolean;
  } = {},
) {
  const { Paragraph, AlignmentType } = loadDocx();
  const runs = typeof content === 'string' ? [{ text: content, bold: opts.bold, italics: opts.italics, size: opts.size } as Run] : content;
  const alignment = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT, both: AlignmentType.JUSTIFIED }[opts.align ?? 'both'];
  return new Paragraph({
    alignment,
    spacing: { before: (opts.before ?? 0) * 20, after: (opts.after ?? 6) * 20, line: 288 },
    ...(opts.indent ? { indent: { firstLine: 10 * MM } } : {}),
    children: runs.map(run),
  });
}

/** A table of two cells side by side with no lines: the header and the signature block. */
function unruledRow(cells: { widthPercent: number; children: (Paragraph | Table)[] }[]) {
  const { Table, TableRow, TableCell, WidthType, BorderStyle } = loadDocx();
  const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
  const noBorders = { top: none, bottom: none, left: none, right: none };
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: { ...noBorders, insideHorizontal: none, insideVertical: none },
    rows: [
      new TableRow({
        children: cells.map(
          (cell) => new TableCell({ width: { size: cell.widthPercent, type: WidthType.PERCENTAGE }, borders: noBorders, children: cell.children }),
        ),
      }),
    ],
  });
}

/** The national name and motto alone, for forms filed by a producer (Mẫu số 01), which have no issuing body. */
export function nationalMotto() {
  return [
    para('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { align: 'center', bold: true, size: 13, after: 0 }),
    para([{ text: 'Độc lập - Tự do - Hạnh phúc', bold: true, size: 14, underline: true }], { align: 'center', after: 12 }),
  ];
}

/**
 * Issuing body (left) and national motto (right), with the number and the place and date below.
 * `parentBody` is the superior body, printed above in regular type (e.g. the provincial People's
 * Committee above its department); `subject` is a letter's (công văn) "V/v …" line under the number.
 */
export function documentHeader(opts: { parentBody?: string; body: string; number: string; placeAndDate: string; subject?: string }) {
  const left = [
    ...(opts.parentBody ? [para(opts.parentBody.toUpperCase(), { align: 'center', size: 13, after: 0 })] : []),
    para(opts.body.toUpperCase(), { align: 'center', bold: true, size: 13 }),
    para('———', { align: 'center', after: 2 }),
    para(`Số: ${opts.number}`, { align: 'center', size: 13 }),
    ...(opts.subject ? [para(opts.subject, { align: 'center', size: 12 })] : []),
  ];
  const right = [
    para('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { align: 'center', bold: true, size: 12 }),
    para([{ text: 'Độc lập - Tự do - Hạnh phúc', bold: true, size: 13, underline: true }], { align: 'center', after: 8 }),
    para(opts.placeAndDate, { align: 'center', italics: true, size: 13 }),
  ];
  return unruledRow([
    { widthPercent: 40, children: left },
    { widthPercent: 60, children: right },
  ]);
}

/** A bordered table: a bold header row, then the rows (`boldRow` marks headings and subtotals). */
export function dataTable(header: string[], rows: string[][], widths?: number[], opts: { boldRow?: (row: string[], index: number) => boolean } = {}) {
  const { Table, TableRow, TableCell, WidthType } = loadDocx();
  const cell = (text: string, bold: boolean, i: number) =>
    new TableCell({
      ...(widths ? { width: { size: widths[i]!, type: WidthType.PERCENTAGE } } : {}),
      children: [para(text, { align: i === 0 ? 'center' : 'left', bold, size: 12, after: 0 })],
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: header.map((h, i) => cell(h, true, i)) }),
      ...rows.map((r, n) => {
        const bold = opts.boldRow?.(r, n) ?? false;
        return new TableRow({ children: r.map((c, i) => cell(c, bold, i)) });
      }),
    ],
  });
}

/**
 * The lines of authority above a signature (Decree 30/2020/NĐ-CP, Art. 13 and Appendix I): a deputy signs
 * for the head, "KT." (ký thay) over their own title — "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH", "KT. BỘ TRƯỞNG /
 * THỨ TRƯỞNG", "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC". A title already written with its "KT." line is kept.
 */
export function signingLines(title: string): string[] {
  if (/^\s*(KT|TM|TL|TUQ)\./iu.test(title))
    return title
      .trim()
      .split(/\s*\n\s*/)
      .map((l) => l.toUpperCase());
  const t = title.trim().replace(/\s+/g, ' ');
  const head = /^thứ trưởng\b/iu.test(t) ? 'Bộ trưởng' : /^phó /iu.test(t) ? t.replace(/^phó /iu, '').replace(/ thường trực\b/iu, '') : null;
  return head ? [`KT. ${head.toUpperCase()}`, t.toUpperCase()] : [t.toUpperCase()];
}

/**
 * The signature block on the right; "Nơi nhận" (recipients) on the left, each line ending with ";" and
 * the last with ".". `onBehalfOf` is the collective body a People's Committee's letter is signed for
 * ("TM. ỦY BAN NHÂN DÂN"); `placeAndDate` goes above the title on forms that carry it there.
 */
export function signatureBlock(opts: { title: string; name: string; recipients: string[]; onBehalfOf?: string; placeAndDate?: string; note?: string }) {
  const recipients = opts.recipients.length
    ? [
        para([{ text: 'Nơi nhận:', bold: true, italics: true, size: 12 }], { align: 'left', after: 0 }),
        ...opts.recipients.map((r, i) => para(`- ${r}${i === opts.recipients.length - 1 ? '.' : ';'}`, { align: 'left', size: 11, after: 0 })),
      ]
    : [para('', { after: 0 })];
  const authority = [...(opts.onBehalfOf ? [`TM. ${opts.onBehalfOf.toUpperCase()}`] : []), ...signingLines(opts.title)];
  return unruledRow([
    { widthPercent: 45, children: recipients },
    {
      widthPercent: 55,
      children: [
        ...(opts.placeAndDate ? [para(opts.placeAndDate, { align: 'center', italics: true, size: 13 })] : []),
        ...authority.map((line) => para(line, { align: 'center', bold: true, size: 13, after: 0 })),
        para(opts.note ?? '(Ký, ghi rõ họ tên, đóng dấu)', { align: 'center', italics: true, size: 12, after: 60 }),
        para(opts.name, { align: 'center', bold: true, size: 13 }),
      ],
    },
  ]);
}

export function renderDocx(children: ISectionOptions['children']): Promise<Buffer> {
  const { Document, Packer } = loadDocx();
  const doc = new Document({
    creator: 'OCOP',
    styles: { default: { document: { run: { font: FONT, size: 26 } } } },
    sections: [
      {
        properties: { page: { size: { width: 210 * MM, height: 297 * MM }, margin: { top: 20 * MM, bottom: 20 * MM, left: 30 * MM, right: 15 * MM } } },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/**
 * "ngày 03 tháng 12 năm 2026", "ngày 15 tháng 02 năm 2027" from an ISO date: Decree 30/2020/NĐ-CP,
 * Appendix I, writes a zero before days under 10 and before months 1 and 2.
 */
export function vietnameseDateWords(iso: string) {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return `ngày ${String(d).padStart(2, '0')} tháng ${m <= 2 ? String(m).padStart(2, '0') : m} năm ${y}`;
}

/** The place on a document: the unit's name without its kind ("Tỉnh Đồng Tháp" → "Đồng Tháp", "Phường Sa Đéc" → "Sa Đéc"). */
export const placeName = (unitFullName: string) => unitFullName.replace(/^(Tỉnh|Thành phố|Xã|Phường|Đặc khu) /u, '');

/** "Tỉnh Đồng Tháp" → "tỉnh Đồng Tháp": the unit's kind in lower case inside a body's name. */
export const lowerKind = (unitFullName: string) => unitFullName.charAt(0).toLowerCase() + unitFullName.slice(1);
