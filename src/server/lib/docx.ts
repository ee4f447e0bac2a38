import { AlignmentType, BorderStyle, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType, type ISectionOptions } from 'docx';

/**
 * Administrative documents after Decree 30/2020/NĐ-CP (Appendix I): Times New Roman 13–14 pt,
 * A4 with margins top/bottom 20–25 mm, left 30–35 mm, right 15–20 mm, the issuing body and the
 * national motto side by side at the top, place and date in italics.
 */
const FONT = 'Times New Roman';
const MM = 56.7; // twentieths of a point per millimetre

export type Run = { text: string; bold?: boolean; italics?: boolean; size?: number; underline?: boolean };
const run = (r: Run) => new TextRun({ text: r.text, bold: r.bold ?? false, italics: r.italics ?? false, size: (r.size ?? 13) * 2, font: FONT, ...(r.underline ? { underline: {} } : {}) });

export function para(content: string | Run[], opts: { align?: 'left' | 'center' | 'right' | 'both'; bold?: boolean; italics?: boolean; size?: number; before?: number; after?: number; indent?: boolean } = {}) {
  const runs = typeof content === 'string' ? [{ text: content, bold: opts.bold, italics: opts.italics, size: opts.size } as Run] : content;
  const alignment = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT, both: AlignmentType.JUSTIFIED }[opts.align ?? 'both'];
  return new Paragraph({
    alignment,
    spacing: { before: (opts.before ?? 0) * 20, after: (opts.after ?? 6) * 20, line: 288 },
    ...(opts.indent ? { indent: { firstLine: 10 * MM } } : {}),
    children: runs.map(run),
  });
}

const noBorders = { top: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' }, bottom: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' }, left: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' }, right: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } };

/** Issuing body (left) and national motto (right), with the number and the place and date below. */
export function documentHeader(opts: { parentBody?: string; body: string; number: string; placeAndDate: string }) {
  const left = [
    ...(opts.parentBody ? [para(opts.parentBody.toUpperCase(), { align: 'center', size: 13 })] : []),
    para(opts.body.toUpperCase(), { align: 'center', bold: true, size: 13 }),
    para('———', { align: 'center', after: 2 }),
    para(`Số: ${opts.number}`, { align: 'center', size: 13 }),
  ];
  const right = [
    para('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { align: 'center', bold: true, size: 12 }),
    para([{ text: 'Độc lập - Tự do - Hạnh phúc', bold: true, size: 13, underline: true }], { align: 'center', after: 8 }),
    para(opts.placeAndDate, { align: 'center', italics: true, size: 13 }),
  ];
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: { ...noBorders, insideHorizontal: noBorders.top, insideVertical: noBorders.top },
    rows: [new TableRow({ children: [new TableCell({ width: { size: 40, type: WidthType.PERCENTAGE }, borders: noBorders, children: left }), new TableCell({ width: { size: 60, type: WidthType.PERCENTAGE }, borders: noBorders, children: right })] })],
  });
}

/** A bordered table: a bold header row, then the rows. */
export function dataTable(header: string[], rows: string[][], widths?: number[]) {
  const cell = (text: string, bold: boolean, i: number) =>
    new TableCell({ ...(widths ? { width: { size: widths[i]!, type: WidthType.PERCENTAGE } } : {}), children: [para(text, { align: i === 0 ? 'center' : 'left', bold, size: 12, after: 0 })] });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [new TableRow({ tableHeader: true, children: header.map((h, i) => cell(h, true, i)) }), ...rows.map((r) => new TableRow({ children: r.map((c, i) => cell(c, false, i)) }))],
  });
}

/** The signature block on the right; "Nơi nhận" (recipients) on the left. */
export function signatureBlock(opts: { title: string; name: string; recipients: string[] }) {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: { ...noBorders, insideHorizontal: noBorders.top, insideVertical: noBorders.top },
    rows: [
      new TableRow({
        children: [
          new TableCell({ width: { size: 45, type: WidthType.PERCENTAGE }, borders: noBorders, children: [para([{ text: 'Nơi nhận:', bold: true, italics: true, size: 12 }], { align: 'left', after: 0 }), ...opts.recipients.map((r) => para(`- ${r};`, { align: 'left', size: 11, after: 0 }))] }),
          new TableCell({
            width: { size: 55, type: WidthType.PERCENTAGE },
            borders: noBorders,
            children: [para(opts.title.toUpperCase(), { align: 'center', bold: true, size: 13 }), para('(Ký, ghi rõ họ tên, đóng dấu)', { align: 'center', italics: true, size: 12, after: 60 }), para(opts.name, { align: 'center', bold: true, size: 13 })],
          }),
        ],
      }),
    ],
  });
}

export function renderDocx(children: ISectionOptions['children']): Promise<Buffer> {
  const doc = new Document({
    creator: 'OCOP',
    styles: { default: { document: { run: { font: FONT, size: 26 } } } },
    sections: [{ properties: { page: { size: { width: 210 * MM, height: 297 * MM }, margin: { top: 20 * MM, bottom: 20 * MM, left: 30 * MM, right: 15 * MM } } }, children }],
  });
  return Packer.toBuffer(doc);
}

/** "ngày 20 tháng 6 năm 2027" from an ISO date. */
export function vietnameseDateWords(iso: string) {
  const [y, m, d] = iso.split('-').map(Number);
  return `ngày ${d} tháng ${m} năm ${y}`;
}
