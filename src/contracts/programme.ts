import { z } from 'zod';
import {
  BUSINESS_PLAN_KINDS,
  BUSINESS_PLAN_STATUSES,
  COMMUNICATION_KINDS,
  FUNNEL_STAGES,
  GRANT_STATUSES,
  IDEA_STATUSES,
  SUPPORT_AREAS,
} from '../domain/programme/index.js';
import { IsoDate, optionalText, PageQuery, paginated } from './common.js';
import { ExportFormatQuery } from './exports.js';
import { BUDGET_SOURCES } from './plans.js';

/**
 * Programme activity records on the wire: product ideas and business plans, support policies and
 * grants, communication items, training courses, and the funnel of the OCOP cycle.
 */

const CommuneCode = z.string().regex(/^\d{5}$/);
const optionalDate = z.preprocess((v) => (v === '' ? null : v), IsoDate.nullable().optional());
const money = z.number().int().min(0).max(1e15);
const Year = z.coerce.number().int().min(2000).max(2100);
/** Each list's export takes its filters (every matching row, so no paging) and the format (contracts/exports.ts). */
const withoutPaging = { page: true, pageSize: true } as const;
// Responses restate the inputs' text fields without their length rules: a stored text is NFC, which
// may be shorter than what was sent (a letter and its combining marks become one character).

// ——— Product ideas and business plans ———

export const ProductIdeaInput = z.object({
  communeCode: CommuneCode,
  subjectId: z.uuid().nullable().optional(),
  proposerName: optionalText(300),
  title: z.string().trim().min(3).max(300),
  description: optionalText(5000),
  criteriaSetNumber: z.number().int().min(1).max(99).nullable().optional(),
  receivedOn: IsoDate,
  externalCode: optionalText(100),
});
export type ProductIdeaInput = z.infer<typeof ProductIdeaInput>;
/** The commune's screening of an idea (step 2): the status and the advice given. */
export const IdeaScreeningInput = z.object({
  status: z.enum(IDEA_STATUSES).exclude(['received']),
  screenedOn: IsoDate,
  note: optionalText(5000),
});
export type IdeaScreeningInput = z.infer<typeof IdeaScreeningInput>;

export const BusinessPlanInput = z.object({
  kind: z.enum(BUSINESS_PLAN_KINDS).default('plan'),
  title: z.string().trim().min(3).max(300),
  submittedOn: IsoDate,
  approvedOn: optionalDate,
  status: z.enum(BUSINESS_PLAN_STATUSES).default('drafting'),
  investmentVnd: money.nullable().optional(),
  productId: z.uuid().nullable().optional(),
  progressNote: optionalText(5000),
  externalCode: optionalText(100),
});
export type BusinessPlanInput = z.infer<typeof BusinessPlanInput>;

export const BusinessPlan = BusinessPlanInput.extend({
  id: z.uuid(),
  title: z.string(),
  ideaId: z.uuid(),
  approvedOn: z.string().nullable(),
  investmentVnd: z.number().nullable(),
  productId: z.string().nullable(),
  productName: z.string().nullable(),
  progressNote: z.string().nullable(),
  externalCode: z.string().nullable(),
  /** Derived from the product's dossiers and results: how far the plan's product went. */
  productStage: z.enum(['none', 'registered', 'evaluated', 'recognised']),
  grantsTotalVnd: z.number(),
  updatedAt: z.string(),
}).meta({ id: 'BusinessPlan' });
export type BusinessPlan = z.infer<typeof BusinessPlan>;

export const ProductIdea = ProductIdeaInput.extend({
  id: z.uuid(),
  title: z.string(),
  provinceCode: z.string(),
  communeName: z.string(),
  subjectId: z.string().nullable(),
  subjectName: z.string().nullable(),
  /** The subject's code in the province's own records (else its tax code): what an import names it by. */
  subjectCode: z.string().nullable(),
  proposerName: z.string().nullable(),
  description: z.string().nullable(),
  criteriaSetNumber: z.number().int().nullable(),
  externalCode: z.string().nullable(),
  status: z.enum(IDEA_STATUSES),
  screenedOn: z.string().nullable(),
  screeningNote: z.string().nullable(),
  plans: z.array(BusinessPlan),
  updatedAt: z.string(),
}).meta({ id: 'ProductIdea' });
export type ProductIdea = z.infer<typeof ProductIdea>;

