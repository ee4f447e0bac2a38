import type { z } from 'zod';
import type { Decision } from '../../../contracts/certificates.js';
import { formatPoints } from '../../lib/pdf.js';
import { dataTable, documentHeader, para, renderDocx, signatureBlock, vietnameseDateWords } from '../../lib/docx.js';

/**
 * A draft of the recognition decision in the administrative layout (Decree 30/2020/NĐ-CP), with the
 * list of recognised products annexed; the office edits and signs it outside the platform.
 */
export function decisionDocx(d: z.infer<typeof Decision>, provinceName: string): Promise<Buffer> {
  const ministry = d.level === 'ministry';
  const place = ministry ? 'Hà Nội' : provinceName.replace(/^(Tỉnh|Thành phố) /, '');
  const recognised = d.items.filter((i) => i.star !== null);
  const year = d.signedOn.slice(0, 4);
  return renderDocx([
    documentHeader({
      ...(ministry ? {} : { parentBody: 'Ủy ban nhân dân' }),
      body: ministry ? 'Bộ Nông nghiệp và Môi trường' : provinceName,
      number: d.number,
      placeAndDate: `${place}, ${vietnameseDateWords(d.signedOn)}`,
    }),
    para('QUYẾT ĐỊNH', { align: 'center', bold: true, size: 14, before: 12, after: 0 }),
    para(`Về việc công nhận sản phẩm đạt chuẩn OCOP năm ${year}`, { align: 'center', bold: true, size: 14, after: 12 }),
    para(ministry ? 'BỘ TRƯỞNG BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG' : `CHỦ TỊCH ỦY BAN NHÂN DÂN ${provinceName.toUpperCase()}`, { align: 'center', bold: true, size: 14, after: 12 }),
    para('Căn cứ Luật Tổ chức chính quyền địa phương;', { italics: true, indent: true }),
    para('Căn cứ Quyết định số 26/2026/QĐ-TTg ngày 22/5/2026 của Thủ tướng Chính phủ ban hành Bộ tiêu chí và quy trình đánh giá, phân hạng sản phẩm Chương trình mỗi xã một sản phẩm;', { italics: true, indent: true }),
    para('Theo kết quả đánh giá, phân hạng của Hội đồng và đề nghị của cơ quan thường trực Chương trình OCOP.', { italics: true, indent: true, after: 12 }),
    para('QUYẾT ĐỊNH:', { align: 'center', bold: true, size: 14, after: 12 }),
    para([{ text: 'Điều 1. ', bold: true }, { text: `Công nhận ${recognised.length} sản phẩm đạt chuẩn OCOP (có danh sách kèm theo).` }], { indent: true }),
    para([{ text: 'Điều 2. ', bold: true }, { text: 'Giấy chứng nhận sản phẩm OCOP có giá trị trong thời hạn 36 tháng kể từ ngày ký (Điều 4 Quyết định số 26/2026/QĐ-TTg). Chủ thể có sản phẩm được công nhận có trách nhiệm duy trì chất lượng sản phẩm, sử dụng nhãn OCOP đúng quy định.' }], { indent: true }),
    para([{ text: 'Điều 3. ', bold: true }, { text: 'Quyết định này có hiệu lực kể từ ngày ký. Chánh Văn phòng, Thủ trưởng các cơ quan, đơn vị liên quan và các chủ thể có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này.' }], { indent: true, after: 18 }),
    signatureBlock({ title: d.signerTitle, name: d.signer, recipients: ['Như Điều 3', 'Văn phòng Điều phối nông thôn mới Trung ương', 'Lưu: VT'] }),
    para('DANH SÁCH SẢN PHẨM ĐƯỢC CÔNG NHẬN ĐẠT CHUẨN OCOP', { align: 'center', bold: true, size: 13, before: 24, after: 0 }),
    para(`(Kèm theo Quyết định số ${d.number} ${vietnameseDateWords(d.signedOn)})`, { align: 'center', italics: true, size: 12, after: 8 }),
    dataTable(
      ['STT', 'Tên sản phẩm', 'Mã số', 'Chủ thể', 'Điểm', 'Hạng', 'Số giấy chứng nhận'],
      recognised.map((i, n) => [String(n + 1), i.productName, i.ocopCode, i.subjectName, i.score === null ? '' : formatPoints(i.score), `${i.star} sao`, i.certificateNumber ?? '']),
      [6, 22, 16, 22, 8, 8, 18],
    ),
  ]);
}
