import type { Paragraph, Table } from 'docx';
import type { CriterionNode } from '../../../domain/criteria/index.js';
import { formatDateVn } from '../../../domain/dates/calendar.js';
import { invalid } from '../../../domain/errors.js';
import { parseProductCode } from '../../../domain/identifiers/product-code.js';
import { GENDER_LABELS, LEGAL_FORM_LABELS, type Gender, type LegalForm } from '../../../domain/subjects/legal-forms.js';
import {
  checkbox,
  dataTable,
  documentHeader,
  lowerKind,
  nationalMotto,
  para,
  placeName,
  renderDocx,
  signatureBlock,
  vietnameseDateWords,
  type Run,
} from '../../lib/docx.js';
import { formatPoints } from '../../lib/pdf.js';
import type { FormsInput } from './filings.service.js';

/** The forms of the procedure a dossier produces, by their address segment. */
export const DOSSIER_FORMS = ['mau-01', 'mau-02', 'mau-03', 'de-nghi-cua-xa', 'van-ban-gui-bo'] as const;
export type DossierForm = (typeof DOSSIER_FORMS)[number];

type Block = Paragraph | Table;
type Assessment = NonNullable<FormsInput['dossier']['communeAssessment']>;
type Forwarding = NonNullable<FormsInput['dossier']['forwarding']>;

const QD26 =
  'Quyết định số 26/2026/QĐ-TTg ngày 22 tháng 5 năm 2026 của Thủ tướng Chính phủ ban hành Bộ tiêu chí và quy trình đánh giá, phân hạng sản phẩm mỗi xã một sản phẩm';
const KIND_LABEL = { first: 'lần đầu', upgrade: 'nâng hạng', rerating: 'đánh giá, phân hạng lại' } as const;
/** Tourism (set 26 of Decision 26/2026) sends no samples (Art. 6.2d, 6.3a). */
const TOURISM_SET = 26;

/** Writes one form of the dossier as DOCX (Decree 30/2020 layout; Mẫu 01–03 of Phụ lục III, Decision 26/2026/QĐ-TTg). */
export async function dossierFormDocx(form: DossierForm, input: FormsInput): Promise<Buffer> {
  const write = { 'mau-01': mau01, 'mau-02': mau02, 'mau-03': mau03, 'de-nghi-cua-xa': communeLetter, 'van-ban-gui-bo': ministryLetter }[form];
  return renderDocx(write(input));
}

// ——— Helpers ———————————————————————————————————————————————————————————————

/** A labelled line of a form; a value the records lack stays dotted for the producer or the officer to fill in. */
const line = (label: string, value: string | null | undefined) =>
  para([{ text: `${label}: ` }, { text: value?.trim() ? value.trim() : '……………………' }], { after: 2 });
const heading = (text: string, before = 8) => para(text, { bold: true, before, after: 4 });
const centred = (text: string, opts: { bold?: boolean; italics?: boolean; size?: number; before?: number; after?: number } = {}) =>
  para(text, {
    align: 'center',
    bold: opts.bold ?? false,
    italics: opts.italics ?? false,
    size: opts.size ?? 13,
    before: opts.before ?? 0,
    after: opts.after ?? 0,
  });
const ticked = (label: string, on: boolean, detail?: string): Block =>
  para([{ text: `${label}: ` }, checkbox(on), ...(detail ? [{ text: ` ${detail}`, italics: true } as Run] : [])], { indent: true, after: 2 });
/** Samples as the decision writes them ("05 sản phẩm mẫu"); tourism sends none. */
const samplesText = (n: number, setNumber: number) =>
  setNumber === TOURISM_SET
    ? 'không áp dụng (nhóm sản phẩm Dịch vụ du lịch cộng đồng, du lịch sinh thái và điểm du lịch)'
    : n === 0
      ? 'không có'
      : `${String(n).padStart(2, '0')} sản phẩm mẫu`;
/** Phụ lục I's sector and group carry an English gloss in brackets on the platform; the forms print the Vietnamese. */
const vietnameseOnly = (s: string) => s.replace(/\s*\([\x20-\x7E]*\)\s*$/, '');
const sectorOf = (input: FormsInput) => vietnameseOnly(input.set.sector).replace(/^[IVX]+\.\s*/, '');
const groupOf = (input: FormsInput) => vietnameseOnly(input.set.productGroup);
const legalFormLabel = (code: string) => LEGAL_FORM_LABELS[code as LegalForm]?.vi ?? code;
const genderLabel = (code: string | null) => (code ? (GENDER_LABELS[code as Gender]?.vi ?? code) : null);
const dateOrNull = (iso: string | null | undefined) => (iso ? formatDateVn(iso) : null);
const communeBody = (input: FormsInput) => `Ủy ban nhân dân ${lowerKind(input.communeName)}`;
const provinceBody = (input: FormsInput) => `Ủy ban nhân dân ${lowerKind(input.provinceName)}`;
const setLine = (input: FormsInput) => `bộ sản phẩm số ${input.set.number} “${input.set.name}” (ngành ${sectorOf(input)}, nhóm ${groupOf(input)})`;

