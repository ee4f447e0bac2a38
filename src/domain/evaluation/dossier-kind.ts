import { isInForce, reratingFiledInTime, type CertificateStatus } from '../certificates/validity.js';
import type { IsoDate } from '../dates/calendar.js';
import { formatDateVn } from '../dates/calendar.js';
import type { Message } from '../errors.js';
import type { DossierKind } from './dossier-workflow.js';

export type CurrentCertificate = { star: number; expiresOn: IsoDate; status: CertificateStatus } | null;

/**
 * Which kind of dossier a product may open (Art. 6–7, Decision 26/2026/QĐ-TTg): a first evaluation
 * when it holds no certificate in force; an upgrade (nâng hạng) when it holds one below 5★; a
 * re-rating (đánh giá lại) of its certificate in force, filed no earlier than 180 days before expiry
 * (Art. 7.6). Filing later than 120 days is allowed (Art. 12.3 keeps the certificate in force until
 * the result); once it has expired, the product starts again with a first evaluation.
 */
export function checkDossierKind(
  kind: DossierKind,
  certificate: CurrentCertificate,
  today: IsoDate,
): { ok: true; late: boolean } | { ok: false; message: Message } {
  const inForce = certificate !== null && isInForce(certificate.status);
  if (kind === 'first')
    return inForce
      ? {
          ok: false,
          message: {
            vi: 'Sản phẩm đang có giấy chứng nhận còn hiệu lực: chọn nâng hạng hoặc đánh giá lại.',
            en: 'The product holds a certificate in force: choose an upgrade or a re-rating.',
          },
        }
      : { ok: true, late: false };
  if (kind === 'upgrade') {
    if (!inForce) return { ok: false, message: { vi: 'Nâng hạng cần giấy chứng nhận còn hiệu lực.', en: 'An upgrade needs a certificate in force.' } };
    if (certificate.star >= 5) return { ok: false, message: { vi: 'Sản phẩm đã đạt 5 sao.', en: 'The product already holds 5★.' } };
    return { ok: true, late: false };
  }
  if (!certificate) return { ok: false, message: { vi: 'Đánh giá lại cần giấy chứng nhận đã được cấp.', en: 'A re-rating needs an issued certificate.' } };
  if (today > certificate.expiresOn)
    return {
      ok: false,
      message: {
        vi: `Giấy chứng nhận đã hết hạn ngày ${formatDateVn(certificate.expiresOn)}: sản phẩm đăng ký đánh giá lần đầu.`,
        en: `The certificate expired on ${formatDateVn(certificate.expiresOn)}: file a first evaluation.`,
      },
    };
  const timing = reratingFiledInTime(certificate.expiresOn, today);
  if (timing === 'early')
    return {
      ok: false,
      message: {
        vi: `Chưa đến thời hạn nộp hồ sơ đánh giá lại (sớm nhất 180 ngày trước ngày hết hạn ${formatDateVn(certificate.expiresOn)}).`,
        en: `Too early to file the re-rating (at most 180 days before expiry on ${formatDateVn(certificate.expiresOn)}).`,
      },
    };
  return { ok: true, late: timing === 'late' };
}
