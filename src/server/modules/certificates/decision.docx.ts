import type { z } from 'zod';
import type { Decision } from '../../../contracts/certificates.js';
import { formatPoints } from '../../lib/pdf.js';
import { dataTable, documentHeader, lowerKind, pageBreak, para, renderDocx, signatureBlock, vietnameseDateWords } from '../../lib/docx.js';
import { issuingAuthority, QD26_GROUND } from '../dossiers/official-acts.js';

/**
 * A draft of the decision on council results in the administrative layout (Decree 30/2020/NĐ-CP),
 * with its annexed list; the office edits and signs it outside the platform. A recognition
 * (Art. 7.3e for 3–4★, 7.4e for 5★) lists the products with their stars and certificate numbers; an
 * approval (Art. 7.3e, second paragraph) approves results of 90 points and more and has the dossiers
 * sent to the ministry for 5★, so its list carries the scores only.
 */
export function decisionDocx(d: z.infer<typeof Decision>, provinceName: string): Promise<Buffer> {
  const ministry = d.level === 'ministry';
  const authority = issuingAuthority(d.level, provinceName);
  const approval = d.kind === 'approval';
  const listed = approval ? d.items : d.items.filter((i) => i.star !== null);
  const year = d.signedOn.slice(0, 4);
  const byStar = [5, 4, 3].map((star) => ({ star, n: listed.filter((i) => i.star === star).length })).filter((x) => x.n > 0);
  const title = approval
    ? 'Về việc phê duyệt kết quả đánh giá, phân hạng sản phẩm OCOP đạt từ 90 điểm trở lên'
    : ministry
      ? `Về việc công nhận sản phẩm OCOP 5 sao năm ${year}`
      : `Về việc công nhận sản phẩm đạt chuẩn OCOP năm ${year}`;
  const council = ministry ? 'Hội đồng đánh giá, phân hạng sản phẩm OCOP cấp trung ương' : 'Hội đồng đánh giá, phân hạng sản phẩm OCOP cấp tỉnh';
  const article1 = approval
    ? `Phê duyệt kết quả đánh giá, phân hạng của ${council} đối với ${listed.length} sản phẩm đạt từ 90 điểm trở lên (có danh sách và điểm đánh giá kèm theo).`
    : ministry
      ? `Công nhận kết quả đánh giá và cấp giấy chứng nhận cho ${listed.length} sản phẩm OCOP 5 sao, có danh sách kèm theo.`
      : `Công nhận và cấp giấy chứng nhận cho ${listed.length} sản phẩm đạt chuẩn OCOP${byStar.length ? ` (${byStar.map((x) => `${x.n} sản phẩm ${x.star} sao`).join(', ')})` : ''}, có danh sách kèm theo.`;
  const article2 = approval
    ? 'Giao Sở Nông nghiệp và Môi trường (cơ quan tham mưu quản lý OCOP cấp tỉnh) hoàn thiện hồ sơ theo quy định tại khoản 3 Điều 6 Quyết định số 26/2026/QĐ-TTg, tham mưu Ủy ban nhân dân tỉnh có văn bản gửi hồ sơ đề nghị Bộ Nông nghiệp và Môi trường đánh giá, phân hạng sản phẩm OCOP 5 sao theo quy định tại điểm e khoản 3 Điều 7 Quyết định số 26/2026/QĐ-TTg.'
    : 'Giấy chứng nhận có giá trị trong thời hạn 36 tháng kể từ ngày ban hành (khoản 3 Điều 4 Quyết định số 26/2026/QĐ-TTg). Chủ thể có sản phẩm được công nhận có trách nhiệm duy trì chất lượng sản phẩm theo hồ sơ đã được đánh giá, sử dụng nhãn OCOP đúng quy định.';
  const executors = ministry
    ? 'Chánh Văn phòng Bộ, Thủ trưởng các đơn vị thuộc Bộ có liên quan, Chủ tịch Ủy ban nhân dân các tỉnh, thành phố có sản phẩm và các chủ thể có tên tại Điều 1'
    : 'Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Nông nghiệp và Môi trường, Thủ trưởng các cơ quan, đơn vị liên quan, Chủ tịch Ủy ban nhân dân các xã, phường có sản phẩm và các chủ thể có tên tại Điều 1';
  return renderDocx([
    documentHeader({ body: authority.body, number: d.number, placeAndDate: `${authority.place}, ${vietnameseDateWords(d.signedOn)}` }),
    para('QUYẾT ĐỊNH', { align: 'center', bold: true, size: 14, before: 12, after: 0 }),
    para(title, { align: 'center', bold: true, size: 14, after: 12 }),
    para(authority.head, { align: 'center', bold: true, size: 14, after: 12 }),
    para(authority.powers, { italics: true, indent: true }),
    para(QD26_GROUND, { italics: true, indent: true }),
    para(`Theo kết quả đánh giá, phân hạng của ${council} và đề nghị của ${authority.proposer}.`, { italics: true, indent: true, after: 12 }),
    para('QUYẾT ĐỊNH:', { align: 'center', bold: true, size: 14, after: 12 }),
    para([{ text: 'Điều 1. ', bold: true }, { text: article1 }], { indent: true }),
    para([{ text: 'Điều 2. ', bold: true }, { text: article2 }], { indent: true }),
    para([{ text: 'Điều 3. ', bold: true }, { text: `Quyết định này có hiệu lực kể từ ngày ký. ${executors} chịu trách nhiệm thi hành Quyết định này.` }], {
      indent: true,
      after: 18,
    }),
    signatureBlock({
      title: d.signerTitle,
      name: d.signer,
      recipients: ministry
        ? ['Như Điều 3', 'Văn phòng Điều phối nông thôn mới Trung ương', 'Lưu: VT']
        : ['Như Điều 3', 'Bộ Nông nghiệp và Môi trường (để báo cáo)', 'Văn phòng Điều phối nông thôn mới Trung ương', 'Lưu: VT'],
    }),
    pageBreak(),
    para(
      approval
        ? 'DANH SÁCH SẢN PHẨM ĐƯỢC PHÊ DUYỆT KẾT QUẢ ĐÁNH GIÁ, PHÂN HẠNG'
        : ministry
          ? 'DANH SÁCH SẢN PHẨM ĐƯỢC CÔNG NHẬN SẢN PHẨM OCOP 5 SAO'
          : 'DANH SÁCH SẢN PHẨM ĐƯỢC CÔNG NHẬN ĐẠT CHUẨN OCOP',
      { align: 'center', bold: true, size: 13, after: 0 },
    ),
    para(
      `(Kèm theo Quyết định số ${d.number} ${vietnameseDateWords(d.signedOn)} của ${ministry ? 'Bộ trưởng Bộ Nông nghiệp và Môi trường' : `Chủ tịch Ủy ban nhân dân ${lowerKind(provinceName)}`})`,
      { align: 'center', italics: true, size: 12, after: 8 },
    ),
    approval
      ? dataTable(
          ['STT', 'Tên sản phẩm', 'Mã số', 'Chủ thể', 'Điểm đánh giá'],
          listed.map((i, n) => [String(n + 1), i.productName, i.ocopCode, i.subjectName, i.score === null ? '' : formatPoints(i.score)]),
          [8, 30, 20, 30, 12],
        )
      : dataTable(
          ['STT', 'Tên sản phẩm', 'Mã số', 'Chủ thể', 'Điểm', 'Hạng', 'Số giấy chứng nhận'],
          listed.map((i, n) => [
            String(n + 1),
            i.productName,
            i.ocopCode,
            i.subjectName,
            i.score === null ? '' : formatPoints(i.score),
            `${i.star} sao`,
            i.certificateNumber ?? '',
          ]),
          [6, 22, 16, 22, 8, 8, 18],
        ),
  ]);
}