function notAvailable(vi: string, en: string): never {
  throw invalid('form_not_available', { vi, en });
}

function assessmentOf(input: FormsInput, what: { vi: string; en: string }): Assessment {
  return (
    input.dossier.communeAssessment ??
    notAvailable(
      `Ủy ban nhân dân cấp xã chưa đánh giá hồ sơ (khoản 2 Điều 7 Quyết định số 26/2026/QĐ-TTg): chưa có ${what.vi} để in.`,
      `The commune has not assessed the dossier yet (Art. 7.2, Decision 26/2026/QĐ-TTg): there is no ${what.en} to print.`,
    )
  );
}

// ——— Mẫu số 01 ——————————————————————————————————————————————————————————————

/**
 * Mẫu số 01, Phiếu đăng ký đánh giá, phân hạng sản phẩm OCOP (Art. 6.1), as filed: the producer's
 * unit and representative from the registration, the product, its set in Phụ lục I, the kind of
 * evaluation ticked, the attachments, the producer's signature on the filing day, and the receipt
 * blocks of the commune (which received it on the platform that day, Art. 7.1) and of the province.
 */
function mau01(input: FormsInput): Block[] {
  const { dossier, filing } = input;
  const r = filing.registration;
  const year = filing.filedOn.slice(0, 4);
  const code = parseProductCode(filing.product.ocopCode);
  const receiptNo = `Phiếu số: ……-……/PĐK-${code.ok ? `${code.parts.provinceCode}-${code.parts.communeCode}` : '(Mã tỉnh)-(Mã xã)'}-${year}`;
  const total = filing.selfAssessment.total ?? filing.selfAssessment.result?.total ?? null;
  const receipt = (title: string, receivedOn: string | null) => [
    heading(title, 10),
    para(receiptNo, { after: 2 }),
    para(`Ngày nhận: ${receivedOn ? formatDateVn(receivedOn) : '……………………'}`, { after: 2 }),
    para('Người tiếp nhận: …………………………… Chữ ký: ……………………', { after: 2 }),
    signatureBlock({ title: 'Cơ quan tiếp nhận', name: '', recipients: [], note: '(Ký, đóng dấu và ghi rõ họ tên)' }),
  ];
  return [
    ...nationalMotto(),
    centred('PHIẾU ĐĂNG KÝ', { bold: true, size: 14, before: 6 }),
    centred('Tham gia đánh giá, phân hạng sản phẩm OCOP', { bold: true, size: 14 }),
    centred(`của ${lowerKind(input.provinceName)} năm ${year}`, { bold: true, size: 14, after: 10 }),
    centred(`Kính gửi: ${communeBody(input)}`, { size: 14, after: 10 }),
    heading('1. Thông tin về đơn vị đăng ký:'),
    line('- Tên đơn vị', filing.subject.name),
    line('- Họ tên người đại diện pháp lý', r.representativeName),
    line('- Chức vụ', r.representativePosition),
    line('- Địa chỉ liên hệ', r.address ?? filing.subject.address),
    para([{ text: `- Điện thoại: ${r.phone ?? filing.subject.phone ?? '……………………'}     Email: ${r.email ?? filing.subject.email ?? '……………………'}` }], {
      after: 2,
    }),
    para([{ text: '2. Tên sản phẩm: ', bold: true }, { text: `${filing.product.name} (mã số ${filing.product.ocopCode})` }], { before: 8, after: 2 }),
    para(
      [
        { text: '3. Nhóm sản phẩm đăng ký (Ngành, Nhóm, Phân nhóm): ', bold: true },
        { text: `Ngành ${sectorOf(input)}; nhóm ${groupOf(input)}; bộ sản phẩm số ${input.set.number}: ${input.set.name}.` },
      ],
      { before: 8, after: 2 },
    ),
    para(
      [
        { text: '4. Lần đăng ký đánh giá: ', bold: true },
        { text: 'Lần đầu ' },
        checkbox(dossier.kind === 'first'),
        { text: '     Nâng hạng: ' },
        checkbox(dossier.kind === 'upgrade'),
        { text: '     Đánh giá lại: ' },
        checkbox(dossier.kind === 'rerating'),
      ],
      { before: 8, after: 2 },
    ),
    heading('5. Tài liệu kèm theo:'),
    para(
      `- Báo cáo tự đánh giá về sản phẩm theo Bộ tiêu chí (Mẫu số 02; bản gốc, bản điện tử trên phần mềm)${total !== null ? `, tự đánh giá ${formatPoints(total)} điểm` : ''}.`,
      { after: 2 },
    ),
    para(`- Sản phẩm mẫu (số lượng): ${samplesText(dossier.samples, input.set.number)}.`, { after: 8 }),
    para(
      'Cam đoan những thông tin trong Phiếu đăng ký là đúng sự thật, chúng tôi xin cam kết tuân thủ các quy định về đánh giá, phân hạng sản phẩm OCOP, chịu trách nhiệm trước Hội đồng và pháp luật về Hồ sơ đăng ký đánh giá, phân hạng sản phẩm.',
      { indent: true, after: 12 },
    ),
    signatureBlock({
      title: 'Đại diện',
      name: r.representativeName,
      recipients: [],
      placeAndDate: `${placeName(filing.subject.communeName || input.communeName)}, ${vietnameseDateWords(filing.filedOn)}`,
      note: '(Ký, đóng dấu, ghi rõ họ tên)',
    }),
    centred('PHẦN DÀNH CHO CƠ QUAN QUẢN LÝ', { bold: true, before: 18, after: 4 }),
    ...receipt(`DÀNH CHO ${communeBody(input).toUpperCase()}`, filing.filedOn),
    ...receipt('DÀNH CHO CƠ QUAN QUẢN LÝ OCOP CẤP TỈNH', null),
  ];
}

