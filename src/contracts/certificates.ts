import { z } from 'zod';
import { CERTIFICATE_STATUSES, REVOCATION_GROUNDS } from '../domain/certificates/validity.js';
import { IsoDate, PageQuery, paginated } from './common.js';

const Star = z.union([z.literal(3), z.literal(4), z.literal(5)]);

/** Who signs the letters notifying the result (the OCOP agency), and their number. */
export const Notice = z.object({
  number: z.string().trim().min(1).max(100),
  signer: z.string().trim().min(1).max(200),
  signerTitle: z.string().trim().min(1).max(200),
});

/**
 * A decision on council results: a recognition (3–4★ by the province, 5★ by the ministry; null for
 * "not recognised") or, at 90 points and more, the province's approval of the result for the
 * ministry (Art. 7.3e), whose items carry no star. The score is never sent: it is the council's.
 */
export const DecisionCreateBody = z
  .object({
    kind: z.enum(['recognition', 'approval']).default('recognition'),
    number: z.string().trim().min(1).max(100),
    signedOn: IsoDate,
    signer: z.string().trim().min(1).max(200),
    signerTitle: z.string().trim().min(1).max(200),
    level: z.enum(['province', 'ministry']).default('province'),
    notice: Notice.optional(),
    items: z
      .array(z.object({ dossierId: z.uuid(), star: Star.nullable().default(null) }).strict())
      .min(1)
      .max(500),
  })
  .strict();

export const DecisionItem = z.object({
  dossierId: z.uuid(),
  productId: z.uuid(),
  productName: z.string(),
  ocopCode: z.string(),
  subjectName: z.string(),
  star: z.number().int().nullable(),
  score: z.number().nullable(),
  certificateId: z.uuid().nullable(),
  certificateNumber: z.string().nullable(),
});

export const Decision = z
  .object({
    id: z.uuid(),
    kind: z.enum(['recognition', 'approval']),
    number: z.string(),
    signedOn: z.string(),
    signer: z.string(),
    signerTitle: z.string(),
    level: z.enum(['province', 'ministry']),
    provinceCode: z.string().nullable(),
    notice: Notice.nullable(),
    items: z.array(DecisionItem),
    createdAt: z.string(),
  })
  .meta({ id: 'Decision' });

export const CertificateStatus = z.enum(CERTIFICATE_STATUSES);
export const RevocationGround = z.enum(Object.keys(REVOCATION_GROUNDS) as [keyof typeof REVOCATION_GROUNDS, ...(keyof typeof REVOCATION_GROUNDS)[]]);

export const Certificate = z
  .object({
    id: z.uuid(),
    number: z.string(),
    productId: z.uuid(),
    productName: z.string(),
    ocopCode: z.string(),
    subjectName: z.string(),
    communeName: z.string(),
    provinceCode: z.string(),
    level: z.enum(['province', 'ministry']),
    star: z.number().int(),
    score: z.number().nullable(),
    issuedOn: z.string(),
    expiresOn: z.string(),
    status: CertificateStatus,
    reratingWindow: z.object({ opens: z.string(), closes: z.string() }),
    verificationCode: z.string(),
    verificationPath: z.string(),
    decisionNumber: z.string().nullable(),
    decisionSignedOn: z.string().nullable(),
    /** Who signed the recognising decision: the certificate prints them. */
    decisionSigner: z.string().nullable(),
    decisionSignerTitle: z.string().nullable(),
    revokedOn: z.string().nullable(),
    revocationGround: z.string().nullable(),
    revocationDecisionNo: z.string().nullable(),
    revocationSigner: z.string().nullable(),
    revocationSignerTitle: z.string().nullable(),
    /** A violation concluded (Art. 8.4): the certificate is to be revoked within 15 days of it. */
    violation: z.object({ ground: z.string(), concludedOn: z.string(), reference: z.string(), revokeBy: z.string() }).nullable(),
    supersededOn: z.string().nullable(),
    /** Who may revoke it: the province for 3–4★, the ministry for 5★ (Art. 8.2). */
    revokedBy: z.enum(['province', 'ministry']),
  })
  .meta({ id: 'Certificate' });
export type Certificate = z.infer<typeof Certificate>;

export const CertificateListQuery = PageQuery.extend({ status: CertificateStatus.optional(), productId: z.uuid().optional() });
export const CertificateList = paginated(Certificate);

