import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import type { Certificate } from '../../../contracts/certificates.js';
import { formatDateVn } from '../../../domain/dates/calendar.js';
import { lowerKind, placeName, signingLines, vietnameseDateWords } from '../../lib/docx.js';
import { formatPoints, nationalHeader, renderPdf, starsSvg } from '../../lib/pdf.js';

const MM = 2.835;

/**
 * The printable certificate: A4 landscape, in Vietnamese, with the QR code of its public
 * verification address, so anyone can check a label with a phone. It is issued by the authority
 * that recognised the star (Art. 4.1): the provincial People's Committee for 3–4★, the Ministry of
 * Agriculture and Environment in Hà Nội for 5★; it is signed by whoever signed the decision, a deputy
 * "KT." for the head (Decree 30/2020/NĐ-CP), with the date in words.
 */
export function certificatePdf(c: Certificate, opts: { provinceName: string; verificationUrl: string }): Promise<Buffer> {
  const ministry = c.level === 'ministry';
  const issuer = ministry ? 'BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG' : `ỦY BAN NHÂN DÂN ${opts.provinceName.toUpperCase()}`;
  const place = ministry ? 'Hà Nội' : placeName(opts.provinceName);
  const authority = signingLines(c.decisionSignerTitle ?? (ministry ? 'Bộ trưởng' : 'Chủ tịch'));
  const commune = /^(Xã|Phường|Đặc khu) /u.test(c.communeName) ? lowerKind(c.communeName) : c.communeName;
  const doc: TDocumentDefinitions = {
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [20 * MM, 15 * MM, 20 * MM, 15 * MM],
    info: { title: `Giấy chứng nhận OCOP ${c.number}`, subject: c.productName },
    defaultStyle: { font: 'Roboto', fontSize: 12, lineHeight: 1.2 },
    background: (_page, size) => ({
      canvas: [
        { type: 'rect', x: 18, y: 18, w: size.width - 36, h: size.height - 36, lineWidth: 3, lineColor: '#1f6f5c' },
        { type: 'rect', x: 26, y: 26, w: size.width - 52, h: size.height - 52, lineWidth: 0.8, lineColor: '#b8860b' },
      ],
    }),
    content: [
      nationalHeader([issuer]),
      { text: 'GIẤY CHỨNG NHẬN', bold: true, fontSize: 26, alignment: 'center', color: '#1f6f5c', margin: [0, 6, 0, 0] },
      { text: 'SẢN PHẨM OCOP', bold: true, fontSize: 20, alignment: 'center', color: '#1f6f5c' },
      { text: `Số: ${c.number}`, alignment: 'center', margin: [0, 4, 0, 10] },
      {
        columns: [
          {
            width: '*',
            stack: [
              {
                text: [
                  { text: 'Sản phẩm: ', bold: true },
                  { text: c.productName, bold: true, fontSize: 16 },
                ],
              },
              { text: [{ text: 'Mã số sản phẩm: ', bold: true }, c.ocopCode] },
              { text: [{ text: 'Chủ thể: ', bold: true }, c.subjectName] },
              { text: [{ text: 'Địa chỉ: ', bold: true }, `${commune}, ${lowerKind(opts.provinceName)}`] },
              {
                columns: [{ text: 'Đạt hạng: ', bold: true, width: 'auto' }, starsSvg(c.star, 5, 18), { text: `  ${c.star} sao`, width: '*' }],
                margin: [0, 4, 0, 0],
              },
              ...(c.score !== null ? [{ text: [{ text: 'Điểm đánh giá: ', bold: true }, `${formatPoints(c.score)}/100`] }] : []),
              c.decisionNumber && c.decisionSignedOn
                ? { text: `Theo Quyết định số ${c.decisionNumber} ngày ${formatDateVn(c.decisionSignedOn)}.`, italics: true, margin: [0, 4, 0, 0] }
                : { text: '' },
              {
                text: [{ text: 'Có giá trị đến: ', bold: true }, `${formatDateVn(c.expiresOn)} (36 tháng kể từ ngày cấp ${formatDateVn(c.issuedOn)})`],
                margin: [0, 4, 0, 0],
              },
            ],
          },
          {
            width: 150,
            stack: [
              { qr: opts.verificationUrl, fit: 130, alignment: 'center', eccLevel: 'M' },
              { text: 'Quét để xác thực', alignment: 'center', fontSize: 9, margin: [0, 4, 0, 0] },
              { text: c.verificationCode, alignment: 'center', fontSize: 8, color: '#555' },
            ],
          },
        ],
        columnGap: 16,
      },
      {
        columns: [
          { width: '*', text: '' },
          {
            width: 260,
            stack: [
              { text: `${place}, ${vietnameseDateWords(c.issuedOn)}`, italics: true, alignment: 'center' },
              ...authority.map((line, i) => ({
                text: line,
                bold: true,
                alignment: 'center' as const,
                margin: [0, i === 0 ? 4 : 0, 0, 0] as [number, number, number, number],
              })),
              { text: '(Ký, đóng dấu)', italics: true, fontSize: 9, alignment: 'center' },
              ...(c.decisionSigner
                ? [{ text: c.decisionSigner, bold: true, alignment: 'center' as const, margin: [0, 36, 0, 0] as [number, number, number, number] }]
                : []),
            ],
          },
        ],
        margin: [0, 8, 0, 0],
      },
    ],
  };
  return renderPdf(doc);
}
