import type { EvaluationResult } from '../../../contracts/scoring.js';
import type { CouncilPosition } from '../../../domain/evaluation/council-rules.js';
import { dataTable, documentHeader, para, renderDocx, vietnameseDateWords } from '../../lib/docx.js';
import { formatPoints } from '../../lib/pdf.js';

export type MinutesInput = {
  councilName: string;
  level: 'province' | 'ministry';
  provinceCode: string | null;
  establishment: { number: string; date: string | null; signer: string; signerTitle: string };
  title: string;
  heldOn: string;
  closedOn: string | null;
  mode: 'meeting' | 'written';
  members: { fullName: string; organisation: string; position: CouncilPosition; voting: boolean; present: boolean }[];
  dossiers: {
    productName: string;
    ocopCode: string;
    subjectName: string;
    declarations: { memberName: string; hasConflict: boolean; note: string | null }[];
    /** Every scoring round, the first and each re-scoring with its reason. */
    rounds: { scoringRound: number; reason: string | null; sheets: { memberName: string; total: number; paper: boolean }[] }[];
    result: EvaluationResult | null;
  }[];
};

const POSITION: Record<CouncilPosition, string> = { chair: 'Chủ tịch', vice_chair: 'Phó Chủ tịch', member: 'Thành viên', secretary: 'Thư ký' };

/** What the council proposes for a dossier, in the minutes' words. */
function proposal(r: EvaluationResult | null, level: MinutesInput['level']) {
  if (!r) return 'Chưa đủ phiếu';
  if (r.rescoreRequired) return 'Chấm lại';
  if (!r.decisionReady) return 'Chưa đủ điều kiện kết luận';
  if (level === 'ministry') return r.star === 5 && r.certifiable ? 'Đề nghị công nhận 5 sao' : 'Không đạt 5 sao';
  if (r.star && r.certifiable)
    return r.total >= 90 && r.star === 5 ? 'Đề nghị phê duyệt kết quả, đề nghị Bộ đánh giá 5 sao' : `Đề nghị công nhận ${r.star} sao`;
  return 'Không đề nghị công nhận';
}

/**
 * The minutes (biên bản) of a council session (Decree 30/2020/NĐ-CP layout): the council and its
 * establishing decision, attendance as recorded, conflict declarations, each dossier's scoring
 * rounds with the members' totals and the reason for every re-scoring, the result and proposal.
 */