// ——— Mẫu số 02 ——————————————————————————————————————————————————————————————

/**
 * The kinds of intellectual-property title Mẫu 02 ticks one by one. The platform files them all as
 * "ip_title", so the kind is read from the document's title.
 */
const IP_KINDS = [
  { label: '+ Giấy chứng nhận đăng ký nhãn hiệu', match: /nhãn hiệu(?! tập thể| chứng nhận)/iu },
  {
    label: '+ Văn bản ghi nhận quyền sử dụng chỉ dẫn địa lý, nhãn hiệu tập thể, nhãn hiệu chứng nhận',
    match: /chỉ dẫn địa lý|nhãn hiệu tập thể|nhãn hiệu chứng nhận/iu,
  },
  { label: '+ Bằng sáng chế', match: /sáng chế/iu },
  { label: '+ Bằng độc quyền kiểu dáng công nghiệp', match: /kiểu dáng/iu },
  { label: '+ Giấy chứng nhận bản quyền tác giả', match: /bản quyền|quyền tác giả/iu },
];

/** What Mẫu 02 part I ticks, read from the papers on file (the checklist of the filing). */
function papersTicks(input: FormsInput): Block[] {
  const paper = (type: string) => input.papers.find((p) => p.type === type);
  const ok = (type: string) => paper(type)?.status === 'ok';
  const refs = (type: string) => {
    const p = paper(type);
    if (!p || !p.documents.length) return undefined;
    const list = p.documents
      .map((d) => [d.title, d.number ? `số ${d.number}` : null, d.issuedOn ? `ngày ${formatDateVn(d.issuedOn)}` : null].filter(Boolean).join(', '))
      .join('; ');
    return `(${list}${p.status === 'expired' ? ' — đã hết hiệu lực' : ''})`;
  };
  const ip = paper('ip_title');
  const ipTitles = ip?.status === 'ok' ? ip.documents.map((d) => d.title) : [];
  const otherIp = ipTitles.filter((t) => !IP_KINDS.some((k) => k.match.test(t)));
  return [
    para('Đánh dấu vào mục tương ứng:', { italics: true, after: 2 }),
    ticked('a) Giấy đăng ký kinh doanh', ok('business_registration'), refs('business_registration')),
    ticked('b) Đã công bố chất lượng sản phẩm theo quy định', ok('quality_declaration'), refs('quality_declaration')),
    para('c) Đã có các điều kiện sản xuất theo quy định:', { indent: true, after: 2 }),
    ticked(
      '- Giấy chứng nhận cơ sở đủ điều kiện vệ sinh an toàn thực phẩm theo quy định của pháp luật cho sản xuất sản phẩm',
      ok('food_safety_certificate'),
      refs('food_safety_certificate'),
    ),
    ticked(
      '- Giấy chứng nhận cơ sở đủ điều kiện sản xuất bắt buộc theo quy định cho sản phẩm (đối với các sản phẩm bắt buộc theo quy định)',
      false,
      '(chủ thể bổ sung nếu có)',
    ),
    ticked('d) Đã có đăng ký sở hữu trí tuệ', ok('ip_title'), refs('ip_title')),
    ...IP_KINDS.map((k) =>
      ticked(
        k.label,
        ipTitles.some((t) => k.match.test(t)),
      ),
    ),
    ticked('+ Khác (ghi rõ)', otherIp.length > 0, otherIp.length ? otherIp.join('; ') : undefined),
  ];
}

