import ExcelJS from 'exceljs';
import { LEGAL_FORM_LABELS, type LegalForm } from '../../../domain/subjects/legal-forms.js';
import { aggregateBySet, type ReportContext } from './annual-report.docx.js';

/** The tables behind the annual report, one sheet each, numbers as numbers. */
export async function annualReportXlsx(ctx: ReportContext): Promise<Buffer> {
  const r = ctx.report;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'OCOP';
  const sheet = (name: string, header: string[], rows: (string | number | null)[][], widths: number[]) => {
    const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.addRow(header).font = { bold: true };
    for (const row of rows) ws.addRow(row);
    widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  };
  sheet(
    'Tổng hợp',
    ['Nội dung', `Năm ${r.year}`],
    [
      ['Sản phẩm được đánh giá, phân hạng', r.evaluated.products],
      ['— thi lần đầu', r.evaluated.firstTime],
      ['— dự thi nâng hạng', r.evaluated.upgrade],
      ['— đánh giá lại', r.evaluated.reRating],
      ['Chủ thể có sản phẩm được đánh giá', r.evaluated.subjects],
      ['— chủ thể mới', r.subjects.new],
      ['— chủ thể đã tham gia', r.subjects.returning],
      ['Sản phẩm được công nhận từ 3 sao', r.recognized.products],
      ['— 3 sao', r.recognized.byStar['3']],
      ['— 4 sao', r.recognized.byStar['4']],
      ['— 5 sao', r.recognized.byStar['5']],
      ['Chủ thể có sản phẩm được công nhận', r.recognized.subjects],
      ['Sản phẩm đạt từ 90 điểm', r.scoreAtLeast90],
      ['Giấy chứng nhận còn hiệu lực cuối năm', r.certificates.valid],
      ['Giấy chứng nhận đến hạn trong năm', r.certificates.expiring],
      ['Giấy chứng nhận hết hiệu lực không đánh giá lại', r.certificates.lapsed],
      ['Giấy chứng nhận bị thu hồi', r.certificates.revoked],
      ['Lũy kế sản phẩm OCOP còn hiệu lực', r.cumulative.products],
      ['Lũy kế chủ thể có sản phẩm OCOP', r.cumulative.subjects],
    ],
    [50, 14],
  );
  sheet('Chỉ tiêu', ['Mã', 'Chỉ tiêu', 'Đơn vị', 'Kế hoạch', 'Thực hiện'], r.indicators.map((i) => [i.code, i.name.vi, i.unit, i.target, i.value]), [30, 55, 14, 12, 12]);
  sheet('Theo xã', ['Mã xã', 'Xã, phường', 'Được đánh giá', 'Được công nhận'], r.byCommune.map((c) => [c.communeCode, c.name, c.evaluated, c.recognised]), [10, 35, 16, 16]);
  sheet('Theo bộ sản phẩm', ['Bộ sản phẩm', 'Được công nhận'], aggregateBySet(ctx), [60, 16]);
  sheet(
    'Theo loại hình',
    ['Mã', 'Loại hình', 'Chủ thể có sản phẩm được công nhận'],
    Object.entries(r.recognized.byLegalForm).map(([code, n]) => [code, LEGAL_FORM_LABELS[code as LegalForm]?.vi ?? code, n]),
    [10, 35, 20],
  );
  return Buffer.from(await wb.xlsx.writeBuffer());
}