export const IdeaListQuery = PageQuery.extend({
  year: Year.optional(),
  status: z.enum(IDEA_STATUSES).optional(),
  communeCode: CommuneCode.optional(),
});
export type IdeaListQuery = z.infer<typeof IdeaListQuery>;
export const IdeaListItem = ProductIdea.omit({ plans: true }).extend({ planCount: z.number().int() });
export type IdeaListItem = z.infer<typeof IdeaListItem>;
export const IdeaList = paginated(IdeaListItem);
export const IdeaExportQuery = IdeaListQuery.omit(withoutPaging).extend(ExportFormatQuery.shape);

/** The province's business plans, each with the idea it is built on; `q` finds words of the idea's or the product's name, or the plan's code. */
export const BusinessPlanListQuery = PageQuery.extend({
  /** The year the plan was submitted. */
  year: Year.optional(),
  status: z.enum(BUSINESS_PLAN_STATUSES).optional(),
  communeCode: CommuneCode.optional(),
});
export type BusinessPlanListQuery = z.infer<typeof BusinessPlanListQuery>;
export const BusinessPlanListItem = BusinessPlan.extend({
  /** The product's code in the province's own records, else its OCOP code: what an import names it by. */
  productCode: z.string().nullable(),
  ideaTitle: z.string(),
  ideaExternalCode: z.string().nullable(),
  communeCode: z.string(),
  communeName: z.string(),
  subjectId: z.string().nullable(),
  subjectName: z.string().nullable(),
  subjectCode: z.string().nullable(),
  proposerName: z.string().nullable(),
}).meta({ id: 'BusinessPlanListItem' });
export type BusinessPlanListItem = z.infer<typeof BusinessPlanListItem>;
export const BusinessPlanList = paginated(BusinessPlanListItem);
export const BusinessPlanExportQuery = BusinessPlanListQuery.omit(withoutPaging).extend(ExportFormatQuery.shape);

const FunnelCounts = z.object(Object.fromEntries(FUNNEL_STAGES.map((s) => [s, z.number().int()])) as Record<(typeof FUNNEL_STAGES)[number], z.ZodNumber>);
export const Funnel = z
  .object({
    year: z.number().int(),
    total: FunnelCounts,
    communes: z.array(FunnelCounts.extend({ communeCode: z.string(), communeName: z.string() })),
  })
  .meta({ id: 'Funnel' });
export type Funnel = z.infer<typeof Funnel>;
export const FunnelQuery = z.object({ year: Year, communeCode: CommuneCode.optional() });

// ——— Support ———

export const SupportPolicyInput = z.object({
  name: z.string().trim().min(3).max(500),
  area: z.enum(SUPPORT_AREAS),
  legalBasis: optionalText(1000),
  year: z.number().int().min(2000).max(2100),
  budgetVnd: money.nullable().optional(),
  note: optionalText(2000),
  externalCode: optionalText(100),
});
export type SupportPolicyInput = z.infer<typeof SupportPolicyInput>;
export const SupportPolicy = SupportPolicyInput.extend({
  id: z.uuid(),
  name: z.string(),
  provinceCode: z.string(),
  legalBasis: z.string().nullable(),
  budgetVnd: z.number().nullable(),
  note: z.string().nullable(),
  externalCode: z.string().nullable(),
  /** Grants not cancelled, and of them those paid. */
  committedVnd: z.number(),
  disbursedVnd: z.number(),
  grantCount: z.number().int(),
  updatedAt: z.string(),
}).meta({ id: 'SupportPolicy' });
export type SupportPolicy = z.infer<typeof SupportPolicy>;
export const SupportPolicyListQuery = PageQuery.extend({ year: Year.optional(), area: z.enum(SUPPORT_AREAS).optional() });
export type SupportPolicyListQuery = z.infer<typeof SupportPolicyListQuery>;
export const SupportPolicyList = paginated(SupportPolicy);
export const SupportPolicyExportQuery = SupportPolicyListQuery.omit(withoutPaging).extend(ExportFormatQuery.shape);