/** Each criterion of the sheet with the option the producer chose, its group headings, and each part's subtotal. */
function selfScoringRows(input: FormsInput) {
  const { choices, notes } = input.filing.selfAssessment;
  const rows: string[][] = [];
  const bold = new Set<number>();
  const partTotals: { code: string; points: number; max: number }[] = [];
  const pointsOf = (node: CriterionNode): number => {
    if (node.kind === 'group') return node.children.reduce((s, c) => s + pointsOf(c), 0);
    const chosen = choices[node.code];
    return chosen === undefined ? 0 : (node.options[chosen]?.points ?? 0);
  };
  const walk = (node: CriterionNode) => {
    if (node.kind === 'group') {
      bold.add(rows.length);
      rows.push([node.code, node.label, '', formatPoints(node.maxPoints), formatPoints(pointsOf(node)), '']);
      node.children.forEach(walk);
      return;
    }
    const chosen = choices[node.code];
    const option = chosen === undefined ? undefined : node.options[chosen];
    rows.push([
      node.code,
      node.label,
      option?.label ?? 'Chưa chọn',
      formatPoints(node.maxPoints),
      option ? formatPoints(option.points) : '',
      notes[node.code] ?? '',
    ]);
  };
  for (const part of input.set.parts) {
    bold.add(rows.length);
    rows.push([`Phần ${part.code}`, part.label, '', formatPoints(part.maxPoints), '', '']);
    part.items.forEach(walk);
    const points = part.items.reduce((s, i) => s + pointsOf(i), 0);
    partTotals.push({ code: part.code, points, max: part.maxPoints });
    bold.add(rows.length);
    rows.push(['', `Cộng phần ${part.code}`, '', formatPoints(part.maxPoints), formatPoints(points), '']);
  }
  return { rows, bold, partTotals };
}

/**
 * Mẫu số 02, Báo cáo tự đánh giá về sản phẩm (Art. 6.1), from the filing: part I from the producer
 * and product as filed with the papers on file ticked; parts II and IV, which the platform does not
 * hold, left to the producer; part III the self-scoring of every criterion of the set, subtotals per
 * part, the total and star, and the evidence filed with its SHA-256 fingerprint, so the printed
 * report can be matched to the files the commune and the councils read.
 */
