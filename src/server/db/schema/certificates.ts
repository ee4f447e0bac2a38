import { date, doublePrecision, index, integer, pgTable, text, timestamp, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { provinces } from './reference.js';
import { products } from './registry.js';
import { dossiers } from './evaluation.js';
import { users } from './users.js';

/**
 * A decision on evaluated products: number, date, signer, level, the products it rates. A recognition
 * (quyết định công nhận) issues certificates; an approval (quyết định phê duyệt kết quả, Art. 7.3e)
 * approves a provincial result of 90 points or more to go to the ministry.
 */
export const decisions = pgTable(
  'decisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind', { enum: ['recognition', 'approval'] })
      .notNull()
      .default('recognition'),
    number: text('number').notNull(),
    signedOn: date('signed_on').notNull(),
    signer: text('signer').notNull(),
    signerTitle: text('signer_title').notNull(),
    level: text('level', { enum: ['province', 'ministry'] }).notNull(),
    /** Null for the ministry's decisions. */
    provinceCode: text('province_code').references(() => provinces.code),
    /** The OCOP agency's letters notifying the result to the communes and producers (Art. 7.3g, 7.4g). */
    noticeNumber: text('notice_number'),
    noticeSigner: text('notice_signer'),
    noticeSignerTitle: text('notice_signer_title'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('decisions_number_uq').on(t.level, t.provinceCode, t.number).nullsNotDistinct()],
);

export const decisionItems = pgTable(
  'decision_items',
  {
    decisionId: uuid('decision_id')
      .notNull()
      .references(() => decisions.id, { onDelete: 'cascade' }),
    dossierId: uuid('dossier_id')
      .notNull()
      .references(() => dossiers.id),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id),
    /** Null: not recognised (or, in an approval, the 5★ proposal). */
    star: integer('star'),
    score: doublePrecision('score'),
    /** The product as decided: later renames do not reach the decision. */
    productName: text('product_name'),
    ocopCode: text('ocop_code'),
    subjectName: text('subject_name'),
  },
  (t) => [uniqueIndex('decision_items_dossier_uq').on(t.decisionId, t.dossierId), index('decision_items_product_idx').on(t.productId)],
);

/** An OCOP certificate (giấy chứng nhận), valid 36 months (Art. 4.3), verifiable by its public code. */
export const certificates = pgTable(
  'certificates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    number: text('number').notNull().unique(),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id),
    dossierId: uuid('dossier_id').references(() => dossiers.id),
    decisionId: uuid('decision_id').references(() => decisions.id),
    level: text('level', { enum: ['province', 'ministry'] }).notNull(),
    provinceCode: text('province_code')
      .notNull()
      .references(() => provinces.code),
    star: integer('star').notNull(),
    score: doublePrecision('score'),
    /** The product and producer named on the certificate when issued. */
    productName: text('product_name'),
    subjectName: text('subject_name'),
    issuedOn: date('issued_on').notNull(),
    expiresOn: date('expires_on').notNull(),
    /** ≥ 64 random bits, URL-safe: the public address /v/<code> printed as a QR code. */
    verificationCode: text('verification_code').notNull().unique(),
    revokedOn: date('revoked_on'),
    revocationGround: text('revocation_ground'),
    revocationDecisionNo: text('revocation_decision_no'),
    revocationNote: text('revocation_note'),
    revocationSigner: text('revocation_signer'),
    revocationSignerTitle: text('revocation_signer_title'),
    /**
     * The competent authority's conclusion of a violation (or the commune's confirmation that
     * production stopped) that starts the 15 days within which the certificate is revoked (Art. 8.4).
     */
    violationConcludedOn: date('violation_concluded_on'),
    violationGround: text('violation_ground'),
    violationReference: text('violation_reference'),
    supersededOn: date('superseded_on'),
    supersededBy: uuid('superseded_by'),
    /** When the producer was reminded that the re-rating window opened (once per certificate). */
    reratingReminderOn: date('rerating_reminder_on'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('certificates_product_idx').on(t.productId), index('certificates_expiry_idx').on(t.provinceCode, t.expiresOn)],
);

/** Certificate numbers run per province (or the ministry, 'TW') and year. */
export const certificateCounters = pgTable(
  'certificate_counters',
  {
    scope: text('scope').notNull(),
    year: integer('year').notNull(),
    lastSerial: integer('last_serial').notNull().default(0),
  },
  (t) => [uniqueIndex('certificate_counters_uq').on(t.scope, t.year)],
);

/**
 * Results recorded from before the platform, under earlier rules (1048, 148, 1489): the level that
 * evaluated them (commune pre-assessments and district screenings included; district 3★ under 148),
 * their legal basis, score and star.
 */
export const historicalResults = pgTable(
  'historical_results',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    round: text('round'),
    level: text('level', { enum: ['commune', 'district', 'province', 'central'] }).notNull(),
    kind: text('kind', { enum: ['first', 'upgrade', 'rerating'] }).notNull(),
    score: doublePrecision('score'),
    star: integer('star'),
    decisionNo: text('decision_no'),
    decisionDate: date('decision_date'),
    legalBasis: text('legal_basis').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('historical_results_uq').on(t.productId, t.year, t.round, t.level, t.kind).nullsNotDistinct(),
    index('historical_results_year_idx').on(t.year),
  ],
);
