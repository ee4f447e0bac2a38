import type { z } from 'zod';
import type { Certificate, PublicVerification } from '../../../contracts/certificates.js';
import {
  CERTIFICATE_STATUS_LABELS,
  isInForce,
  reratingWindow,
  revocationDue,
  revokingAuthority,
  type CertificateStatus,
} from '../../../domain/certificates/validity.js';
import type { CertificateRow } from './certificates.repository.js';
import type { DecisionItemRow, DecisionRow } from './decisions.repository.js';
import type { HistoricalResultRow } from './historical-results.repository.js';

/** Where a certificate's label leads: the public verification page. */
export const verificationPath = (code: string) => `/v/${code}`;

/** A certificate with its status on the day (computed by the service: it depends on today and on pending re-ratings). */
export function presentCertificate(r: CertificateRow, status: CertificateStatus): z.infer<typeof Certificate> {
  return {
    id: r.id,
    number: r.number,
    productId: r.productId,
    productName: r.productName,
    ocopCode: r.ocopCode,
    subjectName: r.subjectName,
    communeName: r.communeName,
    provinceCode: r.provinceCode,
    level: r.level,
    star: r.star,
    score: r.score,
    issuedOn: r.issuedOn,
    expiresOn: r.expiresOn,
    status,
    reratingWindow: reratingWindow(r.expiresOn),
    verificationCode: r.verificationCode,
    verificationPath: verificationPath(r.verificationCode),
    decisionNumber: r.decisionNumber,
    decisionSignedOn: r.decisionSignedOn,
    decisionSigner: r.decisionSigner,
    decisionSignerTitle: r.decisionSignerTitle,
    revokedOn: r.revokedOn,
    revocationGround: r.revocationGround,
    revocationDecisionNo: r.revocationDecisionNo,
    revocationSigner: r.revocationSigner,
    revocationSignerTitle: r.revocationSignerTitle,
    violation: r.violationConcludedOn
      ? {
          ground: r.violationGround ?? '',
          concludedOn: r.violationConcludedOn,
          reference: r.violationReference ?? '',
          revokeBy: revocationDue(r.violationConcludedOn),
        }
      : null,
    supersededOn: r.supersededOn,
    revokedBy: revokingAuthority(r.star as 3 | 4 | 5),
  };
}

/** What a consumer's phone shows after scanning a label: genuine or not, in force or not, and whose. */
/** What a label's public check shows of its certificate (the label register holds these fields). */
export type LabelFields = Pick<
  CertificateRow,
  | 'verificationCode'
  | 'number'
  | 'star'
  | 'level'
  | 'issuedOn'
  | 'expiresOn'
  | 'productName'
  | 'ocopCode'
  | 'subjectName'
  | 'communeName'
  | 'provinceName'
  | 'decisionNumber'
  | 'decisionSignedOn'
>;

export function presentVerification(row: LabelFields, status: CertificateStatus, hasPhoto: boolean): PublicVerification {
  return {
    genuine: true,
    inForce: isInForce(status),
    status,
    statusLabel: CERTIFICATE_STATUS_LABELS[status],
    certificate: {
      number: row.number,
      star: row.star,
      issuedOn: row.issuedOn,
      expiresOn: row.expiresOn,
      // "Ủy ban nhân dân tỉnh Đồng Tháp": the unit's kind in lower case inside the name.
      issuer:
        row.level === 'ministry' ? 'Bộ Nông nghiệp và Môi trường' : `Ủy ban nhân dân ${row.provinceName.charAt(0).toLowerCase()}${row.provinceName.slice(1)}`,
    },
    product: { name: row.productName, ocopCode: row.ocopCode, photoUrl: hasPhoto ? `/api/v1/public/certificates/${row.verificationCode}/photo` : null },
    producer: { name: row.subjectName, commune: row.communeName, province: row.provinceName },
    decision: row.decisionNumber && row.decisionSignedOn ? { number: row.decisionNumber, signedOn: row.decisionSignedOn } : null,
  };
}

/** Decisions with their items (products as decided, stars, certificates issued). */
export function presentDecisions(rows: DecisionRow[], items: DecisionItemRow[]) {
  return rows.map((d) => ({
    id: d.id,
    kind: d.kind,
    number: d.number,
    signedOn: d.signedOn,
    signer: d.signer,
    signerTitle: d.signerTitle,
    level: d.level,
    provinceCode: d.provinceCode,
    notice: d.noticeNumber ? { number: d.noticeNumber, signer: d.noticeSigner ?? '', signerTitle: d.noticeSignerTitle ?? '' } : null,
    createdAt: d.createdAt.toISOString(),
    items: items
      .filter((i) => i.decisionId === d.id)
      .map((i) => ({
        dossierId: i.dossierId,
        productId: i.productId,
        // The product as it was decided; older decisions (before the snapshot) show the current name.
        productName: i.decidedProductName ?? i.productName,
        ocopCode: i.decidedOcopCode ?? i.ocopCode,
        subjectName: i.decidedSubjectName ?? i.subjectName,
        star: i.star,
        score: i.score,
        certificateId: i.certificateId,
        certificateNumber: i.certificateNumber,
      })),
  }));
}

export const presentHistoricalResult = (r: HistoricalResultRow) => ({
  id: r.id,
  productId: r.productId,
  year: r.year,
  round: r.round,
  level: r.level,
  kind: r.kind,
  score: r.score,
  star: r.star,
  decisionNo: r.decisionNo,
  decisionDate: r.decisionDate,
  legalBasis: r.legalBasis,
});
