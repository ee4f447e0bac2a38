import { z } from 'zod';
import { DOSSIER_ACTIONS, DOSSIER_KINDS, DOSSIER_STATES } from '../domain/evaluation/dossier-workflow.js';
import { DOCUMENT_TYPE_CODES } from '../domain/evaluation/dossier-documents.js';
import { IsoDate, PageQuery, optionalText, paginated } from './common.js';

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
export const RoundUpdateBody = z.object({
  name: z.string().trim().min(1).max(200),
  proposalDeadline: IsoDate,
  resultDeadline: IsoDate,
  status: RoundStatus,
});
export const DefaultRoundsBody = z.object({ year: z.number().int().min(2018).max(2100), level: RoundLevel.default('province') });
export const RoundListQuery = z.object({ year: z.coerce.number().int().optional(), level: RoundLevel.optional() });

export const Registration = z.object({
  representativeName: z.string().trim().min(1).max(200),
  representativePosition: optionalText(200).transform((v) => v ?? undefined),
  address: optionalText(500).transform((v) => v ?? undefined),
  phone: optionalText(30).transform((v) => v ?? undefined),
  email: optionalText(254).transform((v) => v ?? undefined),
});

/** Mẫu 03: the commune's assessment (Art. 7.2, Decision 26/2026/QĐ-TTg). */
export const CommuneAssessmentInput = z.object({
  rawMaterialOrigin: z.string().trim().min(1).max(3000),
  localLabour: z.string().trim().min(1).max(3000),
  ideaOrigin: z.string().trim().min(1).max(3000),
  localIdentity: z.string().trim().min(1).max(3000),
  conclusion: z.enum(['propose', 'not_propose']),
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
    kind: DossierKind,
    state: DossierState,
    legalBasis: z.string(),
    setNumber: z.number().int(),
    selfAssessmentId: z.uuid().nullable(),
    registration: z.object({ representativeName: z.string(), representativePosition: z.string().optional(), address: z.string().optional(), phone: z.string().optional(), email: z.string().optional() }),
    samples: z.number().int(),
    communeAssessment: CommuneAssessmentInput.extend({ assessedOn: z.string() }).nullable(),
    submittedOn: z.string().nullable(),
    communeDueOn: z.string().nullable(),
    /** The commune's 15 working days have passed without its assessment. */
    communeOverdue: z.boolean(),
    councilScore: z.number().nullable(),
    /** The star the council's sheets earned (after minimum-star gates); null for a paper result. */
    councilStar: z.number().int().nullable(),
    decidedStar: z.number().int().nullable(),
    version: z.number().int(),
    availableActions: z.array(DossierActionName),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Dossier' });
export type Dossier = z.infer<typeof Dossier>;

export const DossierCreateBody = z.object({
  productId: z.uuid(),
  kind: DossierKind,
  selfAssessmentId: z.uuid().optional(),
  roundId: z.uuid().optional(),
  registration: Registration,
});

export const DossierListQuery = PageQuery.extend({
  state: DossierState.optional(),
  kind: DossierKind.optional(),
  roundId: z.uuid().optional(),
  communeCode: z.string().regex(/^\d{5}$/).optional(),
  productId: z.uuid().optional(),
});
export const DossierList = paginated(Dossier);

export const TransitionBody = z.object({
  action: DossierActionName,
  /** The version the caller saw: a concurrent change makes the step fail instead of being lost. */
  expectedVersion: z.number().int().min(1),
  comment: z.string().trim().max(3000).optional(),
  assessment: CommuneAssessmentInput.optional(),
  roundId: z.uuid().optional(),
  /** record_score: the council's mean score (entered by the secretary until councils score in the platform). */
  councilScore: z.number().min(0).max(100).optional(),
  /** decide: the star recognised, or null for not recognised. */
  star: z.union([z.literal(3), z.literal(4), z.literal(5)]).nullable().optional(),
});

export const DossierEvent = z.object({
  id: z.number().int(),
  action: z.string(),
  fromState: z.string().nullable(),
  toState: z.string(),
  actorLabel: z.string(),
  comment: z.string().nullable(),
  at: z.string(),
});

export const Notification = z.object({ id: z.uuid(), dossierId: z.uuid().nullable(), title: z.string(), body: z.string(), readAt: z.string().nullable(), createdAt: z.string() });
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
  lines: z.array(
    z.object({
      type: DocumentTypeCode,
      label: z.object({ vi: z.string(), en: z.string() }),
      required: z.boolean(),
      note: z.object({ vi: z.string(), en: z.string() }).nullable(),
      status: z.enum(['ok', 'expired', 'missing']),
      documents: z.array(DocumentOnFile),
    }),
  ),
});

export const SiteVisitBody = z.object({
  visitedOn: IsoDate,
  visitors: z.string().trim().min(1).max(500),
  summary: z.string().trim().min(1).max(5000),
  criterionNotes: z.record(z.string().min(1).max(20), z.string().trim().max(2000)).default({}),
});
export const SiteVisit = SiteVisitBody.extend({ id: z.uuid(), dossierId: z.uuid(), createdAt: z.string() }).meta({ id: 'SiteVisit' });
