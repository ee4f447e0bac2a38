import { loadExcelJS } from '../../lib/on-first-use.js';
import { breakdownLabel, type IndicatorBreakdown } from '../../../domain/indicators/index.js';
import { PLACEMENT_LABELS, type Placement } from '../../../domain/market/index.js';
import { funnelRows } from '../../../domain/reports/annual-report-text.js';
import { LEGAL_FORM_LABELS, type LegalForm } from '../../../domain/subjects/legal-forms.js';
import { aggregateBySet, type ReportContext } from './annual-report.docx.js';

/** A breakdown's rows under their total: "— Shopee", most first. */
const breakdownRows = (breakdown: IndicatorBreakdown, counts: Record<string, number>): (string | number)[][] =>
  Object.entries(counts)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([key, n]) => [`— ${breakdownLabel(breakdown, key).vi}`, n]);

/** The tables behind the annual report, one sheet each, numbers as numbers. */
export async function annualReportXlsx(ctx: ReportContext): Promise<Buffer> {
  const r = ctx.report;
  const wb = new (loadExcelJS().Workbook)();
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
      ['Luỹ kế sản phẩm OCOP còn hiệu lực', r.cumulative.products],
      ['Luỹ kế chủ thể có sản phẩm OCOP', r.cumulative.subjects],
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
  sheet(
    'Truyền thông, tập huấn',
    ['Nội dung', `Năm ${r.year}`],
    [
      ['Tin, bài, phóng sự, ấn phẩm tuyên truyền (số lượng)', r.communication.items],
      ...breakdownRows('communicationKind', r.communication.byKind),
      ['Lớp tập huấn, đào tạo', r.training.courses],
      ['Lượt người được tập huấn', r.training.people],
      ['Chủ thể có người được tập huấn', r.training.producers],
    ],
    [55, 14],
  );
  sheet(
    'Phát triển sản phẩm',
    ['Nội dung', `Năm ${r.year}`, 'Tỷ lệ so với ý tưởng (%)'],
    [
      ...funnelRows(r.development.funnel).map((row) => [row.label, row.count, row.share]),
      ['Phương án, dự án SXKD nộp trong năm', r.development.businessPlans, null],
      ['Kinh phí các chính sách hỗ trợ (đồng)', r.support.budgetVnd, null],
      ['Kinh phí hỗ trợ đã giải ngân (đồng)', r.support.grantedVnd, null],
      ['Lượt hỗ trợ đã giải ngân', r.support.grants, null],
      ['Chủ thể được hỗ trợ', r.support.subjects, null],
    ],
    [50, 16, 22],
  );
  sheet(
    'Hỗ trợ theo lĩnh vực',
    ['Mã', 'Lĩnh vực', 'Kinh phí chính sách (đồng)', 'Đã giải ngân (đồng)', 'Lượt hỗ trợ'],
    r.support.byArea.map((a) => [a.area, breakdownLabel('supportArea', a.area).vi, a.budgetVnd, a.grantedVnd, a.grants]),
    [22, 35, 22, 20, 12],
  );
  const t = r.trade;
  sheet(
    'Xúc tiến thương mại',
    ['Nội dung', `Năm ${r.year}`],
    [
      ['Điểm giới thiệu và bán sản phẩm OCOP hoạt động ngày 31/12', t.salesPoints.total],
      ['— ngoài tỉnh', t.salesPoints.outside],
      ...breakdownRows('salesPointKind', t.salesPoints.byKind),
      ['Lượt sản phẩm tại siêu thị, chuỗi phân phối', t.chainListings.total],
      ...breakdownRows('channel', t.chainListings.byChannel),
      ['Sản phẩm trên sàn thương mại điện tử', t.ecommerceListings.total],
      ...breakdownRows('platform', t.ecommerceListings.byPlatform),
      ['Tỷ lệ chủ thể bán qua kênh hiện đại (%)', t.modernChannelsShare],
      ['Tỷ lệ chủ thể bán trên sàn thương mại điện tử (%)', t.ecommerceShare],
      ['Hội chợ, triển lãm, sự kiện xúc tiến thương mại', t.fairs.events],
      ...breakdownRows('eventKind', t.fairs.byKind),
      ['Chủ thể tham gia', t.fairs.producers],
      ['Lượt khách tham quan', t.fairs.visitors],
      ['Doanh thu (đồng)', t.fairs.revenueVnd],
      ['Hợp đồng, biên bản ghi nhớ', t.fairs.contracts],
    ],
    [55, 16],
  );
  sheet(
    'Hội chợ, triển lãm',
    ['Sự kiện', 'Loại', 'Từ ngày', 'Đến ngày', 'Nơi tổ chức', 'Địa điểm', 'Chủ thể tham gia', 'Lượt khách', 'Doanh thu (đồng)', 'Hợp đồng, biên bản'],
    t.events.map((e) => [
      e.name,
      breakdownLabel('eventKind', e.kind).vi,
      e.startsOn,
      e.endsOn,
      PLACEMENT_LABELS[e.placement as Placement]?.vi ?? e.placement,
      e.place,
      e.producers,
      e.visitors,
      e.revenueVnd,
      e.contracts,
    ]),
    [40, 24, 12, 12, 18, 30, 14, 12, 18, 14],
  );
  return Buffer.from(await wb.xlsx.writeBuffer());
}
