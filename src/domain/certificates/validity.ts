import { addDays, addMonths, type IsoDate } from '../dates/calendar.js';
import type { Message } from '../errors.js';

/** Art. 4.3, Decision 26/2026/QĐ-TTg: a certificate is valid for 36 months from its issue date. */
export const CERTIFICATE_VALIDITY_MONTHS = 36;
/** Art. 7.6: re-rating is filed no earlier than 180 and no later than 120 days before expiry. */
export const RERATING_WINDOW_OPENS_DAYS = 180;
export const RERATING_WINDOW_CLOSES_DAYS = 120;
/**
 * Art. 12.3: a certificate whose re-rating was filed while it was still valid, but could not meet the
 * window, holds until the authority's result, at most 180 days past expiry. It never revives a
 * certificate that had already lapsed when the re-rating was filed.
 */
export const PENDING_RERATING_GRACE_DAYS = 180;

export const certificateExpiry = (issuedOn: IsoDate): IsoDate => addMonths(issuedOn, CERTIFICATE_VALIDITY_MONTHS);

export function reratingWindow(expiresOn: IsoDate): { opens: IsoDate; closes: IsoDate } {
  return { opens: addDays(expiresOn, -RERATING_WINDOW_OPENS_DAYS), closes: addDays(expiresOn, -RERATING_WINDOW_CLOSES_DAYS) };
}

export const CERTIFICATE_STATUSES = ['valid', 'due_for_rerating', 'expiring', 'extended', 'expired', 'revoked', 'superseded'] as const;
export type CertificateStatus = (typeof CERTIFICATE_STATUSES)[number];

export const CERTIFICATE_STATUS_LABELS: Record<CertificateStatus, Message> = {
  valid: { vi: 'Còn hiệu lực', en: 'Valid' },
  due_for_rerating: { vi: 'Đến hạn đánh giá lại', en: 'Due for re-rating' },
  expiring: { vi: 'Sắp hết hạn', en: 'Expiring' },
  extended: { vi: 'Gia hạn chờ kết quả đánh giá lại', en: 'Extended pending re-rating' },
  expired: { vi: 'Hết hiệu lực', en: 'Expired' },
  revoked: { vi: 'Đã thu hồi', en: 'Revoked' },
  superseded: { vi: 'Đã được thay thế', en: 'Superseded' },
};

export type CertificateFacts = {
  issuedOn: IsoDate;
  expiresOn: IsoDate;
  revokedOn?: IsoDate | null | undefined;
  /** Replaced by the certificate of an upgrade or re-rating. */
  supersededOn?: IsoDate | null | undefined;
  /** The day a re-rating dossier still undecided was filed (only one filed after its window, by the expiry date, extends). */
  reratingPendingSince?: IsoDate | null | undefined;
};

/**
 * The status of a certificate on a day (Vietnamese calendar):
 * - revoked or superseded from that day on;
 * - valid until the re-rating window opens; due for re-rating inside [expiry − 180, expiry − 120];
 *   expiring after the window until the expiry date itself, which is still a valid day;
 * - after expiry: extended while a re-rating is pending that could not meet the window (filed after
 *   it closed, on or before the expiry date), for at most 180 days (Art. 12.3: "thời gian nộp hồ sơ
 *   không đáp ứng được thời hạn … điểm a khoản 6 Điều 7"); else expired. A re-rating filed in the
 *   window is decided within 45 days (Art. 7.6), before expiry, and extends nothing.
 */
export function certificateStatus(c: CertificateFacts, today: IsoDate): CertificateStatus {
  if (c.revokedOn && today >= c.revokedOn) return 'revoked';
  if (c.supersededOn && today >= c.supersededOn) return 'superseded';
  const window = reratingWindow(c.expiresOn);
  if (today > c.expiresOn) {
    const since = c.reratingPendingSince;
    const pending = since && since > window.closes && since <= c.expiresOn;
    return pending && today <= addDays(c.expiresOn, PENDING_RERATING_GRACE_DAYS) ? 'extended' : 'expired';
  }
  if (today < window.opens) return 'valid';
  if (today <= window.closes) return 'due_for_rerating';
  return 'expiring';
}

/** Whether the OCOP label may be used on that day: the public verification page says "genuine and in force". */
export const isInForce = (status: CertificateStatus) => status === 'valid' || status === 'due_for_rerating' || status === 'expiring' || status === 'extended';

/** Art. 7.6: is a re-rating dossier filed on `filedOn` inside the window? */
export function reratingFiledInTime(expiresOn: IsoDate, filedOn: IsoDate): 'early' | 'in_time' | 'late' {
  const w = reratingWindow(expiresOn);
  return filedOn < w.opens ? 'early' : filedOn <= w.closes ? 'in_time' : 'late';
}

/** Grounds for revoking a certificate, Art. 8.1 a–f, Decision 26/2026/QĐ-TTg. */
export const REVOCATION_GROUNDS = {
  a: { vi: 'Cung cấp thông tin không trung thực, giả mạo hồ sơ', en: 'Dishonest information or forged dossier' },
  b: { vi: 'Sản phẩm không còn đáp ứng tiêu chí theo kết luận kiểm tra', en: 'The product no longer meets the criteria, per an inspection' },
  c: {
    vi: 'Vi phạm pháp luật về chất lượng, an toàn thực phẩm, môi trường, sở hữu trí tuệ, nhãn hàng hoá…',
    en: 'Violation of law on quality, food safety, environment, IP, labelling…',
  },
  d: { vi: 'Sử dụng nhãn OCOP không đúng, gây nhầm lẫn', en: 'Improper use of the OCOP mark causing confusion' },
  e: { vi: 'Chủ thể không còn sản xuất sản phẩm', en: 'The producer no longer makes the product' },
  f: { vi: 'Trường hợp khác theo kết luận của cơ quan có thẩm quyền', en: 'Other cases concluded by a competent authority' },
} as const satisfies Record<string, Message>;
export type RevocationGround = keyof typeof REVOCATION_GROUNDS;

/**
 * Art. 8.1, Decision 26/2026/QĐ-TTg: revocation withdraws a recognition that would otherwise go on
 * ("không đủ điều kiện tiếp tục được công nhận"), so only a certificate in force can be revoked: one
 * already revoked, expired or replaced by a newer certificate has no recognition left to withdraw.
 */
export const isRevocable = (status: CertificateStatus) => isInForce(status);

/** Art. 8.4: a certificate is revoked within 15 days of the conclusion of a violation (or of the commune's confirmation that production stopped). */
export const REVOCATION_DAYS = 15;
export const revocationDue = (concludedOn: IsoDate): IsoDate => addDays(concludedOn, REVOCATION_DAYS);

/** Art. 8.2: the body that recognised a star revokes it — the provincial Chair for 3–4★, the Minister for 5★. */
export const revokingAuthority = (star: 3 | 4 | 5): 'province' | 'ministry' => (star === 5 ? 'ministry' : 'province');

/**
 * A certificate's public verification code: at least 64 random bits, URL-safe. 96 bits in base64url
 * (16 characters) make guessing a valid code hopeless even with millions of certificates.
 */
export function verificationCode(randomBytes: (n: number) => Uint8Array): string {
  const bytes = randomBytes(12);
  if (bytes.length < 8) throw new RangeError('A verification code needs at least 64 random bits');
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
