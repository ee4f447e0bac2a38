import type { AnnualReport } from '../../../contracts/indicators.js';
import { formatDateVn } from '../../../domain/dates/calendar.js';
import { INDICATOR_UNIT_LABELS } from '../../../domain/indicators/index.js';
import { PLACEMENT_LABELS, TRADE_EVENT_KIND_LABELS, type Placement, type TradeEventKind } from '../../../domain/market/index.js';
import { SUPPORT_AREA_LABELS, type SupportArea } from '../../../domain/programme/index.js';
import {
  certificatesSentence,
  communicationSentence,
  countWords,
  cumulativeSentence,
  evaluationSentence,
  fairsSentence,
  funnelRows,
  funnelSentence,
  listingsSentence,
  percentWords,
  producersSentences,
  recognitionSentence,
  salesPointsSentence,
  supportSentence,
  trainingSentence,
} from '../../../domain/reports/annual-report-text.js';
import { LEGAL_FORM_LABELS, type LegalForm } from '../../../domain/subjects/legal-forms.js';
import { barChartPng } from '../../lib/charts.js';
import { dataTable, documentHeader, para, renderDocx, signatureBlock, vietnameseDateWords } from '../../lib/docx.js';
import { loadDocx } from '../../lib/on-first-use.js';

export type ReportContext = { report: AnnualReport; planTitle: string | null; decisionNumbers: string[]; issuedOn: string; setNames: Map<number, string>; bySet: { setNumber: number | null; star: number; products: number }[] };

const heading = (text: string) => para(text, { bold: true, before: 6, align: 'left' });
const body = (text: string) => para(text, { indent: true });
const fmt = (v: number | null) => (v === null ? '—' : Number.isInteger(v) ? v.toLocaleString('vi-VN') : v.toLocaleString('vi-VN', { maximumFractionDigits: 2 }));
/** A figure of the plan's table with its unit where the unit is not a count: "33,3%", "180.000.000 đồng". */
const withUnit = (v: number | null, unit: string) =>
  v === null ? '—' : unit === 'percent' ? percentWords(v) : unit === 'vnd' ? `${fmt(v)} ${INDICATOR_UNIT_LABELS.vnd.vi}` : fmt(v);
const share = (v: number | null) => (v === null ? '—' : percentWords(v));
/** "31/12/2025 – 02/01/2026", or one day. */
const daysVn = (from: string, to: string) => (from === to ? formatDateVn(from) : `${formatDateVn(from)} – ${formatDateVn(to)}`);

/**
 * The annual report (báo cáo kết quả thực hiện Chương trình OCOP) laid out as Decree 30/2020/NĐ-CP
 * asks and following part I of the province's plan: direction, communication, the OCOP cycle and
 * evaluation results, product development, economic organisations, trade promotion, targets.
 */
