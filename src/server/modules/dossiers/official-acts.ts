import { lowerKind, placeName } from '../../lib/docx.js';

/** Decision 26/2026/QĐ-TTg as every OCOP act cites it. */
export const QD26_GROUND =
  'Căn cứ Quyết định số 26/2026/QĐ-TTg ngày 22 tháng 5 năm 2026 của Thủ tướng Chính phủ ban hành Bộ tiêu chí và quy trình đánh giá, phân hạng sản phẩm mỗi xã một sản phẩm;';

/**
 * Who decides, and on what powers: the provincial Chair for 3–4★ and the approval of 90+ results
 * (Art. 7.3e, 8.2a), the Minister of Agriculture and Environment for 5★ (Art. 7.4e, 8.2b). A
 * ministry's act rests on the decree organising the ministry, never on the local-government law.
 */
export function issuingAuthority(level: 'province' | 'ministry', provinceName: string) {
  const ministry = level === 'ministry';
  return {
    body: ministry ? 'Bộ Nông nghiệp và Môi trường' : `Ủy ban nhân dân ${lowerKind(provinceName)}`,
    head: ministry ? 'BỘ TRƯỞNG BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG' : `CHỦ TỊCH ỦY BAN NHÂN DÂN ${provinceName.toUpperCase()}`,
    place: ministry ? 'Hà Nội' : placeName(provinceName),
    powers: ministry
      ? 'Căn cứ Nghị định số 35/2025/NĐ-CP ngày 25 tháng 02 năm 2025 của Chính phủ quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Bộ Nông nghiệp và Môi trường;'
      : 'Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;',
    /** Who proposes the act: the OCOP agency of the province (its Department of Agriculture and Environment) or of the ministry. */
    proposer: ministry ? 'cơ quan tham mưu quản lý OCOP của Bộ Nông nghiệp và Môi trường' : 'Giám đốc Sở Nông nghiệp và Môi trường',
    numberFallback: ministry ? '……/QĐ-BNNMT' : '……/QĐ-UBND',
  };
}