function mau02(input: FormsInput): Block[] {
  const { filing } = input;
  const s = filing.subject;
  const p = filing.product;
  const sa = filing.selfAssessment;
  const registration = input.papers.find((x) => x.type === 'business_registration')?.documents[0];
  const description = [
    p.description,
    p.ingredients && `Thành phần: ${p.ingredients}`,
    p.packaging && `Quy cách đóng gói: ${p.packaging}`,
    p.netContent && `Khối lượng/thể tích tịnh: ${p.netContent}`,
    p.qualityDeclarationNo && `Tiêu chuẩn công bố: bản công bố chất lượng số ${p.qualityDeclarationNo}`,
    p.barcode && `Mã số mã vạch: ${p.barcode}`,
  ]
    .filter((x): x is string => !!x)
    .map((x) => x.replace(/\.$/, ''))
    .join('. ');
  const { rows, bold, partTotals } = selfScoringRows(input);
  const total = sa.total ?? sa.result?.total ?? partTotals.reduce((t, x) => t + x.points, 0);
  const star = sa.star ?? sa.result?.star ?? null;
  const supplied = '(chủ thể bổ sung)';
  return [
    centred('BÁO CÁO TỰ ĐÁNH GIÁ VỀ SẢN PHẨM', { bold: true, size: 14 }),
    centred('(Dành cho chủ thể có sản phẩm đăng ký)', { italics: true, after: 4 }),
    centred(`Sản phẩm: ${p.name} — mã số ${p.ocopCode}`, { after: 10 }),
    centred('Phần I', { bold: true }),
    centred('THÔNG TIN CHUNG', { bold: true, after: 6 }),
    line('1. Tên chủ thể', s.name),
    line('2. Loại hình tổ chức', legalFormLabel(s.legalForm)),
    line('3. Địa chỉ', s.address),
    para(`4. Điện thoại: ${s.phone ?? '……………………'}     Email: ${s.email ?? '……………………'}`, { after: 2 }),
    para('5. Tên người đại diện pháp luật:', { after: 2 }),
    line('- Họ tên', s.representativeName ?? filing.registration.representativeName),
    para(`- Giới tính: ${genderLabel(s.representativeGender) ?? '……………'}; Dân tộc: ${s.representativeEthnicity ?? '……………'}`, { after: 2 }),
    line('- Địa chỉ thường trú', null),
    para(
      `6. Ngày thành lập/đăng ký kinh doanh: ${dateOrNull(s.foundedOn) ?? '……………'}; Số giấy đăng ký (nếu có): ${registration?.number ?? s.taxCode ?? '……………'}`,
      { after: 2 },
    ),
    line('7. Tên sản phẩm/dịch vụ, mô tả về quy cách sản phẩm, tiêu chuẩn', `${p.name}${description ? `. ${description}` : ''}.`),
    ...papersTicks(input),
    line('8. Lịch sử hình thành của chủ thể (nêu các giai đoạn hình thành và phát triển)', supplied),
    line('9. Cơ cấu tổ chức của chủ thể', supplied),

    centred('Phần II', { bold: true, before: 12 }),
    centred('KẾT QUẢ THỰC HIỆN PHƯƠNG ÁN SẢN XUẤT KINH DOANH', { bold: true, after: 6 }),
    para(
      `Tổ chức vùng nguyên liệu, công nghệ sản xuất, sự thay đổi về chất lượng sản phẩm, thị trường phân phối, kết quả sản xuất kinh doanh (doanh thu, lợi nhuận): ${supplied}.`,
      { indent: true },
    ),

    centred('Phần III', { bold: true, before: 12 }),
    centred('ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN THEO BỘ TIÊU CHÍ SẢN PHẨM OCOP', { bold: true, after: 6 }),
    para(`Bộ tiêu chí ban hành kèm theo Quyết định số ${sa.legalBasis}, ${setLine(input)}${sa.case ? `; trường hợp ${sa.case}` : ''}.`, {
      indent: true,
      after: 4,
    }),
    dataTable(['Mã', 'Tiêu chí', 'Phương án tự đánh giá', 'Điểm tối đa', 'Điểm tự chấm', 'Mô tả, chứng minh'], rows, [7, 27, 30, 8, 8, 20], {
      boldRow: (_r, i) => bold.has(i),
    }),
    para(
      `Tổng điểm tự đánh giá: ${formatPoints(total)}/100 (${partTotals.map((x) => `phần ${x.code}: ${formatPoints(x.points)}/${formatPoints(x.max)}`).join('; ')}).`,
      { bold: true, before: 8, after: 2 },
    ),
    para(`Hạng sao tự đánh giá: ${star ? `${star} sao` : 'chưa đạt hạng được công nhận'}.`, { bold: true, after: 4 }),
    ...(sa.generalNote ? [para(`Ghi chú chung: ${sa.generalNote}`, { indent: true })] : []),
    heading('Tài liệu minh chứng kèm theo'),
    sa.evidence.length
      ? dataTable(
          ['STT', 'Tiêu chí', 'Tài liệu', 'Mã SHA-256'],
          sa.evidence.map((e, i) => [
            String(i + 1),
            e.criterionCode,
            e.filename ?? e.url,
            filing.evidenceHashes[e.id] ?? (e.kind === 'link' ? '(liên kết)' : ''),
          ]),
          [7, 12, 36, 45],
        )
      : para('Không có tài liệu minh chứng kèm theo.', { indent: true }),
    heading('Giấy tờ pháp lý trong hồ sơ'),
    dataTable(
      ['STT', 'Loại giấy tờ', 'Tài liệu', 'Tình trạng'],
      input.papers.map((x, i) => [
        String(i + 1),
        `${x.label}${x.required ? ' (bắt buộc)' : ''}`,
        x.documents
          .map((d) => [d.title, d.number && `số ${d.number}`, d.validUntil && `hiệu lực đến ${formatDateVn(d.validUntil)}`].filter(Boolean).join(', '))
          .join('; '),
        { ok: 'Có', expired: 'Hết hiệu lực', missing: 'Chưa có' }[x.status],
      ]),
      [7, 33, 45, 15],
    ),

    centred('Phần IV', { bold: true, before: 12 }),
    centred('KẾ HOẠCH SẢN XUẤT, KINH DOANH', { bold: true, after: 6 }),
    para(`Định hướng, kế hoạch về phát triển sản phẩm, tổ chức sản xuất, thị trường trong thời gian tới: ${supplied}.`, { indent: true, after: 12 }),
    signatureBlock({
      title: 'Đại diện theo pháp luật của cơ sở',
      name: s.representativeName ?? filing.registration.representativeName,
      recipients: [],
      placeAndDate: `${placeName(s.communeName || input.communeName)}, ${vietnameseDateWords(filing.filedOn)}`,
      note: '(Ký, họ tên, đóng dấu)',
    }),
  ];
}

// ——— Mẫu số 03 and the commune's letter ————————————————————————————————————

/** The commune People's Committee signs its report and letter as a body (TM.), a Vice-Chair "KT. CHỦ TỊCH". */
const communeSignature = (a: Assessment, recipients: string[]) =>
  signatureBlock({ title: a.signerTitle || 'Chủ tịch', name: a.signer || '', recipients, onBehalfOf: 'Ủy ban nhân dân' });

