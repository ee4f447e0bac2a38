import type { z } from 'zod';
import type { Council } from '../../../contracts/councils.js';
import type { CouncilPosition } from '../../../domain/evaluation/council-rules.js';
import { issuingAuthority, QD26_GROUND } from '../dossiers/official-acts.js';
import { dataTable, documentHeader, para, renderDocx, signatureBlock, vietnameseDateWords } from '../../lib/docx.js';

export type EstablishmentInput = { council: z.infer<typeof Council>; provinceName: string | null };

const POSITION: Record<CouncilPosition, string> = { chair: 'Chủ tịch Hội đồng', vice_chair: 'Phó Chủ tịch Hội đồng', member: 'Uỷ viên', secretary: 'Thư ký' };

/**
 * The Chair's (or the Minister's) decision establishing a council or advisory team (Art. 7.3b,
 * 7.4b), Decree 30/2020 layout: grounds, the council's task, its members with their positions, and
 * its operating rules issued with it.
 */
export function establishmentDocx({ council, provinceName }: EstablishmentInput): Promise<Buffer> {
  const ministry = council.level === 'ministry';
  const e = council.establishment;
  const issuer = issuingAuthority(council.level, provinceName ?? '');
  const what =
    council.kind === 'council'
      ? `Hội đồng đánh giá, phân hạng sản phẩm OCOP ${ministry ? 'cấp trung ương' : 'cấp tỉnh'}`
      : `Tổ tư vấn giúp việc Hội đồng đánh giá, phân hạng sản phẩm OCOP ${ministry ? 'cấp trung ương' : 'cấp tỉnh'}`;
  return renderDocx([
    documentHeader({
      body: issuer.body,
      number: e.number || issuer.numberFallback,
      placeAndDate: `${issuer.place}, ${e.date ? vietnameseDateWords(e.date) : 'ngày … tháng … năm …'}`,
    }),
    para('QUYẾT ĐỊNH', { align: 'center', bold: true, size: 14, before: 12, after: 0 }),
    para(`Về việc thành lập ${what} năm ${council.year}`, { align: 'center', bold: true, size: 14, after: 12 }),
    para(issuer.head, { align: 'center', bold: true, size: 14, after: 12 }),
    para(issuer.powers, { italics: true, indent: true }),
    para(QD26_GROUND, { italics: true, indent: true }),
    para(`Theo đề nghị của cơ quan tham mưu quản lý Chương trình OCOP${ministry ? ' của Bộ' : ' cấp tỉnh'}.`, { italics: true, indent: true, after: 12 }),
    para('QUYẾT ĐỊNH:', { align: 'center', bold: true, size: 14, after: 12 }),
    para([{ text: 'Điều 1. ', bold: true }, { text: `Thành lập ${council.name}, gồm các thành viên có tên sau:` }], { indent: true }),
    dataTable(
      ['STT', 'Họ và tên', 'Đơn vị công tác', 'Chức danh'],
      council.members.map((m, i) => [
        String(i + 1),
        m.fullName,
        m.organisation,
        `${POSITION[m.position]}${m.position === 'secretary' && m.voting ? ' (uỷ viên)' : ''}`,
      ]),
      [8, 30, 37, 25],
    ),
    para(
      [
        { text: 'Điều 2. ', bold: true },
        {
          text:
            council.kind === 'council'
              ? `Hội đồng tổ chức đánh giá, phân hạng sản phẩm OCOP theo Bộ tiêu chí ban hành kèm theo Quyết định số 26/2026/QĐ-TTg và Quy chế hoạt động ban hành kèm theo Quyết định này; ${ministry ? 'đề nghị Bộ trưởng công nhận sản phẩm OCOP 5 sao' : 'đề xuất Chủ tịch Ủy ban nhân dân tỉnh công nhận sản phẩm OCOP 3 sao, 4 sao và phê duyệt kết quả các sản phẩm đạt từ 90 điểm'}. Thành viên Hội đồng chấm điểm độc lập; điểm của Hội đồng là trung bình cộng tổng điểm của các thành viên.`
              : 'Tổ tư vấn đánh giá hồ sơ, đề xuất bổ sung hồ sơ, khảo sát thực tế tại cơ sở, đề nghị bổ sung kết quả kiểm nghiệm (nếu cần) và báo cáo Chủ tịch Hội đồng.',
        },
      ],
      { indent: true, before: 8 },
    ),
    para(
      [
        { text: 'Điều 3. ', bold: true },
        { text: 'Quyết định này có hiệu lực kể từ ngày ký. Các cơ quan, đơn vị và cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này.' },
      ],
      { indent: true, after: 18 },
    ),
    signatureBlock({ title: e.signerTitle || issuer.head, name: e.signer, recipients: ['Như Điều 3', 'Lưu: VT'] }),
  ]);
}
