import { bigint, date, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { communes, provinces } from './reference.js';
import { products, subjects } from './registry.js';
import { users } from './users.js';

/**
 * The programme's own activities besides evaluation: the front of the OCOP cycle (product ideas and
 * business plans, steps 1–4 of the annual cycle), support policies and grants, communication and
 * training. Kinds and statuses are defined in src/domain/programme.
 */

/** Phiếu đăng ký ý tưởng sản phẩm: received by a commune, then screened. */
export const productIdeas = pgTable(
  'product_ideas',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    provinceCode: text('province_code')
      .notNull()
      .references(() => provinces.code),
    communeCode: text('commune_code')
      .notNull()
      .references(() => communes.code),
    externalCode: text('external_code'),
    /** The producer, when already registered; otherwise the proposer's name. */
    subjectId: uuid('subject_id').references(() => subjects.id, { onDelete: 'set null' }),
    proposerName: text('proposer_name'),
    title: text('title').notNull(),
    titleSearch: text('title_search').notNull(),
    description: text('description'),
    /** The criteria set the product would be evaluated under, when known. */
    criteriaSetNumber: integer('criteria_set_number'),
    receivedOn: date('received_on').notNull(),
    /** received | accepted | returned | rejected (IDEA_STATUSES) */
    status: text('status').notNull().default('received'),
    screenedOn: date('screened_on'),
    screeningNote: text('screening_note'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('product_ideas_province_idx').on(t.provinceCode, t.receivedOn),
    index('product_ideas_commune_idx').on(t.communeCode),
    uniqueIndex('product_ideas_external_code_uq').on(t.provinceCode, t.externalCode),
  ],
);

/**
 * Phương án / dự án sản xuất kinh doanh built on an accepted idea; when the product exists it is
 * linked, and from then on the product's dossiers and results tell how far it went.
 */
export const businessPlans = pgTable(
  'business_plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ideaId: uuid('idea_id')
      .notNull()
      .references(() => productIdeas.id, { onDelete: 'cascade' }),
    externalCode: text('external_code'),
    /** plan (phương án) | project (dự án) */
    kind: text('kind').notNull().default('plan'),
    title: text('title').notNull(),
    submittedOn: date('submitted_on').notNull(),
    approvedOn: date('approved_on'),
    /** drafting | approved | implementing | completed | abandoned (BUSINESS_PLAN_STATUSES) */
    status: text('status').notNull().default('drafting'),
    investmentVnd: bigint('investment_vnd', { mode: 'number' }),
    productId: uuid('product_id').references(() => products.id, { onDelete: 'set null' }),
    progressNote: text('progress_note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('business_plans_idea_idx').on(t.ideaId), index('business_plans_product_idx').on(t.productId)],
);

/** A support policy (chính sách hỗ trợ) of a year, with its legal basis and budget. */
export const supportPolicies = pgTable(
  'support_policies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    provinceCode: text('province_code')
      .notNull()
      .references(() => provinces.code),
    externalCode: text('external_code'),
    name: text('name').notNull(),
    /** SUPPORT_AREAS: khuyến công, xúc tiến thương mại, khoa học công nghệ, nhãn hiệu… */
    area: text('area').notNull(),
    legalBasis: text('legal_basis'),
    year: integer('year').notNull(),
    budgetVnd: bigint('budget_vnd', { mode: 'number' }),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('support_policies_province_idx').on(t.provinceCode, t.year),
    uniqueIndex('support_policies_external_code_uq').on(t.provinceCode, t.externalCode),
  ],
);

/** Support granted under a policy to a producer (and optionally one product or business plan). */
export const supportGrants = pgTable(
  'support_grants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    policyId: uuid('policy_id')
      .notNull()
      .references(() => supportPolicies.id),
    externalCode: text('external_code'),
    subjectId: uuid('subject_id')
      .notNull()
      .references(() => subjects.id),
    productId: uuid('product_id').references(() => products.id, { onDelete: 'set null' }),
    businessPlanId: uuid('business_plan_id').references(() => businessPlans.id, { onDelete: 'set null' }),
    content: text('content').notNull(),
    amountVnd: bigint('amount_vnd', { mode: 'number' }).notNull(),
    /** BUDGET_SOURCES (contracts/plans.ts) */
    fundingSource: text('funding_source').notNull(),
    grantedOn: date('granted_on').notNull(),
    /** approved | disbursed | cancelled (GRANT_STATUSES) */
    status: text('status').notNull().default('approved'),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('support_grants_policy_idx').on(t.policyId),
    index('support_grants_subject_idx').on(t.subjectId),
    index('support_grants_plan_idx').on(t.businessPlanId),
    uniqueIndex('support_grants_external_code_uq').on(t.policyId, t.externalCode),
  ],
);

/** A communication item: radio or TV segment, article, portal section, handbook, guide, panel. */
export const communicationItems = pgTable(
  'communication_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    provinceCode: text('province_code')
      .notNull()
      .references(() => provinces.code),
    externalCode: text('external_code'),
    /** COMMUNICATION_KINDS */
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    channel: text('channel'),
    publishedOn: date('published_on').notNull(),
    /** Segments, articles or copies (handbooks, panels). */
    quantity: integer('quantity').notNull().default(1),
    url: text('url'),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('communication_items_province_idx').on(t.provinceCode, t.publishedOn),
    uniqueIndex('communication_items_external_code_uq').on(t.provinceCode, t.externalCode),
  ],
);

/** A training course (lớp tập huấn, đào tạo) and who attended. */
export const trainingCourses = pgTable(
  'training_courses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    provinceCode: text('province_code')
      .notNull()
      .references(() => provinces.code),
    externalCode: text('external_code'),
    topic: text('topic').notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    place: text('place'),
    /** The commune where it was held, when in the province: its officers keep the record. */
    communeCode: text('commune_code').references(() => communes.code),
    organiser: text('organiser'),
    trainers: text('trainers'),
    /** Everyone who attended (officers, producers' people), counted as the course reports them. */
    participants: integer('participants').notNull().default(0),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('training_courses_province_idx').on(t.provinceCode, t.startsOn),
    uniqueIndex('training_courses_external_code_uq').on(t.provinceCode, t.externalCode),
  ],
);

/** The producers who sent someone to a course. */
export const trainingAttendees = pgTable(
  'training_attendees',
  {
    courseId: uuid('course_id')
      .notNull()
      .references(() => trainingCourses.id, { onDelete: 'cascade' }),
    subjectId: uuid('subject_id')
      .notNull()
      .references(() => subjects.id, { onDelete: 'cascade' }),
    people: integer('people').notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.courseId, t.subjectId] }), index('training_attendees_subject_idx').on(t.subjectId)],
);