export function minutesDocx(m: MinutesInput): Promise<Buffer> {
  const voting = m.members.filter((x) => x.voting);
  const presentVoting = voting.filter((x) => x.present);
  const chair = m.members.find((x) => x.position === 'chair');
  const secretary = m.members.find((x) => x.position === 'secretary');
  const decisionBasis = 'Quyết định số 26/2026/QĐ-TTg ngày 22 tháng 5 năm 2026 của Thủ tướng Chính phủ';
  return renderDocx([
    documentHeader({ body: m.councilName, number: '……/BB-HĐ', placeAndDate: vietnameseDateWords(m.heldOn).replace(/^n/, 'N') }),
    para('BIÊN BẢN', { align: 'center', bold: true, size: 14, before: 12, after: 0 }),
    para(`${m.title} — đánh giá, phân hạng sản phẩm OCOP`, { align: 'center', bold: true, size: 13, after: 12 }),
    para(
      `Căn cứ ${decisionBasis}${m.establishment.number ? `; Quyết định số ${m.establishment.number}${m.establishment.date ? ` ${vietnameseDateWords(m.establishment.date)}` : ''} của ${m.establishment.signerTitle || 'cấp có thẩm quyền'} về việc thành lập ${m.councilName}` : ''}.`,
      { indent: true, italics: true },
    ),
    para(
      m.mode === 'written'
        ? `Hình thức: lấy ý kiến bằng văn bản (Điều 7.6 Quyết định số 26/2026/QĐ-TTg); ${presentVoting.length}/${voting.length} thành viên gửi ý kiến.`
        : `Thời gian: ${vietnameseDateWords(m.heldOn)}. Có mặt ${presentVoting.length}/${voting.length} thành viên chấm điểm${chair ? `, chủ trì: ${chair.fullName}` : ''}.`,
      { indent: true },
    ),
    para('I. THÀNH PHẦN', { bold: true, before: 6 }),
    dataTable(
      ['STT', 'Họ và tên', 'Đơn vị', 'Chức danh', 'Có mặt'],
      m.members.map((x, i) => [
        String(i + 1),
        x.fullName,
        x.organisation,
        `${POSITION[x.position]}${x.position === 'secretary' && x.voting ? ' (uỷ viên)' : ''}`,
        x.present ? 'Có' : 'Vắng',
      ]),
      [7, 28, 33, 17, 15],
    ),
    para('II. KHAI BÁO XUNG ĐỘT LỢI ÍCH', { bold: true, before: 12 }),
    ...m.dossiers.map((d) => {
      const conflicted = d.declarations.filter((x) => x.hasConflict);
      return para(
        `${d.productName}: ${d.declarations.length} thành viên khai báo, ${conflicted.length ? `${conflicted.length} có xung đột lợi ích và không chấm (${conflicted.map((x) => `${x.memberName}${x.note ? `: ${x.note}` : ''}`).join('; ')})` : 'không thành viên nào có xung đột lợi ích'}.`,
        { indent: true },
      );
    }),
    para('III. KẾT QUẢ ĐÁNH GIÁ', { bold: true, before: 12 }),
    para('Điểm của hội đồng là trung bình cộng tổng điểm của các thành viên chấm điểm (Điều 3 Quyết định số 26/2026/QĐ-TTg).', { indent: true, italics: true }),
    ...m.dossiers.flatMap((d, i) => [
      para(`${i + 1}. ${d.productName} (${d.ocopCode}) — ${d.subjectName}`, { bold: true, before: 6 }),
      ...d.rounds.flatMap((r) => [
        para(r.scoringRound === 1 ? 'Vòng chấm 1:' : `Vòng chấm ${r.scoringRound} (chấm lại${r.reason ? `, lý do: ${r.reason}` : ''}):`, {
          indent: true,
          italics: true,
          after: 2,
        }),
        r.sheets.length
          ? dataTable(
              ['STT', 'Thành viên', 'Tổng điểm', 'Ghi chú'],
              r.sheets.map((s, n) => [String(n + 1), s.memberName, formatPoints(s.total), s.paper ? 'Phiếu giấy' : '']),
              [8, 52, 20, 20],
            )
          : para('Không có phiếu nộp.', { indent: true }),
      ]),
      para(
        d.result
          ? `Kết quả: ${formatPoints(d.result.total)} điểm (A ${formatPoints(d.result.parts.A)}, B ${formatPoints(d.result.parts.B)}, C ${formatPoints(d.result.parts.C)}); chênh lệch ${formatPoints(d.result.spread ?? 0)} điểm; ${proposal(d.result, m.level)}.`
          : 'Kết quả: chưa đủ phiếu.',
        { indent: true, before: 4 },
      ),
    ]),
    para('IV. KIẾN NGHỊ', { bold: true, before: 12 }),
    para(
      m.level === 'ministry'
        ? 'Hội đồng đề nghị cơ quan tham mưu trình Bộ trưởng Bộ Nông nghiệp và Môi trường công nhận các sản phẩm đạt 5 sao theo kết quả trên.'
        : 'Hội đồng đề nghị cơ quan tham mưu trình Chủ tịch Ủy ban nhân dân tỉnh công nhận, phê duyệt kết quả các sản phẩm theo kết quả trên.',
      { indent: true, after: 24 },
    ),
    dataTable(['', 'THƯ KÝ HỘI ĐỒNG', 'CHỦ TỊCH HỘI ĐỒNG'], [['', secretary?.fullName ?? '', chair?.fullName ?? '']], [10, 45, 45]),
  ]);
}
