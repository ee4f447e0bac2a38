import type { Paragraph, Table } from 'docx';
import { formatPoints } from '../../lib/pdf.js';
import { dataTable, documentHeader, lowerKind, pageBreak, para, placeName, renderDocx, signatureBlock, vietnameseDateWords } from '../../lib/docx.js';
import type { DecisionsService } from './decisions.service.js';
import { QD26_GROUND } from '../dossiers/official-acts.js';

export type ResultLettersInput = Awaited<ReturnType<DecisionsService['forDocx']>>;
type Item = ResultLettersInput['decision']['items'][number];
type DossierInfo = ResultLettersInput['dossiers'][number];

/**
 * The letters notifying a decision's results (Art. 7.3g, 7.4g), Decree 30/2020 layout, one per page
 * in a single file. After a provincial decision the provincial OCOP agency (the Department of
 * Agriculture and Environment) writes to each producer and to each commune with products in it;
 * after a ministry decision the Ministry writes to each province. They carry the notice's number and
 * signer when recorded, else the decision's, and the decision's date.
 */
export async function resultLettersDocx(input: ResultLettersInput): Promise<Buffer> {
  const { decision: d } = input;
  const ministry = d.level === 'ministry';
  const approval = d.kind === 'approval';
  const info = new Map(input.dossiers.map((x) => [x.dossierId, x]));
  const decisionRef = `Quyết định số ${d.number} ${vietnameseDateWords(d.signedOn)} của ${ministry ? 'Bộ trưởng Bộ Nông nghiệp và Môi trường' : `Chủ tịch Ủy ban nhân dân ${lowerKind(input.provinceName)}`} ${
    approval
      ? 'về việc phê duyệt kết quả đánh giá, phân hạng sản phẩm OCOP đạt từ 90 điểm trở lên'
      : ministry
        ? 'về việc công nhận sản phẩm OCOP 5 sao'
        : 'về việc công nhận sản phẩm đạt chuẩn OCOP'
  }`;
  const header = {
    ...(ministry
      ? { body: 'Bộ Nông nghiệp và Môi trường' }
      : { parentBody: `Ủy ban nhân dân ${lowerKind(input.provinceName)}`, body: 'Sở Nông nghiệp và Môi trường' }),
    number: d.notice?.number ?? (ministry ? '……/TB-BNNMT' : '……/TB-SNNMT'),
    placeAndDate: `${ministry ? 'Hà Nội' : placeName(input.provinceName)}, ${vietnameseDateWords(d.signedOn)}`,
  };
  const signer = { title: d.notice?.signerTitle ?? d.signerTitle, name: d.notice?.signer ?? d.signer };
  const score = (i: Item) => (i.score === null ? '' : `${formatPoints(i.score)} điểm`);

  /** The result of one product, in a sentence. */
  const outcome = (i: Item) => {
    if (approval) return `đạt ${score(i)}; kết quả đã được phê duyệt và hồ sơ được gửi Bộ Nông nghiệp và Môi trường đánh giá 5 sao`;
    if (i.star === null)
      return `${i.score === null ? '' : `đạt ${score(i)}, `}không được công nhận ${ministry ? 'sản phẩm OCOP 5 sao' : 'sản phẩm đạt chuẩn OCOP'}`;
    return `${i.score === null ? '' : `đạt ${score(i)}, `}được công nhận sản phẩm OCOP ${i.star} sao, giấy chứng nhận số ${i.certificateNumber ?? '……'}`;
  };
  const resultTable = (items: Item[]) =>
    dataTable(
      ['STT', 'Tên sản phẩm', 'Mã số', 'Chủ thể', 'Điểm', 'Kết quả'],
      items.map((i, n) => [
        String(n + 1),
        i.productName,
        i.ocopCode,
        i.subjectName,
        i.score === null ? '' : formatPoints(i.score),
        approval
          ? 'Đã phê duyệt kết quả, gửi Bộ đánh giá 5 sao'
          : i.star === null
            ? ministry
              ? 'Không đạt 5 sao'
              : 'Không được công nhận'
            : `${i.star} sao — GCN số ${i.certificateNumber ?? '……'}`,
      ]),
      [7, 24, 17, 24, 9, 19],
    );
  const letter = (recipient: { name: string; address?: string | null }, body: (Paragraph | Table)[], recipients: string[]) => [
    documentHeader(header),
    para('THÔNG BÁO', { align: 'center', bold: true, size: 14, before: 12, after: 0 }),
    para(approval ? 'Kết quả đánh giá, phân hạng sản phẩm OCOP đạt từ 90 điểm trở lên' : 'Kết quả đánh giá, phân hạng sản phẩm OCOP', {
      align: 'center',
      bold: true,
      size: 14,
      after: 12,
    }),
    para(`Kính gửi: ${recipient.name}.`, { align: 'center', size: 14, after: recipient.address ? 0 : 12 }),
    ...(recipient.address ? [para(`Địa chỉ: ${recipient.address}.`, { align: 'center', italics: true, after: 12 })] : []),
    para(QD26_GROUND, { indent: true }),
    para(`Căn cứ ${decisionRef},`, { indent: true }),
    ...body,
    signatureBlock({ title: signer.title, name: signer.name, recipients }),
  ];
  const agency = ministry ? 'Bộ Nông nghiệp và Môi trường' : 'Sở Nông nghiệp và Môi trường (cơ quan tham mưu quản lý OCOP cấp tỉnh)';

  const groups = (key: (x: DossierInfo | undefined) => string) => {
    const out = new Map<string, { first: DossierInfo | undefined; items: Item[] }>();
    for (const i of d.items) {
      const x = info.get(i.dossierId);
      const k = key(x);
      const g = out.get(k) ?? { first: x, items: [] };
      g.items.push(i);
      out.set(k, g);
    }
    return [...out.values()];
  };

  const letters: ReturnType<typeof letter>[] = [];
  if (ministry) {
    // Art. 7.4g: the Ministry notifies each province of its products' results.
    for (const { first, items } of groups((x) => x?.provinceName ?? '')) {
      const province = first?.provinceName ?? '';
      const notRecognised = items.some((i) => i.star === null);
      letters.push(
        letter(
          { name: `Ủy ban nhân dân ${lowerKind(province)}` },
          [
            para(
              `${agency} thông báo kết quả đánh giá, phân hạng sản phẩm OCOP 5 sao của các sản phẩm do Ủy ban nhân dân ${lowerKind(province)} đề nghị như sau:`,
              { indent: true, after: 8 },
            ),
            resultTable(items),
            ...(notRecognised
              ? [
                  para(
                    'Đối với sản phẩm không đạt 90 điểm, Chủ tịch Ủy ban nhân dân cấp tỉnh có thể căn cứ vào kết quả đánh giá của Hội đồng cấp trung ương để xem xét, quyết định công nhận và cấp giấy chứng nhận cho sản phẩm OCOP đạt 3 sao, 4 sao hoặc tổ chức đánh giá và phân hạng sản phẩm theo thẩm quyền (khoản 4 Điều 7 Quyết định số 26/2026/QĐ-TTg).',
                    { indent: true, before: 8 },
                  ),
                ]
              : []),
            para(`Đề nghị Ủy ban nhân dân ${lowerKind(province)} thông báo kết quả đến các xã, phường và chủ thể có sản phẩm./.`, {
              indent: true,
              before: 8,
              after: 18,
            }),
          ],
          ['Như trên', 'Văn phòng Điều phối nông thôn mới Trung ương', 'Lưu: VT'],
        ),
      );
    }
  } else {
    // Art. 7.3g: the provincial OCOP agency notifies each producer…
    for (const i of d.items) {
      const x = info.get(i.dossierId);
      const follow = approval
        ? 'Kết quả đánh giá, phân hạng sản phẩm OCOP 5 sao sẽ được Bộ Nông nghiệp và Môi trường thông báo sau khi Hội đồng cấp trung ương đánh giá.'
        : i.star === null
          ? 'Chủ thể có thể hoàn thiện sản phẩm, hồ sơ và đăng ký đánh giá, phân hạng ở các đợt tiếp theo.'
          : 'Đề nghị chủ thể duy trì chất lượng sản phẩm theo hồ sơ đã được đánh giá, sử dụng nhãn OCOP đúng quy định; giấy chứng nhận có giá trị trong thời hạn 36 tháng kể từ ngày ban hành.';
      letters.push(
        letter(
          { name: `${i.subjectName}${x?.representative ? ` (người đại diện: ${x.representative})` : ''}`, address: x?.address },
          [
            para(`${agency} thông báo kết quả đánh giá, phân hạng sản phẩm OCOP như sau:`, { indent: true }),
            para(`Sản phẩm: ${i.productName} (mã số ${i.ocopCode}).`, { indent: true }),
            para(`Kết quả: ${outcome(i)}.`, { indent: true, bold: true }),
            para(follow, { indent: true, after: 18 }),
          ],
          ['Như trên', ...(x ? [`Ủy ban nhân dân ${lowerKind(x.communeName)}`] : []), 'Lưu: VT'],
        ),
      );
    }
    // …and each commune of the products it proposed.
    for (const { first, items } of groups((x) => x?.communeCode ?? '')) {
      const commune = first ? `Ủy ban nhân dân ${lowerKind(first.communeName)}` : 'Ủy ban nhân dân cấp xã';
      letters.push(
        letter(
          { name: commune },
          [
            para(`${agency} thông báo kết quả đánh giá, phân hạng sản phẩm OCOP của các sản phẩm do ${commune} đề nghị như sau:`, { indent: true, after: 8 }),
            resultTable(items),
            para(`Đề nghị ${commune} thông báo đến các chủ thể, hướng dẫn, theo dõi việc sử dụng nhãn OCOP và duy trì chất lượng sản phẩm trên địa bàn./.`, {
              indent: true,
              before: 8,
              after: 18,
            }),
          ],
          ['Như trên', 'Lưu: VT'],
        ),
      );
    }
  }
  return renderDocx(letters.flatMap((l, n) => (n === 0 ? l : [pageBreak(), ...l])));
}