/**
 * Mẫu số 03, the commune's report on four matters of the dossier (Art. 7.2): the producer, the four
 * matters as the commune assessed them, and its proposal, or not, to the province.
 */
function mau03(input: FormsInput): Block[] {
  const a = assessmentOf(input, { vi: 'báo cáo đánh giá (Mẫu số 03)', en: 'assessment report (Form 03)' });
  const { filing } = input;
  const s = filing.subject;
  const subjectAndProduct = `sản phẩm ${filing.product.name} của ${s.name}`;
  return [
    documentHeader({
      body: communeBody(input),
      number: a.reportNumber ?? '……/BC-UBND',
      placeAndDate: `${placeName(input.communeName)}, ${vietnameseDateWords(a.assessedOn)}`,
    }),
    centred('BÁO CÁO', { bold: true, size: 14, before: 12 }),
    centred('Đánh giá một số nội dung của hồ sơ đăng ký tham gia đánh giá, phân hạng sản phẩm OCOP', { bold: true, size: 14, after: 12 }),
    heading('I. THÔNG TIN CHUNG VỀ HỒ SƠ SẢN PHẨM'),
    line('1. Tên chủ thể', s.name),
    line('2. Loại hình tổ chức', legalFormLabel(s.legalForm)),
    line('3. Địa chỉ', s.address),
    para('4. Tên người đại diện pháp luật:', { after: 2 }),
    line('- Họ tên', s.representativeName ?? filing.registration.representativeName),
    para(`- Giới tính: ${genderLabel(s.representativeGender) ?? '……………'}; Dân tộc: ${s.representativeEthnicity ?? '……………'}`, { after: 2 }),
    line('- Địa chỉ thường trú', null),
    line(
      '5. Sản phẩm đăng ký đánh giá',
      `${filing.product.name} (mã số ${filing.product.ocopCode}), ${setLine(input)}; đánh giá ${KIND_LABEL[input.dossier.kind]}; hồ sơ nộp ${vietnameseDateWords(filing.filedOn)}`,
    ),
    heading('II. ĐÁNH GIÁ MỘT SỐ NỘI DUNG CỦA HỒ SƠ SẢN PHẨM'),
    para([{ text: '1. Về sử dụng nguyên liệu địa phương: ', bold: true }, { text: a.rawMaterialOrigin }], { indent: true }),
    para([{ text: '2. Về sử dụng lao động địa phương: ', bold: true }, { text: a.localLabour }], { indent: true }),
    para([{ text: '3. Nguồn gốc ý tưởng sản phẩm: ', bold: true }, { text: a.ideaOrigin }], { indent: true }),
    para([{ text: '4. Bản sắc/trí tuệ địa phương: ', bold: true }, { text: a.localIdentity }], { indent: true }),
    para(
      a.conclusion === 'propose'
        ? `${communeBody(input)} đề nghị ${provinceBody(input)} đánh giá, phân hạng sản phẩm OCOP cho ${subjectAndProduct}.`
        : `${communeBody(input)} không đề nghị ${provinceBody(input)} đánh giá, phân hạng sản phẩm OCOP cho ${subjectAndProduct}, do hồ sơ chưa đáp ứng các nội dung đánh giá nêu trên.`,
      { indent: true, before: 8, after: 18 },
    ),
    communeSignature(a, [provinceBody(input), 'Sở Nông nghiệp và Môi trường (cơ quan tham mưu quản lý OCOP cấp tỉnh)', s.name, 'Lưu: VT']),
  ];
}

/**
 * The commune's letter (công văn) proposing that the province evaluate the product (Art. 6.2a,
 * 7.2b), sent with Mẫu 03, the product dossier and the samples. Only a commune that proposes the
 * product writes it.
 */