export async function annualReportDocx(ctx: ReportContext): Promise<Buffer> {
  const r = ctx.report;
  const province = r.provinceName.replace(/^Tỉnh\s+|^Thành phố\s+/i, '');
  const { ImageRun, Paragraph, AlignmentType } = loadDocx();
  const chart = await barChartPng({
    title: `Sản phẩm được công nhận năm ${r.year} theo hạng sao`,
    categories: ['3 sao', '4 sao', '5 sao'],
    series: [{ name: 'Sản phẩm', data: [r.recognized.byStar['3'], r.recognized.byStar['4'], r.recognized.byStar['5']] }],
  });
  const setRows = aggregateBySet(ctx);
  // Tables are numbered in the order they appear; some appear only when there is something to list.
  let tables = 0;
  const caption = (text: string) => para(`Bảng ${++tables}. ${text}`, { align: 'center', italics: true, before: 6 });
  const trade = r.trade;
  return renderDocx([
    documentHeader({ body: `Ủy ban nhân dân ${r.provinceName}`, number: `      /BC-UBND`, placeAndDate: `${province}, ${vietnameseDateWords(ctx.issuedOn)}` }),
    para('BÁO CÁO', { align: 'center', bold: true, size: 14, before: 12, after: 0 }),
    para(`Kết quả thực hiện Chương trình Mỗi xã một sản phẩm (OCOP) năm ${r.year}`, { align: 'center', bold: true, size: 14, after: 12 }),

    heading('1. Công tác chỉ đạo, điều hành'),
    body(
      ctx.planTitle
        ? `Ủy ban nhân dân tỉnh đã ban hành ${ctx.planTitle}; chỉ đạo các sở, ngành, địa phương triển khai thực hiện Chương trình OCOP năm ${r.year}.`
        : `Ủy ban nhân dân tỉnh chỉ đạo các sở, ngành, địa phương triển khai thực hiện Chương trình OCOP năm ${r.year}.`,
    ),
    ...(ctx.decisionNumbers.length
      ? [body(`Trong năm, đã ban hành ${countWords(ctx.decisionNumbers.length)} quyết định công nhận kết quả đánh giá, phân hạng sản phẩm OCOP (${ctx.decisionNumbers.join('; ')}).`)]
      : []),

    heading('2. Công tác truyền thông'),
    body(communicationSentence(r)),
    body(trainingSentence(r)),

    heading('3. Triển khai thực hiện Chu trình OCOP và kết quả đánh giá, phân hạng sản phẩm'),
    body(evaluationSentence(r)),
    ...(r.evaluated.products ? [body(recognitionSentence(r))] : []),
    body(cumulativeSentence(r)),
    body(certificatesSentence(r)),
    caption(`Kết quả đánh giá, phân hạng sản phẩm OCOP năm ${r.year}`),
    dataTable(
      ['STT', 'Nội dung', 'Số lượng'],
      [
        ['1', 'Sản phẩm được đánh giá, phân hạng', fmt(r.evaluated.products)],
        ['1.1', 'Thi lần đầu', fmt(r.evaluated.firstTime)],
        ['1.2', 'Dự thi nâng hạng', fmt(r.evaluated.upgrade)],
        ['1.3', 'Đánh giá lại khi hết hạn', fmt(r.evaluated.reRating)],
        ['2', 'Chủ thể có sản phẩm được đánh giá', fmt(r.evaluated.subjects)],
        ['3', 'Sản phẩm được công nhận từ 3 sao', fmt(r.recognized.products)],
        ['3.1', 'Đạt 5 sao', fmt(r.recognized.byStar['5'])],
        ['3.2', 'Đạt 4 sao', fmt(r.recognized.byStar['4'])],
        ['3.3', 'Đạt 3 sao', fmt(r.recognized.byStar['3'])],
        ['4', 'Sản phẩm đạt từ 90 điểm', fmt(r.scoreAtLeast90)],
      ],
      [10, 65, 25],
    ),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 120, after: 120 }, children: [new ImageRun({ type: 'png', data: chart, transformation: { width: 560, height: 280 } })] }),
    ...(r.byCommune.length
      ? [
          caption(`Kết quả theo xã, phường năm ${r.year}`),
          dataTable(
            ['STT', 'Xã, phường', 'Sản phẩm được đánh giá', 'Sản phẩm được công nhận'],
            r.byCommune.map((c, i) => [String(i + 1), c.name, fmt(c.evaluated), fmt(c.recognised)]),
            [10, 50, 20, 20],
          ),
        ]
      : []),

    heading('4. Phát triển sản phẩm'),
    body(
      setRows.length
        ? `Các sản phẩm được công nhận năm ${r.year} thuộc ${countWords(setRows.length)} bộ sản phẩm; nhiều nhất là ${setRows[0]![0]} (${countWords(setRows[0]![1])} sản phẩm).`
        : `Năm ${r.year} chưa có sản phẩm được công nhận theo bộ sản phẩm.`,
    ),
    ...(setRows.length ? [dataTable(['STT', 'Bộ sản phẩm', 'Sản phẩm được công nhận'], setRows.map(([name, n], i) => [String(i + 1), name, fmt(n)]), [10, 65, 25])] : []),
    body(funnelSentence(r)),
    ...(r.development.funnel.ideas
      ? [
          caption(`Kết quả thực hiện các bước của Chu trình OCOP đối với ý tưởng sản phẩm tiếp nhận năm ${r.year}`),
          dataTable(
            ['STT', 'Nội dung', 'Số lượng', 'Tỷ lệ so với ý tưởng tiếp nhận'],
            funnelRows(r.development.funnel).map((row, i) => [String(i + 1), row.label, fmt(row.count), share(row.share)]),
            [10, 50, 15, 25],
          ),
        ]
      : []),
    body(supportSentence(r)),
    ...(r.support.byArea.length
      ? [
          caption(`Kinh phí hỗ trợ chủ thể OCOP năm ${r.year} theo lĩnh vực`),
          dataTable(
            ['STT', 'Lĩnh vực hỗ trợ', 'Kinh phí chính sách (đồng)', 'Đã giải ngân (đồng)', 'Lượt hỗ trợ'],
            [
              ...r.support.byArea.map((a, i) => [
                String(i + 1),
                SUPPORT_AREA_LABELS[a.area as SupportArea]?.vi ?? a.area,
                fmt(a.budgetVnd),
                fmt(a.grantedVnd),
                fmt(a.grants),
              ]),
              ['', 'Tổng cộng', fmt(r.support.budgetVnd), fmt(r.support.grantedVnd), fmt(r.support.grants)],
            ],
            [8, 37, 20, 20, 15],
          ),
        ]
      : []),

    heading('5. Củng cố, phát triển tổ chức kinh tế'),
    ...producersSentences(r).map(body),
    ...(Object.keys(r.recognized.byLegalForm).length
      ? [
          dataTable(
            ['STT', 'Loại hình chủ thể', 'Chủ thể có sản phẩm được công nhận'],
            Object.entries(r.recognized.byLegalForm)
              .sort((a, b) => b[1] - a[1])
              .map(([code, n], i) => [String(i + 1), LEGAL_FORM_LABELS[code as LegalForm]?.vi ?? code, fmt(n)]),
            [10, 65, 25],
          ),
        ]
      : []),

    heading('6. Hoạt động xúc tiến thương mại'),
    body(salesPointsSentence(r)),
    body(listingsSentence(r)),
    body(fairsSentence(r)),
    ...(trade.events.length
      ? [
          caption(`Các hội chợ, triển lãm, sự kiện xúc tiến thương mại năm ${r.year}`),
          dataTable(
            ['STT', 'Sự kiện', 'Thời gian, địa điểm', 'Chủ thể tham gia', 'Lượt khách', 'Doanh thu (đồng)', 'Hợp đồng, biên bản'],
            trade.events.map((e, i) => [
              String(i + 1),
              `${e.name} (${TRADE_EVENT_KIND_LABELS[e.kind as TradeEventKind]?.vi ?? e.kind})`,
              [daysVn(e.startsOn, e.endsOn), e.place ?? PLACEMENT_LABELS[e.placement as Placement]?.vi ?? ''].filter(Boolean).join(', '),
              fmt(e.producers),
              fmt(e.visitors),
              fmt(e.revenueVnd),
              fmt(e.contracts),
            ]),
            [6, 28, 20, 11, 11, 14, 10],
          ),
        ]
      : []),

    heading('7. Kết quả thực hiện các chỉ tiêu kế hoạch'),
    dataTable(
      ['STT', 'Chỉ tiêu', 'Kế hoạch', 'Thực hiện', 'Tỷ lệ'],
      r.indicators
        .filter((i) => i.target !== null || (i.value !== null && i.value > 0))
        .map((i, n) => [
          String(n + 1),
          i.name.vi,
          withUnit(i.target, i.unit),
          withUnit(i.value, i.unit),
          i.target && i.value !== null ? `${Math.round((i.value / i.target) * 100)}%` : '—',
        ]),
      [8, 47, 15, 15, 15],
    ),
    para('', { after: 12 }),
    signatureBlock({ title: 'TM. Ủy ban nhân dân tỉnh', name: '', recipients: ['Văn phòng Điều phối nông thôn mới Trung ương', 'Thường trực Tỉnh ủy, HĐND tỉnh', 'Các sở, ngành tỉnh', 'Lưu: VT'] }),
  ]);
}

/** Recognised products per set, largest first, with the set's name. */
export function aggregateBySet(ctx: Pick<ReportContext, 'bySet' | 'setNames'>): [string, number][] {
  const totals = new Map<string, number>();
  for (const row of ctx.bySet) {
    const name = row.setNumber ? `Bộ ${row.setNumber} – ${ctx.setNames.get(row.setNumber) ?? ''}`.trim() : 'Chưa xác định bộ sản phẩm';
    totals.set(name, (totals.get(name) ?? 0) + row.products);
  }
  return [...totals].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}
