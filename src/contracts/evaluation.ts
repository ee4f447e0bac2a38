import { z } from 'zod';
import { DOSSIER_ACTIONS, DOSSIER_KINDS, DOSSIER_STATES } from '../domain/evaluation/dossier-workflow.js';
import { DOCUMENT_TYPE_CODES } from '../domain/evaluation/dossier-documents.js';
import { IsoDate, MessageSchema, PageQuery, optionalText, paginated } from './common.js';
import { SelfAssessment } from './self-assessments.js';

export const RoundLevel = z.enum(['province', 'ministry']);
export const RoundStatus = z.enum(['open', 'in_progress', 'closed']);

export const Round = z
  .object({
    id: z.uuid(),
    level: RoundLevel,
    provinceCode: z.string().nullable(),
    year: z.number().int(),
    number: z.number().int(),
    name: z.string(),
    proposalDeadline: z.string(),
    resultDeadline: z.string(),
    legalBasis: z.string(),
    status: RoundStatus,
    dossierCount: z.number().int(),
  })
  .meta({ id: 'Round' });

export const RoundCreateBody = z
  .object({
    level: RoundLevel.default('province'),
    year: z.number().int().min(2018).max(2100),
    number: z.number().int().min(1).max(20),
    name: z.string().trim().min(1).max(200).optional(),
    proposalDeadline: IsoDate,
    resultDeadline: IsoDate,
    legalBasis: z.string().max(100).optional(),
  })
  .refine((r) => r.proposalDeadline <= r.resultDeadline, {
    message: 'The proposal deadline must come before the result deadline.',
    params: { vi: 'Hạn đề nghị phải trước hạn có kết quả.' },
    path: ['resultDeadline'],
    when: () => true,
  });
/** A round's status follows from its dates; only its name and deadlines are edited. */
export const RoundUpdateBody = z
  .object({
    name: z.string().trim().min(1).max(200),
    proposalDeadline: IsoDate,
    resultDeadline: IsoDate,
  })
  .strict();
export const DefaultRoundsBody = z.object({ year: z.number().int().min(2018).max(2100), level: RoundLevel.default('province') });
export const RoundListQuery = z.object({ year: z.coerce.number().int().optional(), level: RoundLevel.optional() });

export const Registration = z.object({
  representativeName: z.string().trim().min(1).max(200),
  representativePosition: optionalText(200).transform((v) => v ?? undefined),
  address: optionalText(500).transform((v) => v ?? undefined),
  phone: optionalText(30).transform((v) => v ?? undefined),
  email: optionalText(254).transform((v) => v ?? undefined),
});

/**
 * Mẫu 03: the commune's assessment (Art. 7.2, Decision 26/2026/QĐ-TTg), with its report's and
 * proposal letter's numbers and who signs them for the commune People's Committee.
 */
export const CommuneAssessmentInput = z.object({
  rawMaterialOrigin: z.string().trim().min(1).max(3000),
  localLabour: z.string().trim().min(1).max(3000),
  ideaOrigin: z.string().trim().min(1).max(3000),
  localIdentity: z.string().trim().min(1).max(3000),
  conclusion: z.enum(['propose', 'not_propose']),
  reportNumber: optionalText(60).transform((v) => v ?? undefined),
  letterNumber: optionalText(60).transform((v) => v ?? undefined),
  signer: z.string().trim().min(1).max(200),
  signerTitle: z.string().trim().min(1).max(200),
});

/** The province's letter sending a dossier of 90+ points to the ministry (Art. 6.3a, 7.3e). */
export const ForwardingInput = z.object({
  letterNumber: z.string().trim().min(1).max(60),
  letterDate: IsoDate,
  signer: z.string().trim().min(1).max(200),
  signerTitle: z.string().trim().min(1).max(200),
  samplesSent: z.number().int().min(0).max(100),
  extraTests: optionalText(2000).transform((v) => v ?? undefined),
});

export const DossierState = z.enum(DOSSIER_STATES);
export const DossierKind = z.enum(DOSSIER_KINDS);
export const DossierActionName = z.enum(Object.keys(DOSSIER_ACTIONS) as [keyof typeof DOSSIER_ACTIONS, ...(keyof typeof DOSSIER_ACTIONS)[]]);