function communeLetter(input: FormsInput): Block[] {
  const a = assessmentOf(input, { vi: 'văn bản đề nghị của xã', en: 'commune’s proposal letter' });
  if (a.conclusion !== 'propose')
    notAvailable(
      `${communeBody(input)} không đề nghị đánh giá sản phẩm này (Mẫu số 03), nên không có văn bản đề nghị Ủy ban nhân dân cấp tỉnh.`,
      'The commune did not propose this product (Form 03), so there is no proposal letter to the province.',
    );
  const { dossier, filing } = input;
  const total = filing.selfAssessment.total ?? filing.selfAssessment.result?.total ?? null;
  return [
    documentHeader({
      body: communeBody(input),
      number: a.letterNumber ?? '……/UBND',
      subject: 'V/v đề nghị đánh giá, phân hạng sản phẩm OCOP',
      placeAndDate: `${placeName(input.communeName)}, ${vietnameseDateWords(a.assessedOn)}`,
    }),
    centred(`Kính gửi: ${provinceBody(input)}.`, { size: 14, before: 12, after: 12 }),
    para(
      `Thực hiện ${QD26}, ${communeBody(input)} đã tiếp nhận hồ sơ đăng ký đánh giá, phân hạng sản phẩm OCOP (${KIND_LABEL[dossier.kind]}) của ${filing.subject.name} ${vietnameseDateWords(filing.filedOn)}, kiểm tra thành phần hồ sơ và đánh giá một số nội dung của hồ sơ theo Mẫu số 03${a.reportNumber ? ` (Báo cáo số ${a.reportNumber} ${vietnameseDateWords(a.assessedOn)})` : ''}.`,
      { indent: true },
    ),
    para(`${communeBody(input)} đề nghị ${provinceBody(input)} đánh giá, phân hạng sản phẩm OCOP cho sản phẩm sau:`, { indent: true, after: 6 }),
    dataTable(
      ['STT', 'Tên sản phẩm', 'Mã số', 'Chủ thể', 'Bộ sản phẩm', 'Hình thức', 'Tự đánh giá'],
      [
        [
          '1',
          filing.product.name,
          filing.product.ocopCode,
          `${filing.subject.name}${filing.registration.representativeName ? ` (đại diện: ${filing.registration.representativeName})` : ''}`,
          `${input.set.number}. ${input.set.name}`,
          KIND_LABEL[dossier.kind],
          total === null ? '' : `${formatPoints(total)} điểm`,
        ],
      ],
      [6, 18, 16, 22, 16, 10, 12],
    ),
    para('Hồ sơ gửi kèm (khoản 2 Điều 6 Quyết định số 26/2026/QĐ-TTg), gồm 01 bộ hồ sơ giấy và 01 bộ hồ sơ điện tử trên phần mềm:', {
      indent: true,
      before: 8,
      after: 2,
    }),
    para(
      `1. Báo cáo đánh giá một số nội dung của hồ sơ đăng ký tham gia đánh giá, phân hạng sản phẩm OCOP (Mẫu số 03)${a.reportNumber ? ` số ${a.reportNumber}` : ''}.`,
      { indent: true, after: 2 },
    ),
    para(
      '2. Hồ sơ sản phẩm: Phiếu đăng ký đánh giá, phân hạng sản phẩm OCOP (Mẫu số 01) và Báo cáo tự đánh giá về sản phẩm (Mẫu số 02) kèm tài liệu minh chứng.',
      { indent: true, after: 2 },
    ),
    para(`3. Sản phẩm mẫu: ${samplesText(dossier.samples, input.set.number)}.`, { indent: true }),
    para(`${communeBody(input)} kính đề nghị ${provinceBody(input)} xem xét, tổ chức đánh giá, phân hạng./.`, { indent: true, before: 6, after: 18 }),
    communeSignature(a, ['Như trên', 'Sở Nông nghiệp và Môi trường (cơ quan tham mưu quản lý OCOP cấp tỉnh)', filing.subject.name, 'Lưu: VT']),
  ];
}

// ——— The province's letter to the Ministry ————————————————————————————————

/** What the province sends the Ministry (Art. 6.3a for a first 5★ or an upgrade, 6.3b for a 5★ re-rating). */
function ministryPackage(input: FormsInput, f: Forwarding): string[] {
  const rerating = input.dossier.kind === 'rerating';
  const a = input.dossier.communeAssessment;
  return [
    `Văn bản đề nghị đánh giá, phân hạng${rerating ? ' lại' : ''} sản phẩm OCOP 5 sao của ${provinceBody(input)} (văn bản này).`,
    ...(rerating
      ? ['Báo cáo đánh giá của cơ quan tham mưu quản lý OCOP cấp tỉnh.']
      : [
          'Báo cáo đánh giá của Tổ tư vấn Hội đồng đánh giá, phân hạng sản phẩm OCOP cấp tỉnh.',
          'Báo cáo đánh giá và biên bản họp của Hội đồng đánh giá, phân hạng sản phẩm OCOP cấp tỉnh.',
        ]),
    ...(input.approval
      ? [
          `Quyết định số ${input.approval.number} ${vietnameseDateWords(input.approval.signedOn)} của Chủ tịch ${provinceBody(input)} phê duyệt kết quả đánh giá.`,
        ]
      : []),
    `Hồ sơ sản phẩm: Phiếu đăng ký (Mẫu số 01), Báo cáo tự đánh giá về sản phẩm (Mẫu số 02) kèm tài liệu minh chứng; Báo cáo đánh giá của ${communeBody(input)} (Mẫu số 03${a?.reportNumber ? `, số ${a.reportNumber}` : ''})${a?.letterNumber ? ` và Văn bản đề nghị số ${a.letterNumber}` : ''}.`,
    `Văn bản xác nhận kiểm tra, kiểm nghiệm bổ sung của cấp tỉnh: ${f.extraTests ?? 'không có'}.`,
    `Sản phẩm mẫu: ${samplesText(f.samplesSent, input.set.number)}.`,
  ];
}

