import type { EvaluationResult } from '../../../contracts/scoring.js';
import { dataTable, documentHeader, para, renderDocx, vietnameseDateWords } from '../../lib/docx.js';
import { formatPoints } from '../../lib/pdf.js';

export type MinutesInput = {
  councilName: string;
  title: string;
  heldOn: string;
  mode: 'meeting' | 'written';
  members: { fullName: string; organisation: string; position: string; present: boolean }[];
  dossiers: { productName: string; ocopCode: string; subjectName: string; submitted: number; result: EvaluationResult | null }[];
};

const POSITION = { chair: 'Chủ tịch', vice_chair: 'Phó Chủ tịch', member: 'Thành viên', secretary: 'Thư ký' } as Record<string, string>;

/** The minutes (biên bản) of a council session: members and attendance, results table, proposals. */
export function minutesDocx(m: MinutesInput): Promise<Buffer> {
  const present = m.members.filter((x) => x.present);
  const proposal = (r: EvaluationResult | null) =>
    !r ? 'Chưa đủ phiếu' : r.rescoreRequired ? 'Chấm lại' : r.star && r.certifiable ? `Đề nghị công nhận ${r.star} sao${r.total >= 90 ? ', đề nghị Bộ đánh giá 5 sao' : ''}` : 'Không đề nghị công nhận';
  return renderDocx([
    documentHeader({ body: m.councilName, number: '……/BB-HĐ', placeAndDate: vietnameseDateWords(m.heldOn).replace(/^n/, 'N') }),
    para('BIÊN BẢN', { align: 'center', bold: true, size: 14, before: 12, after: 0 }),
    para(`${m.title} — đánh giá, phân hạng sản phẩm OCOP`, { align: 'center', bold: true, size: 13, after: 12 }),
    para(
      m.mode === 'written'
        ? `Hình thức: lấy ý kiến bằng văn bản (Điều 7 Quyết định số 26/2026/QĐ-TTg); ${present.length}/${m.members.length} thành viên gửi ý kiến.`
        : `Thời gian: ${vietnameseDateWords(m.heldOn)}. Có mặt ${present.length}/${m.members.length} thành viên.`,
      { indent: true },
    ),
    para('I. THÀNH PHẦN', { bold: true, before: 6 }),
    dataTable(
      ['STT', 'Họ và tên', 'Đơn vị', 'Chức danh', 'Có mặt'],
      m.members.map((x, i) => [String(i + 1), x.fullName, x.organisation, POSITION[x.position] ?? x.position, x.present ? 'Có' : 'Vắng']),
      [7, 28, 33, 17, 15],
    ),
    para('II. KẾT QUẢ ĐÁNH GIÁ', { bold: true, before: 12 }),
    para('Điểm của hội đồng là trung bình cộng tổng điểm của các thành viên (Điều 3 Quyết định số 26/2026/QĐ-TTg).', { indent: true, italics: true }),
    dataTable(
      ['STT', 'Sản phẩm', 'Chủ thể', 'Số phiếu', 'Điểm TB (A/B/C)', 'Chênh lệch', 'Đề xuất'],
      m.dossiers.map((d, i) => [
        String(i + 1),
        `${d.productName} (${d.ocopCode})`,
        d.subjectName,
        String(d.submitted),
        d.result ? `${formatPoints(d.result.total)} (${formatPoints(d.result.parts.A)}/${formatPoints(d.result.parts.B)}/${formatPoints(d.result.parts.C)})` : '',
        d.result?.spread !== undefined ? formatPoints(d.result.spread) : '',
        proposal(d.result),
      ]),
      [6, 24, 20, 8, 16, 10, 16],
    ),
    para('III. KIẾN NGHỊ', { bold: true, before: 12 }),
    para('Hội đồng đề nghị cơ quan thường trực trình Chủ tịch Ủy ban nhân dân tỉnh công nhận các sản phẩm đạt chuẩn theo kết quả trên.', { indent: true, after: 24 }),
    dataTable(['', 'THƯ KÝ HỘI ĐỒNG', 'CHỦ TỊCH HỘI ĐỒNG'], [['', m.members.find((x) => x.position === 'secretary')?.fullName ?? '', m.members.find((x) => x.position === 'chair')?.fullName ?? '']], [10, 45, 45]),
  ]);
}
