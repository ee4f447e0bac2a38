import type { Certificate } from '../../../contracts/certificates.js';
import type { RevocationGround } from '../../../domain/certificates/validity.js';
import { invalid } from '../../../domain/errors.js';
import { formatPoints } from '../../lib/pdf.js';
import { documentHeader, lowerKind, para, renderDocx, signatureBlock, vietnameseDateWords } from '../../lib/docx.js';
import { issuingAuthority, QD26_GROUND } from '../dossiers/official-acts.js';

/** What the revocation decision prints: the revoked certificate (with the revocation's number, date, ground, signer) and its province. */
export type RevocationInput = { certificate: Certificate; provinceName: string };

/**
 * The platform keys the grounds a–f; Art. 8.1 of Decision 26/2026/QĐ-TTg letters them a, b, c, d, đ,
 * e. The decision cites the statute's letter and words.
 */
const GROUND_IN_LAW: Record<RevocationGround, { point: string; text: string }> = {
  a: {
    point: 'a',
    text: 'chủ thể OCOP cung cấp thông tin, tài liệu không trung thực hoặc giả mạo hồ sơ trong quá trình đăng ký đánh giá, phân hạng sản phẩm OCOP',
  },
  b: { point: 'b', text: 'sản phẩm OCOP không còn đáp ứng các tiêu chí theo Bộ tiêu chí OCOP theo kết luận kiểm tra, giám sát của cơ quan có thẩm quyền' },
  c: {
    point: 'c',
    text: 'sản phẩm OCOP vi phạm quy định pháp luật về chất lượng sản phẩm, an toàn thực phẩm, bảo vệ môi trường, sở hữu trí tuệ, ghi nhãn hàng hóa hoặc các quy định pháp luật khác có liên quan theo kết luận của cơ quan có thẩm quyền',
  },
  d: { point: 'd', text: 'chủ thể OCOP sử dụng nhãn hiệu OCOP không đúng quy định, gây nhầm lẫn về sản phẩm được công nhận' },
  e: { point: 'đ', text: 'chủ thể OCOP không còn hoạt động sản xuất sản phẩm OCOP' },
  f: {
    point: 'e',
    text: 'trường hợp khác theo kết luận và đề nghị của cơ quan nhà nước có thẩm quyền về việc sản phẩm OCOP không đủ điều kiện tiếp tục được công nhận',
  },
};

/**
 * The decision revoking a certificate (Art. 8), Decree 30/2020 layout: the recognising authority
 * revokes — the provincial Chair for 3–4★, the Minister for 5★ (Art. 8.2) — citing the ground's point
 * of Art. 8.1, the certificate and the decision that issued it, and the conclusion of the violation
 * the revocation follows (Art. 8.4). It is sent to the producer and the bodies concerned (Art. 8.3c).
 */