export const RevokeBody = z.object({
  ground: RevocationGround,
  decisionNo: z.string().trim().min(1).max(100),
  decidedOn: IsoDate,
  signer: z.string().trim().min(1).max(200),
  signerTitle: z.string().trim().min(1).max(200),
  note: z.string().trim().max(2000).optional(),
});

/** A competent authority's conclusion of a violation, or the commune's confirmation that production stopped (Art. 8.4). */
export const ViolationBody = z.object({
  ground: RevocationGround,
  concludedOn: IsoDate,
  reference: z.string().trim().min(1).max(300),
});

const WorklistRevocation = z.object({ certificate: Certificate, dueOn: z.string(), overdue: z.boolean() });
const WorklistDossier = z.object({
  dossierId: z.uuid(),
  productName: z.string(),
  ocopCode: z.string(),
  state: z.string(),
  rule: z.enum(['commune_assessment', 'rerating_45_days', 'round_result']),
  dueOn: z.string(),
  label: z.object({ vi: z.string(), en: z.string() }),
});

/** The work list's sections, in the order the page shows them. */
export const WORKLIST_SECTIONS = ['revocationsDue', 'dossiersOverdue', 'dueForRerating', 'windowMissed', 'lapsed'] as const;
export const WorklistSection = z.enum(WORKLIST_SECTIONS);
export type WorklistSection = z.infer<typeof WorklistSection>;
/**
 * How many items of each section the work list sends until that section is opened: a province at
 * national scale has hundreds of certificates due, missed or lapsed (140 KB sent whole).
 */
export const WORKLIST_PREVIEW = 20;
export const WorklistQuery = z.object({
  /** The section to send whole; the others send their first WORKLIST_PREVIEW items. */
  open: WorklistSection.optional(),
});

/** A section: how many items it holds, and the first of them (all when it is the one opened), most urgent first. */
const section = <T extends z.ZodType>(item: T) => z.object({ total: z.number().int().min(0), items: z.array(item) });

export const Worklist = z.object({
  /** Inside [expiry − 180, expiry − 120] days: the producer should file the re-rating now. */
  dueForRerating: section(Certificate),
  /** The window has closed with no re-rating filed. */
  windowMissed: section(Certificate),
  /** Expired in the last year and not replaced: the product has lost its label. */
  lapsed: section(Certificate),
  /** A violation concluded and the certificate not yet revoked: due within 15 days (Art. 8.4), overdue after. */
  revocationsDue: section(WorklistRevocation),
  /** Dossiers past a deadline of the procedure (Art. 5, 7.2, 7.6g). */
  dossiersOverdue: section(WorklistDossier),
});
export type Worklist = z.infer<typeof Worklist>;

/** What the public sees when scanning a label's QR code: enough to judge it, nothing private. */
export const PublicVerification = z
  .object({
    genuine: z.literal(true),
    inForce: z.boolean(),
    status: CertificateStatus,
    statusLabel: z.object({ vi: z.string(), en: z.string() }),
    certificate: z.object({ number: z.string(), star: z.number().int(), issuedOn: z.string(), expiresOn: z.string(), issuer: z.string() }),
    product: z.object({ name: z.string(), ocopCode: z.string(), photoUrl: z.string().nullable() }),
    producer: z.object({ name: z.string(), commune: z.string(), province: z.string() }),
    decision: z.object({ number: z.string(), signedOn: z.string() }).nullable(),
  })
  .meta({ id: 'PublicVerification' });
export type PublicVerification = z.infer<typeof PublicVerification>;
/** A label's public code, as printed under its QR code (base64url, unguessable). */
export const VERIFICATION_CODE = /^[A-Za-z0-9_-]{11,64}$/;
export const VerificationParams = z.object({ code: z.string().regex(VERIFICATION_CODE) });

export const HistoricalResultBody = z.object({
  year: z.number().int().min(2018).max(2100),
  round: z.string().trim().max(50).nullable().optional(),
  level: z.enum(['commune', 'district', 'province', 'central']),
  kind: z.enum(['first', 'upgrade', 'rerating']),
  score: z.number().min(0).max(100).nullable().optional(),
  star: z.number().int().min(1).max(5).nullable().optional(),
  decisionNo: z.string().trim().max(100).nullable().optional(),
  decisionDate: IsoDate.nullable().optional(),
  legalBasis: z.string().trim().min(1).max(100),
});
export const HistoricalResult = HistoricalResultBody.extend({ id: z.uuid(), productId: z.uuid() }).meta({ id: 'HistoricalResult' });
