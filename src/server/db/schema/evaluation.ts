import { bigserial, date, doublePrecision, index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { communes, provinces } from './reference.js';
import { products, subjects } from './registry.js';
import { selfAssessments } from './self-assessments.js';
import { users } from './users.js';

/** Evaluation rounds (đợt), Art. 5 of Decision 26/2026/QĐ-TTg: per level and year, with deadlines. */
export const evaluationRounds = pgTable(
  'evaluation_rounds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    level: text('level', { enum: ['province', 'ministry'] }).notNull(),
    /** Null for ministry rounds. */
    provinceCode: text('province_code').references(() => provinces.code),
    year: integer('year').notNull(),
    number: integer('number').notNull(),
    name: text('name').notNull(),
    proposalDeadline: date('proposal_deadline').notNull(),
    resultDeadline: date('result_deadline').notNull(),
    legalBasis: text('legal_basis').notNull(),
    status: text('status', { enum: ['open', 'in_progress', 'closed'] }).notNull().default('open'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  // NULLS NOT DISTINCT (PostgreSQL 15+): ministry rounds, with no province, are unique too.
  (t) => [unique('evaluation_rounds_uq').on(t.level, t.provinceCode, t.year, t.number).nullsNotDistinct()],
);

/** Mẫu 01 (registration form) fields kept with the dossier as filed. */
export type DossierRegistration = {
  representativeName: string;
  representativePosition?: string | undefined;
  address?: string | undefined;
  phone?: string | undefined;
  email?: string | undefined;
};

/** Mẫu 03: the commune's assessment of four matters (Art. 7.2). */
export type CommuneAssessment = {
  rawMaterialOrigin: string;
  localLabour: string;
  ideaOrigin: string;
  localIdentity: string;
  conclusion: 'propose' | 'not_propose';
  assessedOn: string;
};

/**
 * A dossier (hồ sơ) for one evaluation of one product: first evaluation, upgrade or re-rating.
 * `version` is the optimistic lock: every state change names the version it saw, so two officers
 * acting at once cannot both succeed.
 */
export const dossiers = pgTable(
  'dossiers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id),
    subjectId: uuid('subject_id')
      .notNull()
      .references(() => subjects.id),
    provinceCode: text('province_code')
      .notNull()
      .references(() => provinces.code),
    communeCode: text('commune_code')
      .notNull()
      .references(() => communes.code),
    roundId: uuid('round_id').references(() => evaluationRounds.id),
    kind: text('kind', { enum: ['first', 'upgrade', 'rerating'] }).notNull(),
    state: text('state').notNull().default('draft'),
    legalBasis: text('legal_basis').notNull(),
    setNumber: integer('set_number').notNull(),
    selfAssessmentId: uuid('self_assessment_id').references(() => selfAssessments.id),
    registration: jsonb('registration').$type<DossierRegistration>().notNull(),
    samples: integer('samples').notNull(),
    communeAssessment: jsonb('commune_assessment').$type<CommuneAssessment>(),
    submittedOn: date('submitted_on'),
    communeDueOn: date('commune_due_on'),
    councilScore: doublePrecision('council_score'),
    /** The star the engine awarded on the council's sheets (after minimum-star gates); null for a paper result. */
    councilStar: integer('council_star'),
    decidedStar: integer('decided_star'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('dossiers_product_idx').on(t.productId),
    index('dossiers_scope_idx').on(t.provinceCode, t.communeCode, t.state),
    index('dossiers_round_idx').on(t.roundId),
  ],
);

/** Every step of a dossier: who, when, from which state to which, and why. */
export const dossierEvents = pgTable(
  'dossier_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    dossierId: uuid('dossier_id')
      .notNull()
      .references(() => dossiers.id, { onDelete: 'cascade' }),
    action: text('action').notNull(),
    fromState: text('from_state'),
    toState: text('to_state').notNull(),
    actorUserId: uuid('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
    actorLabel: text('actor_label').notNull(),
    comment: text('comment'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('dossier_events_dossier_idx').on(t.dossierId, t.id)],
);

/** In-app notifications; e-mail copies go through the outbox. */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    dossierId: uuid('dossier_id').references(() => dossiers.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    body: text('body').notNull(),
    readAt: timestamp('read_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('notifications_user_idx').on(t.userId, t.createdAt)],
);

/** E-mails waiting to be sent; a sender drains it when SMTP is configured, retrying failures. */
export const emailOutbox = pgTable(
  'email_outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    to: text('to').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('email_outbox_pending_idx').on(t.sentAt, t.createdAt)],
);

/**
 * A question on evidence, tied to a criterion, from the advisory team or a council member to the
 * producer ("the contract for criterion 1.5 covers only 40% of output — is there another?").
 * Open questions hold the dossier from being scored until answered or closed.
 */
export const evidenceQuestions = pgTable(
  'evidence_questions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    dossierId: uuid('dossier_id')
      .notNull()
      .references(() => dossiers.id, { onDelete: 'cascade' }),
    criterionCode: text('criterion_code').notNull(),
    status: text('status', { enum: ['open', 'answered', 'closed'] }).notNull().default('open'),
    askedBy: uuid('asked_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('evidence_questions_dossier_idx').on(t.dossierId, t.status)],
);

/** The thread of a question: the question itself, the producer's answers, follow-ups. */
export const evidenceMessages = pgTable(
  'evidence_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    questionId: uuid('question_id')
      .notNull()
      .references(() => evidenceQuestions.id, { onDelete: 'cascade' }),
    authorUserId: uuid('author_user_id').references(() => users.id, { onDelete: 'set null' }),
    authorLabel: text('author_label').notNull(),
    body: text('body').notNull(),
    /** A self-assessment evidence item attached with the answer. */
    evidenceId: uuid('evidence_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('evidence_messages_question_idx').on(t.questionId, t.createdAt)],
);

/** Papers on file for a subject or one of its products, reused by later dossiers while valid. */
export const documents = pgTable(
  'documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    subjectId: uuid('subject_id')
      .notNull()
      .references(() => subjects.id),
    /** Null for the subject's own papers (registration, food-safety certificate…). */
    productId: uuid('product_id').references(() => products.id, { onDelete: 'cascade' }),
    type: text('type').notNull(),
    title: text('title').notNull(),
    number: text('number'),
    issuedOn: date('issued_on'),
    validUntil: date('valid_until'),
    storageKey: text('storage_key').notNull(),
    filename: text('filename').notNull(),
    mimeType: text('mime_type').notNull(),
    bytes: integer('bytes').notNull(),
    uploadedBy: uuid('uploaded_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('documents_subject_idx').on(t.subjectId, t.type), index('documents_product_idx').on(t.productId)],
);

/** The documents a dossier carried when it was filed (or refiled): what the commune and province checked. */
export const dossierDocuments = pgTable(
  'dossier_documents',
  {
    dossierId: uuid('dossier_id')
      .notNull()
      .references(() => dossiers.id, { onDelete: 'cascade' }),
    documentId: uuid('document_id')
      .notNull()
      .references(() => documents.id),
  },
  (t) => [primaryKey({ columns: [t.dossierId, t.documentId] })],
);

/** The advisory team's site visit (Art. 7.3): what they saw, overall and criterion by criterion. */
export const siteVisits = pgTable(
  'site_visits',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    dossierId: uuid('dossier_id')
      .notNull()
      .references(() => dossiers.id, { onDelete: 'cascade' }),
    visitedOn: date('visited_on').notNull(),
    visitors: text('visitors').notNull(),
    summary: text('summary').notNull(),
    /** Criterion code → what the team found about its evidence. */
    criterionNotes: jsonb('criterion_notes').$type<Record<string, string>>().notNull().default({}),
    authorUserId: uuid('author_user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('site_visits_dossier_idx').on(t.dossierId)],
);