export const SupportGrantInput = z.object({
  policyId: z.uuid(),
  subjectId: z.uuid(),
  productId: z.uuid().nullable().optional(),
  businessPlanId: z.uuid().nullable().optional(),
  content: z.string().trim().min(3).max(1000),
  amountVnd: money,
  fundingSource: z.enum(BUDGET_SOURCES),
  grantedOn: IsoDate,
  status: z.enum(GRANT_STATUSES).default('approved'),
  note: optionalText(2000),
  externalCode: optionalText(100),
});
export type SupportGrantInput = z.infer<typeof SupportGrantInput>;
export const SupportGrant = SupportGrantInput.extend({
  id: z.uuid(),
  content: z.string(),
  policyName: z.string(),
  subjectName: z.string(),
  communeCode: z.string().nullable(),
  productId: z.string().nullable(),
  productName: z.string().nullable(),
  businessPlanId: z.string().nullable(),
  /** The codes an import names the grant's policy, subject, product and plan by (the province's own; a subject's tax code, a product's OCOP code when it has none). */
  policyCode: z.string().nullable(),
  subjectCode: z.string().nullable(),
  productCode: z.string().nullable(),
  businessPlanCode: z.string().nullable(),
  note: z.string().nullable(),
  externalCode: z.string().nullable(),
  updatedAt: z.string(),
}).meta({ id: 'SupportGrant' });
export const SupportGrantListQuery = PageQuery.extend({
  year: Year.optional(),
  policyId: z.uuid().optional(),
  subjectId: z.uuid().optional(),
  status: z.enum(GRANT_STATUSES).optional(),
});
export type SupportGrantListQuery = z.infer<typeof SupportGrantListQuery>;
export type SupportGrant = z.infer<typeof SupportGrant>;
/** `totalVnd`: what the filtered grants not cancelled commit, over every page. */
export const SupportGrantList = paginated(SupportGrant).extend({ totalVnd: z.number() });
export const SupportGrantExportQuery = SupportGrantListQuery.omit(withoutPaging).extend(ExportFormatQuery.shape);

// ——— Communication ———

export const CommunicationItemInput = z.object({
  kind: z.enum(COMMUNICATION_KINDS),
  title: z.string().trim().min(3).max(500),
  channel: optionalText(300),
  publishedOn: IsoDate,
  quantity: z.number().int().min(1).max(1e9).default(1),
  url: optionalText(2000),
  note: optionalText(2000),
  externalCode: optionalText(100),
});
export type CommunicationItemInput = z.infer<typeof CommunicationItemInput>;
export const CommunicationItem = CommunicationItemInput.extend({
  id: z.uuid(),
  title: z.string(),
  provinceCode: z.string(),
  channel: z.string().nullable(),
  url: z.string().nullable(),
  note: z.string().nullable(),
  externalCode: z.string().nullable(),
  updatedAt: z.string(),
}).meta({ id: 'CommunicationItem' });
export type CommunicationItem = z.infer<typeof CommunicationItem>;
export const CommunicationListQuery = PageQuery.extend({ year: Year.optional(), kind: z.enum(COMMUNICATION_KINDS).optional() });
export type CommunicationListQuery = z.infer<typeof CommunicationListQuery>;
export const CommunicationList = paginated(CommunicationItem);
export const CommunicationExportQuery = CommunicationListQuery.omit(withoutPaging).extend(ExportFormatQuery.shape);

// ——— Training ———

export const TrainingCourseInput = z.object({
  topic: z.string().trim().min(3).max(500),
  startsOn: IsoDate,
  endsOn: IsoDate,
  place: optionalText(500),
  communeCode: CommuneCode.nullable().optional(),
  organiser: optionalText(300),
  trainers: optionalText(1000),
  participants: z.number().int().min(0).max(1e6),
  attendees: z
    .array(z.object({ subjectId: z.uuid(), people: z.number().int().min(1).max(1000).default(1) }))
    .max(2000)
    .default([]),
  note: optionalText(2000),
  externalCode: optionalText(100),
});
export type TrainingCourseInput = z.infer<typeof TrainingCourseInput>;
export const TrainingCourse = TrainingCourseInput.extend({
  id: z.uuid(),
  topic: z.string(),
  provinceCode: z.string(),
  place: z.string().nullable(),
  communeCode: z.string().nullable(),
  communeName: z.string().nullable(),
  organiser: z.string().nullable(),
  trainers: z.string().nullable(),
  note: z.string().nullable(),
  externalCode: z.string().nullable(),
  attendees: z.array(z.object({ subjectId: z.uuid(), subjectName: z.string(), people: z.number().int() })),
  updatedAt: z.string(),
}).meta({ id: 'TrainingCourse' });
export type TrainingCourse = z.infer<typeof TrainingCourse>;
export const TrainingListQuery = PageQuery.extend({ year: Year.optional(), subjectId: z.uuid().optional() });
export type TrainingListQuery = z.infer<typeof TrainingListQuery>;
export const TrainingListItem = TrainingCourse.omit({ attendees: true }).extend({ producerCount: z.number().int() });
export type TrainingListItem = z.infer<typeof TrainingListItem>;
export const TrainingList = paginated(TrainingListItem);
export const TrainingExportQuery = TrainingListQuery.omit(withoutPaging).extend(ExportFormatQuery.shape);
