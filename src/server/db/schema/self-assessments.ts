import { doublePrecision, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { criteriaVersions } from './criteria.js';
import { products } from './registry.js';
import { users } from './users.js';

/** A producer's self-assessment of a product against a criteria set (Mẫu 02, part III). */
export const selfAssessments = pgTable(
  'self_assessments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    legalBasis: text('legal_basis')
      .notNull()
      .references(() => criteriaVersions.legalBasis),
    setNumber: integer('set_number').notNull(),
    /** Case of sets with alternative cases (set 26); null otherwise or not chosen yet. */
    caseKey: text('case_key'),
    /** Criterion code → 0-based option index; partial while a draft. */
    choices: jsonb('choices').$type<Record<string, number>>().notNull().default({}),
    /** Criterion code → the producer's note. */
    notes: jsonb('notes').$type<Record<string, string>>().notNull().default({}),
    generalNote: text('general_note'),
    status: text('status', { enum: ['draft', 'completed'] })
      .notNull()
      .default('draft'),
    /** Cached from the engine when completed, for lists and indicators. */
    total: doublePrecision('total'),
    star: integer('star'),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('self_assessments_product_idx').on(t.productId), index('self_assessments_version_idx').on(t.legalBasis)],
);

/** Evidence attached to one criterion of a self-assessment: an uploaded file or a link. */
export const selfAssessmentEvidence = pgTable(
  'self_assessment_evidence',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    assessmentId: uuid('assessment_id')
      .notNull()
      .references(() => selfAssessments.id, { onDelete: 'cascade' }),
    criterionCode: text('criterion_code').notNull(),
    kind: text('kind', { enum: ['file', 'link'] }).notNull(),
    url: text('url'),
    storageKey: text('storage_key'),
    filename: text('filename'),
    mimeType: text('mime_type'),
    bytes: integer('bytes'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('self_assessment_evidence_assessment_idx').on(t.assessmentId)],
);