/**
 * The province's letter to the Ministry of Agriculture and Environment proposing the 5★ evaluation
 * (Art. 6.3a, 7.3e; 6.3b, 7.6e for a re-rating), citing the Chair's approval of the result and the
 * provincial council's score, with the package it encloses; written once the dossier is forwarded.
 */
function ministryLetter(input: FormsInput): Block[] {
  const f =
    input.dossier.forwarding ??
    notAvailable(
      'Hồ sơ chưa được Ủy ban nhân dân cấp tỉnh gửi Bộ Nông nghiệp và Môi trường (điểm e khoản 3 Điều 7 Quyết định số 26/2026/QĐ-TTg): chưa có văn bản để in.',
      'The province has not forwarded the dossier to the Ministry of Agriculture and Environment (Art. 7.3e, Decision 26/2026/QĐ-TTg): there is no letter to print.',
    );
  const { filing, councilResult: r, approval } = input;
  const rerating = input.dossier.kind === 'rerating';
  const grounds = [
    `Căn cứ ${QD26}`,
    ...(r
      ? [
          `Căn cứ kết quả đánh giá, phân hạng của Hội đồng đánh giá, phân hạng sản phẩm OCOP cấp tỉnh ${vietnameseDateWords(r.scoredOn)}: sản phẩm đạt ${formatPoints(r.score)} điểm (phần A: ${formatPoints(r.partA)}; phần B: ${formatPoints(r.partB)}; phần C: ${formatPoints(r.partC)}), ${r.score >= 90 ? 'đạt từ 90 điểm trở lên, có tiềm năng đạt 5 sao' : `tương ứng hạng ${r.star} sao`}`,
        ]
      : []),
    ...(approval
      ? [
          `Căn cứ Quyết định số ${approval.number} ${vietnameseDateWords(approval.signedOn)} của Chủ tịch ${provinceBody(input)} về việc phê duyệt kết quả đánh giá, phân hạng sản phẩm OCOP đạt từ 90 điểm trở lên (${approval.signerTitle} ${approval.signer} ký)`,
        ]
      : []),
  ];
  return [
    documentHeader({
      body: provinceBody(input),
      number: f.letterNumber,
      subject: `V/v đề nghị đánh giá, phân hạng${rerating ? ' lại' : ''} sản phẩm OCOP 5 sao`,
      placeAndDate: `${placeName(input.provinceName)}, ${vietnameseDateWords(f.letterDate)}`,
    }),
    centred('Kính gửi: Bộ Nông nghiệp và Môi trường.', { size: 14, before: 12, after: 12 }),
    ...grounds.map((g, i) => para(`${g}${i === grounds.length - 1 ? ',' : ';'}`, { indent: true })),
    para(`${provinceBody(input)} đề nghị Bộ Nông nghiệp và Môi trường đánh giá, phân hạng${rerating ? ' lại' : ''} sản phẩm OCOP 5 sao đối với sản phẩm sau:`, {
      indent: true,
      after: 6,
    }),
    dataTable(
      ['STT', 'Tên sản phẩm', 'Mã số', 'Chủ thể', 'Địa chỉ', 'Bộ sản phẩm', 'Điểm cấp tỉnh'],
      [
        [
          '1',
          filing.product.name,
          filing.product.ocopCode,
          filing.subject.name,
          `${lowerKind(input.communeName)}, ${lowerKind(input.provinceName)}`,
          `${input.set.number}. ${input.set.name}`,
          r ? formatPoints(r.score) : '',
        ],
      ],
      [6, 18, 16, 18, 16, 14, 12],
    ),
    para(`Hồ sơ gửi kèm (khoản 3 Điều 6 Quyết định số 26/2026/QĐ-TTg), gồm 01 bộ hồ sơ giấy và 01 bộ hồ sơ điện tử:`, { indent: true, before: 8, after: 2 }),
    ...ministryPackage(input, f).map((x, i) => para(`${i + 1}. ${x}`, { indent: true, after: 2 })),
    para(`${provinceBody(input)} kính đề nghị Bộ Nông nghiệp và Môi trường xem xét, tổ chức đánh giá, phân hạng theo quy định./.`, {
      indent: true,
      before: 6,
      after: 18,
    }),
    signatureBlock({
      title: f.signerTitle,
      name: f.signer,
      onBehalfOf: 'Ủy ban nhân dân',
      recipients: [
        'Như trên',
        'Văn phòng Điều phối nông thôn mới Trung ương',
        'Sở Nông nghiệp và Môi trường',
        communeBody(input),
        filing.subject.name,
        'Lưu: VT',
      ],
    }),
  ];
}
