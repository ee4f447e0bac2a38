import { ImageRun, Paragraph, AlignmentType } from 'docx';
import type { AnnualReport } from '../../../contracts/indicators.js';
import { certificatesSentence, countWords, cumulativeSentence, evaluationSentence, producersSentences, recognitionSentence } from '../../../domain/reports/annual-report-text.js';
import { LEGAL_FORM_LABELS, type LegalForm } from '../../../domain/subjects/legal-forms.js';
import { barChartPng } from '../../lib/charts.js';
import { dataTable, documentHeader, para, renderDocx, signatureBlock, vietnameseDateWords } from '../../lib/docx.js';

export type ReportContext = { report: AnnualReport; planTitle: string | null; decisionNumbers: string[]; issuedOn: string; setNames: Map<number, string>; bySet: { setNumber: number | null; star: number; products: number }[] };

const heading = (text: string) => para(text, { bold: true, before: 6, align: 'left' });
const body = (text: string) => para(text, { indent: true });
const fmt = (v: number | null) => (v === null ? '—' : Number.isInteger(v) ? v.toLocaleString('vi-VN') : v.toLocaleString('vi-VN', { maximumFractionDigits: 2 }));

/**
 * The annual report (báo cáo kết quả thực hiện Chương trình OCOP) laid out as Decree 30/2020/NĐ-CP
 * asks and following part I of the province's plan: direction, communication, the OCOP cycle and
 * evaluation results, product development, economic organisations, trade promotion, targets.
 */
export async function annualReportDocx(ctx: ReportContext): Promise<Buffer> {
  const r = ctx.report;
  const province = r.provinceName.replace(/^Tỉnh\s+|^Thành phố\s+/i, '');
  const chart = await barChartPng({
    title: `Sản phẩm được công nhận năm ${r.year} theo hạng sao`,
    categories: ['3 sao', '4 sao', '5 sao'],
    series: [{ name: 'Sản phẩm', data: [r.recognized.byStar['3'], r.recognized.byStar['4'], r.recognized.byStar['5']] }],
  });
  const notTracked = (what: string) => body(`Nền tảng chưa ghi nhận số liệu ${what} của năm ${r.year}; Văn phòng Điều phối OCOP tỉnh bổ sung nội dung này.`);
  const setRows = aggregateBySet(ctx);
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
    notTracked('về tin, bài, phóng sự tuyên truyền và tập huấn'),

    heading('3. Triển khai thực hiện Chu trình OCOP và kết quả đánh giá, phân hạng sản phẩm'),
    body(evaluationSentence(r)),
    ...(r.evaluated.products ? [body(recognitionSentence(r))] : []),
    body(cumulativeSentence(r)),
    body(certificatesSentence(r)),
    para(`Bảng 1. Kết quả đánh giá, phân hạng sản phẩm OCOP năm ${r.year}`, { align: 'center', italics: true, before: 6 }),
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
          para(`Bảng 2. Kết quả theo xã, phường năm ${r.year}`, { align: 'center', italics: true, before: 6 }),
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
    notTracked('về điểm giới thiệu, bán sản phẩm, hội chợ, thương mại điện tử'),

    heading('7. Kết quả thực hiện các chỉ tiêu kế hoạch'),
    dataTable(
      ['STT', 'Chỉ tiêu', 'Kế hoạch', 'Thực hiện', 'Tỷ lệ'],
      r.indicators
        .filter((i) => i.target !== null || (i.value !== null && i.value > 0))
        .map((i, n) => [String(n + 1), i.name.vi, fmt(i.target), i.value === null ? 'Chưa theo dõi' : fmt(i.value), i.target && i.value !== null ? `${Math.round((i.value / i.target) * 100)}%` : '—']),
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