export async function revocationDocx({ certificate: c, provinceName }: RevocationInput): Promise<Buffer> {
  if (!c.revokedOn || !c.revocationDecisionNo)
    throw invalid('form_not_available', {
      vi: `Giấy chứng nhận ${c.number} chưa bị thu hồi: chưa có quyết định thu hồi để in.`,
      en: `Certificate ${c.number} has not been revoked: there is no revocation decision to print.`,
    });
  const level = c.level === 'ministry' || c.star === 5 ? 'ministry' : 'province';
  const ministry = level === 'ministry';
  const authority = issuingAuthority(level, provinceName);
  const ground = c.revocationGround && Object.hasOwn(GROUND_IN_LAW, c.revocationGround) ? GROUND_IN_LAW[c.revocationGround as RevocationGround] : null;
  const groundText = ground
    ? `${ground.text.charAt(0).toUpperCase()}${ground.text.slice(1)} (điểm ${ground.point} khoản 1 Điều 8 Quyết định số 26/2026/QĐ-TTg)`
    : 'Thuộc trường hợp quy định tại khoản 1 Điều 8 Quyết định số 26/2026/QĐ-TTg';
  // The certificate names its commune without its kind ("Sa Đéc"); a full name ("Phường Sa Đéc") is written in prose case.
  const hasKind = /^(Xã|Phường|Đặc khu) /u.test(c.communeName);
  const commune = hasKind ? lowerKind(c.communeName) : c.communeName;
  const v = c.violation;
  const recognisedBy = ministry ? 'Bộ trưởng Bộ Nông nghiệp và Môi trường' : `Chủ tịch Ủy ban nhân dân ${lowerKind(provinceName)}`;
  const recognition = c.decisionNumber
    ? `Quyết định số ${c.decisionNumber}${c.decisionSignedOn ? ` ${vietnameseDateWords(c.decisionSignedOn)}` : ''} của ${recognisedBy}`
    : null;
  return renderDocx([
    documentHeader({ body: authority.body, number: c.revocationDecisionNo, placeAndDate: `${authority.place}, ${vietnameseDateWords(c.revokedOn)}` }),
    para('QUYẾT ĐỊNH', { align: 'center', bold: true, size: 14, before: 12, after: 0 }),
    para('Về việc thu hồi giấy chứng nhận sản phẩm OCOP', { align: 'center', bold: true, size: 14, after: 12 }),
    para(authority.head, { align: 'center', bold: true, size: 14, after: 12 }),
    para(authority.powers, { italics: true, indent: true }),
    para(QD26_GROUND, { italics: true, indent: true }),
    ...(recognition ? [para(`Căn cứ ${recognition} về việc công nhận sản phẩm OCOP;`, { italics: true, indent: true })] : []),
    ...(v ? [para(`Căn cứ ${v.reference} ${vietnameseDateWords(v.concludedOn)};`, { italics: true, indent: true })] : []),
    para(`Theo đề nghị của ${authority.proposer}.`, { italics: true, indent: true, after: 12 }),
    para('QUYẾT ĐỊNH:', { align: 'center', bold: true, size: 14, after: 12 }),
    para(
      [
        { text: 'Điều 1. ', bold: true },
        {
          text: `Thu hồi giấy chứng nhận sản phẩm OCOP số ${c.number}, cấp ${vietnameseDateWords(c.issuedOn)}${recognition ? ` theo ${recognition}` : ''}, đối với sản phẩm ${c.productName} (mã số ${c.ocopCode}), hạng ${c.star} sao${c.score !== null ? `, ${formatPoints(c.score)} điểm` : ''}, của ${c.subjectName}, địa chỉ: ${commune}, ${lowerKind(provinceName)}.`,
        },
      ],
      { indent: true },
    ),
    para(`Lý do thu hồi: ${groundText}${v ? `, theo ${v.reference} ${vietnameseDateWords(v.concludedOn)}` : ''}.`, { indent: true }),
    para(
      [
        { text: 'Điều 2. ', bold: true },
        {
          text: `Kể từ ngày Quyết định này có hiệu lực, giấy chứng nhận nêu tại Điều 1 hết giá trị; ${c.subjectName} không được sử dụng giấy chứng nhận, nhãn OCOP và hạng sao đã được công nhận cho sản phẩm ${c.productName}. ${ministry ? 'Cơ quan tham mưu quản lý OCOP của Bộ' : 'Sở Nông nghiệp và Môi trường'} cập nhật việc thu hồi trên hệ thống thông tin OCOP và công khai theo quy định.`,
        },
      ],
      { indent: true },
    ),
    para(
      [
        { text: 'Điều 3. ', bold: true },
        {
          text: `Quyết định này có hiệu lực kể từ ngày ký. ${ministry ? 'Chánh Văn phòng Bộ, Thủ trưởng các đơn vị thuộc Bộ có liên quan' : 'Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Nông nghiệp và Môi trường, Thủ trưởng các cơ quan, đơn vị liên quan'}, Chủ tịch Ủy ban nhân dân ${ministry ? lowerKind(provinceName) : hasKind ? commune : 'cấp xã nơi có sản phẩm'} và ${c.subjectName} chịu trách nhiệm thi hành Quyết định này.`,
        },
      ],
      { indent: true, after: 18 },
    ),
    signatureBlock({
      title: c.revocationSignerTitle ?? authority.head,
      name: c.revocationSigner ?? '',
      recipients: ministry
        ? ['Như Điều 3', `Ủy ban nhân dân ${lowerKind(provinceName)}`, 'Lưu: VT']
        : ['Như Điều 3', 'Bộ Nông nghiệp và Môi trường (để báo cáo)', 'Lưu: VT'],
    }),
  ]);
}
