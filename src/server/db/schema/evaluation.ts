import { bigserial, date, doublePrecision, index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { communes, provinces } from './reference.js';
import { products, subjects } from './registry.js';
import { selfAssessments } from './self-assessments.js';
import { users } from './users.js';

/**
 * Evaluation rounds (đợt), Art. 5 of Decision 26/2026/QĐ-TTg: per level and year, with deadlines.
 * Whether a round is open, in progress or closed follows from its dates (roundStatus), never stored.
 */
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

/**
 * Mẫu 03: the commune's assessment of four matters, with the report's and the proposal letter's
 * numbers and who signed them for the commune People's Committee (Art. 7.2b).
 */
export type CommuneAssessment = {
  rawMaterialOrigin: string;
  localLabour: string;
  ideaOrigin: string;
  localIdentity: string;
  conclusion: 'propose' | 'not_propose';
  reportNumber?: string | undefined;
  letterNumber?: string | undefined;
  signer: string;
  signerTitle: string;
  assessedOn: string;
};

/** The province's letter to the ministry (Art. 6.3a, 7.3e) and the samples that went with it. */
export type MinistryForwarding = {
  letterNumber: string;
  letterDate: string;
  signer: string;
  signerTitle: string;
  samplesSent: number;
  extraTests?: string | undefined;
  /** Filled when the ministry receives the package. */
  samplesReceived?: number | undefined;
  receivedOn?: string | undefined;
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
    /** The ministry's round, once the province forwarded the dossier for 5★. */
    ministryRoundId: uuid('ministry_round_id').references(() => evaluationRounds.id),
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
    /** The filing (snapshot) the dossier is judged on: the latest submission or resubmission. */
    currentFilingId: uuid('current_filing_id'),
    /**
     * The provincial council's mean score and star, copied from its council_results row (written by
     * the closing session from locked sheets only) for lists and figures.
     */
    councilScore: doublePrecision('council_score'),
    councilStar: integer('council_star'),
    /** The central council's, likewise (Art. 7.4). */
    centralScore: doublePrecision('central_score'),
    centralStar: integer('central_star'),
    forwarding: jsonb('forwarding').$type<MinistryForwarding>(),
    decidedStar: integer('decided_star'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('dossiers_product_idx').on(t.productId),
    index('dossiers_scope_idx').on(t.provinceCode, t.communeCode, t.state),
    // The list's order (last changed first) within a province: a page is read from the index, not sorted.
    index('dossiers_province_recent_idx').on(t.provinceCode, t.updatedAt.desc().nullsFirst(), t.id),
    index('dossiers_round_idx').on(t.roundId),
  ],
);

/** One piece of evidence as filed: its file is kept under its content hash, whatever happens to the draft's. */
export type FiledEvidence = {
  id: string;
  criterionCode: string;
  kind: 'file' | 'link';
  url: string | null;
  filename: string | null;
  mimeType: string | null;
  bytes: number | null;
  sha256: string | null;
  storageKey: string | null;
};

/** Mẫu 02 part III as filed: the producer's own scoring, with its notes and the engine's result. */
export type FiledSelfAssessment = {
  id: string;
  legalBasis: string;
  setNumber: number;
  caseKey: string | null;
  choices: Record<string, number>;
  notes: Record<string, string>;
  generalNote: string | null;
  total: number | null;
  star: number | null;
  completedAt: string | null;
};

/** The product and producer as they stood when filed (Mẫu 01 and Mẫu 02 part I). */
export type FiledProduct = {
  name: string;
  ocopCode: string;
  criteriaSetNumber: number | null;
  description: string | null;
  ingredients: string | null;
  packaging: string | null;
  netContent: string | null;
  barcode: string | null;
  qualityDeclarationNo: string | null;
};
export type FiledSubject = {
  name: string;
  legalForm: string;
  taxCode: string | null;
  address: string | null;
  phone: string | null;
  email: string | null;
  representativeName: string | null;
  representativeGender: string | null;
  representativeEthnicity: string | null;
  foundedOn: string | null;
  communeName: string;
  provinceName: string;
};

/**
 * What a dossier was filed with (Art. 6.1, 7.1): an immutable snapshot taken on each submission or
 * resubmission. The commune, the province, the council and the ministry judge this, never the
 * records it came from, which the producer keeps editing.
 */
export const dossierFilings = pgTable(
  'dossier_filings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    dossierId: uuid('dossier_id')
      .notNull()
      .references(() => dossiers.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    filedOn: date('filed_on').notNull(),
    filedBy: uuid('filed_by').references(() => users.id, { onDelete: 'set null' }),
    registration: jsonb('registration').$type<DossierRegistration>().notNull(),
    product: jsonb('product').$type<FiledProduct>().notNull(),
    subject: jsonb('subject').$type<FiledSubject>().notNull(),
    selfAssessment: jsonb('self_assessment').$type<FiledSelfAssessment>().notNull(),
    evidence: jsonb('evidence').$type<FiledEvidence[]>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('dossier_filings_uq').on(t.dossierId, t.seq)],
);

/**
 * A council's result on a dossier, written once by the session that closed it from the locked
 * sheets of its last scoring round (Art. 3.3: the mean of the members' totals): the provincial
 * council's, and for 5★ the central council's.
 */
export const councilResults = pgTable(
  'council_results',
  {
    dossierId: uuid('dossier_id')
      .notNull()
      .references(() => dossiers.id, { onDelete: 'cascade' }),
    level: text('level', { enum: ['province', 'ministry'] }).notNull(),
    sessionId: uuid('session_id').notNull(),
    scoringRound: integer('scoring_round').notNull(),
    /** The day the result stands from: the meeting's date, or the closing day of written opinions. */
    scoredOn: date('scored_on').notNull(),
    score: doublePrecision('score').notNull(),
    star: integer('star').notNull(),
    partA: doublePrecision('part_a').notNull(),
    partB: doublePrecision('part_b').notNull(),
    partC: doublePrecision('part_c').notNull(),
    memberTotals: jsonb('member_totals').$type<number[]>().notNull(),
    /** The engine's whole aggregation as presented (criteria means, gates, quorum). */
    result: jsonb('result').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.dossierId, t.level] })],
);

/**
 * Days the government moves, over the statutory calendar (Labour Code 2019, Art. 111–112): an extra
 * day off, or a Saturday worked in exchange. Null province: the whole country.
 */
export const calendarDays = pgTable(
  'calendar_days',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    provinceCode: text('province_code').references(() => provinces.code),
    date: date('date').notNull(),
    kind: text('kind', { enum: ['day_off', 'working_day'] }).notNull(),
    name: text('name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('calendar_days_uq').on(t.provinceCode, t.date).nullsNotDistinct()],
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
    /** While a process sends it: no other process claims it before then (a process that died mid-send leaves it to be retried after). */
    claimedUntil: timestamp('claimed_until', { withTimezone: true }),
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
    status: text('status', { enum: ['open', 'answered', 'closed'] })
      .notNull()
      .default('open'),
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