export const Dossier = z
  .object({
    id: z.uuid(),
    productId: z.uuid(),
    productName: z.string(),
    ocopCode: z.string(),
    subjectId: z.uuid(),
    subjectName: z.string(),
    provinceCode: z.string(),
    communeCode: z.string(),
    communeName: z.string(),
    roundId: z.uuid().nullable(),
    roundName: z.string().nullable(),
    ministryRoundId: z.uuid().nullable(),
    kind: DossierKind,
    state: DossierState,
    legalBasis: z.string(),
    setNumber: z.number().int(),
    selfAssessmentId: z.uuid().nullable(),
    registration: z.object({
      representativeName: z.string(),
      representativePosition: z.string().optional(),
      address: z.string().optional(),
      phone: z.string().optional(),
      email: z.string().optional(),
    }),
    samples: z.number().int(),
    communeAssessment: z
      .object({
        rawMaterialOrigin: z.string(),
        localLabour: z.string(),
        ideaOrigin: z.string(),
        localIdentity: z.string(),
        conclusion: z.enum(['propose', 'not_propose']),
        reportNumber: z.string().optional(),
        letterNumber: z.string().optional(),
        signer: z.string().optional(),
        signerTitle: z.string().optional(),
        assessedOn: z.string(),
      })
      .nullable(),
    submittedOn: z.string().nullable(),
    /** The day of the filing the dossier is judged on (the last submission or resubmission). */
    filedOn: z.string().nullable(),
    communeDueOn: z.string().nullable(),
    /** The commune's 15 working days have passed without its assessment. */
    communeOverdue: z.boolean(),
    /**
     * The deadline of the stage the dossier is at (the commune's 15 working days, a re-rating's 45
     * days, the round's result date: the earliest running), and whether it has passed; null when none runs.
     */
    deadline: z.object({ rule: z.enum(['commune_assessment', 'rerating_45_days', 'round_result']), dueOn: z.string(), overdue: z.boolean() }).nullable(),
    /** What keeps the dossier from being filed now (no completed self-assessment…): the submit step is offered only when empty. */
    submitBlockers: z.array(MessageSchema),
    /** The provincial council's mean and the star its locked sheets earned (after minimum-star gates). */
    councilScore: z.number().nullable(),
    councilStar: z.number().int().nullable(),
    /** The central council's, for a product sent to the ministry. */
    centralScore: z.number().nullable(),
    centralStar: z.number().int().nullable(),
    forwarding: z
      .object({
        letterNumber: z.string(),
        letterDate: z.string(),
        signer: z.string(),
        signerTitle: z.string(),
        samplesSent: z.number().int(),
        extraTests: z.string().optional(),
        samplesReceived: z.number().int().optional(),
        receivedOn: z.string().optional(),
      })
      .nullable(),
    decidedStar: z.number().int().nullable(),
    version: z.number().int(),
    availableActions: z.array(DossierActionName),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Dossier' });
export type Dossier = z.infer<typeof Dossier>;

/** The round follows from the filing date (Art. 5), so it is never chosen by the caller. */
export const DossierCreateBody = z
  .object({
    productId: z.uuid(),
    kind: DossierKind,
    /** The product's self-assessment (Mẫu 02) on its criteria set, finished or still in progress: required. */
    selfAssessmentId: z.uuid().optional(),
    registration: Registration,
  })
  .strict();

export const DossierListQuery = PageQuery.extend({
  state: DossierState.optional(),
  kind: DossierKind.optional(),
  roundId: z.uuid().optional(),
  communeCode: z
    .string()
    .regex(/^\d{5}$/)
    .optional(),
  productId: z.uuid().optional(),
});
export const DossierList = paginated(Dossier);

/**
 * One step of the workflow. Strict: a value the platform derives (a council score, a star, a round)
 * sent along is refused, not silently dropped — scores come only from the council's locked sheets,
 * stars from decisions, rounds from the dates.
 */
export const TransitionBody = z
  .object({
    action: DossierActionName,
    /** The version the caller saw: a concurrent change makes the step fail instead of being lost. */
    expectedVersion: z.number().int().min(1),
    comment: z.string().trim().max(3000).optional(),
    /** assess: Mẫu 03 and the proposal letter. */
    assessment: CommuneAssessmentInput.optional(),
    /** submit, resubmit: a newer completed self-assessment of the product to file instead. */
    selfAssessmentId: z.uuid().optional(),
    /** forward_to_ministry: the province's letter and the samples sent. */
    forwarding: ForwardingInput.optional(),
    /** ministry_receive: the samples that arrived. */
    samplesReceived: z.number().int().min(0).max(100).optional(),
  })
  .strict();

/** What a dossier was filed with: Mẫu 01, the product and producer as filed, the Mẫu 02 sheet and its evidence. */
export const DossierFiling = z
  .object({
    id: z.uuid(),
    dossierId: z.uuid(),
    seq: z.number().int(),
    filedOn: z.string(),
    registration: z.object({
      representativeName: z.string(),
      representativePosition: z.string().optional(),
      address: z.string().optional(),
      phone: z.string().optional(),
      email: z.string().optional(),
    }),
    product: z.object({
      name: z.string(),
      ocopCode: z.string(),
      criteriaSetNumber: z.number().int().nullable(),
      description: z.string().nullable(),
      ingredients: z.string().nullable(),
      packaging: z.string().nullable(),
      netContent: z.string().nullable(),
      barcode: z.string().nullable(),
      qualityDeclarationNo: z.string().nullable(),
    }),
    subject: z.object({
      name: z.string(),
      legalForm: z.string(),
      taxCode: z.string().nullable(),
      address: z.string().nullable(),
      phone: z.string().nullable(),
      email: z.string().nullable(),
      representativeName: z.string().nullable(),
      representativeGender: z.string().nullable(),
      representativeEthnicity: z.string().nullable(),
      foundedOn: z.string().nullable(),
      communeName: z.string(),
      provinceName: z.string(),
    }),
    /** The self-assessment as filed, in the shape of a sheet (read-only). */
    selfAssessment: SelfAssessment,
    /** SHA-256 of each filed evidence file, by evidence id. */
    evidenceHashes: z.record(z.string(), z.string()),
  })
  .meta({ id: 'DossierFiling' });
export type DossierFiling = z.infer<typeof DossierFiling>;
export const FilingEvidenceParams = z.object({ id: z.uuid(), filingId: z.uuid(), evidenceId: z.uuid() });

export const DossierEvent = z.object({
  id: z.number().int(),
  action: z.string(),
  fromState: z.string().nullable(),
  toState: z.string(),
  /** Who took the step as recorded (their e-mail, or "system"). */
  actorLabel: z.string(),
  /** Their full name, when the account still exists: what the history shows. */
  actorName: z.string().nullable(),
  comment: z.string().nullable(),
  at: z.string(),
});

export const Notification = z.object({
  id: z.uuid(),
  dossierId: z.uuid().nullable(),
  title: z.string(),
  body: z.string(),
  readAt: z.string().nullable(),
  createdAt: z.string(),
});
export const NotificationList = z.object({ items: z.array(Notification), unread: z.number().int() });

export const QuestionCreateBody = z.object({ criterionCode: z.string().trim().min(1).max(20), question: z.string().trim().min(1).max(3000) });
export const AnswerBody = z.object({ body: z.string().trim().min(1).max(3000), evidenceId: z.uuid().optional() });
export const EvidenceQuestion = z
  .object({
    id: z.uuid(),
    dossierId: z.uuid(),
    criterionCode: z.string(),
    status: z.enum(['open', 'answered', 'closed']),
    messages: z.array(z.object({ id: z.uuid(), authorLabel: z.string(), body: z.string(), evidenceId: z.uuid().nullable(), createdAt: z.string() })),
    createdAt: z.string(),
  })
  .meta({ id: 'EvidenceQuestion' });
export const QuestionParams = z.object({ id: z.uuid(), questionId: z.uuid() });

export const DocumentTypeCode = z.enum(DOCUMENT_TYPE_CODES);
export const DocumentFields = z.object({
  type: DocumentTypeCode,
  title: z.string().trim().min(1).max(300),
  number: optionalText(100),
  issuedOn: z.preprocess((v) => (v === '' ? undefined : v), IsoDate.optional()),
  validUntil: z.preprocess((v) => (v === '' ? undefined : v), IsoDate.optional()),
  productId: z.preprocess((v) => (v === '' ? undefined : v), z.uuid().optional()),
});
export const DocumentOnFile = z
  .object({
    id: z.uuid(),
    subjectId: z.uuid(),
    productId: z.uuid().nullable(),
    type: DocumentTypeCode,
    title: z.string(),
    number: z.string().nullable(),
    issuedOn: z.string().nullable(),
    validUntil: z.string().nullable(),
    filename: z.string(),
    mimeType: z.string(),
    bytes: z.number().int(),
    url: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: 'Document' });
export const DocumentListQuery = z.object({ productId: z.uuid().optional() });
export const SubjectDocumentParams = z.object({ id: z.uuid(), documentId: z.uuid() });
export const Checklist = z.object({
  complete: z.boolean(),
  /** Required papers absent from the filing, and those whose absence disqualifies the dossier. */
  missing: z.array(z.object({ vi: z.string(), en: z.string() })),
  disqualifying: z.array(z.object({ vi: z.string(), en: z.string() })),
  lines: z.array(
    z.object({
      type: DocumentTypeCode,
      label: z.object({ vi: z.string(), en: z.string() }),
      required: z.boolean(),
      disqualifying: z.boolean(),
      note: z.object({ vi: z.string(), en: z.string() }).nullable(),
      status: z.enum(['ok', 'expired', 'missing']),
      documents: z.array(DocumentOnFile),
    }),
  ),
});

/** A site visit of the provincial or central advisory team (Art. 7.3c, 7.4c). */
export const SiteVisitBody = z.object({
  visitedOn: IsoDate,
  visitors: z.string().trim().min(1).max(500),
  summary: z.string().trim().min(1).max(5000),
  criterionNotes: z.record(z.string().min(1).max(20), z.string().trim().max(2000)).default({}),
});
export const SiteVisit = SiteVisitBody.extend({ id: z.uuid(), dossierId: z.uuid(), createdAt: z.string() }).meta({ id: 'SiteVisit' });
