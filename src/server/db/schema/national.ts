import { date, index, integer, pgTable, primaryKey, text, unique, uuid } from 'drizzle-orm/pg-core';

/**
 * The national view's figures, kept current by the database (migration 0021) in the transaction of
 * every write that changes them, so the ministry's page reads a few hundred small rows instead of
 * recomputing the evaluation tables of 34 provinces on each request.
 *
 * Two layers, both derived only:
 * - per record (`national_product_years`, `national_certificates`, `national_holders`): what each
 *   product, certificate or producer contributes, so that a change can take its old contribution out;
 * - counts (`national_*_counts`): sums per province and key, what the page reads. "In force today"
 *   depends on the day, so certificates and producers are counted by the days their standing changes
 *   (expiry, revocation, replacement, the end of an extension), and the day's figure is a small sum.
 *
 * Statement triggers on historical_results, decision_items, decisions, dossiers, certificates,
 * products and subjects call `national_refresh(product ids)`; the dossier counts follow the dossiers'
 * transition tables. `national_rebuild()` writes everything again from the tables (after a restore,
 * or a bulk load with triggers off). Nothing here is written by the application.
 */

/**
 * Each product's last counting result of each year (the rule of the annual figures: a level able to
 * recognise under the result's basis, a central result only for the 5★ it gave), by its producer's
 * province.
 */
export const nationalProductYears = pgTable(
  'national_product_years',
  {
    productId: uuid('product_id').notNull(),
    year: integer('year').notNull(),
    subjectId: uuid('subject_id').notNull(),
    provinceCode: text('province_code').notNull(),
    kind: text('kind').notNull(),
    /** 0: no star recorded. */
    star: integer('star').notNull(),
    /** 0: no criteria set recorded. */
    setNumber: integer('set_number').notNull(),
  },
  (t) => [primaryKey({ columns: [t.productId, t.year] })],
);

/** Products evaluated (each once a year, with its last counting result) per province, year, kind, star and criteria set. */
export const nationalResultCounts = pgTable(
  'national_result_counts',
  {
    provinceCode: text('province_code').notNull(),
    year: integer('year').notNull(),
    kind: text('kind').notNull(),
    star: integer('star').notNull(),
    setNumber: integer('set_number').notNull(),
    products: integer('products').notNull(),
  },
  // The key leads with the province (a write's refresh touches its province); reads take a year.
  (t) => [primaryKey({ columns: [t.provinceCode, t.year, t.kind, t.star, t.setNumber] }), index('national_result_counts_year_idx').on(t.year, t.provinceCode)],
);

/**
 * Each certificate with the days its standing turns on: expiry, revocation, replacement, and the end
 * of the extension a late re-rating gives (Art. 12.3: expiry + 180 days while it is pending), and the
 * last day it is in force.
 */
export const nationalCertificates = pgTable(
  'national_certificates',
  {
    certificateId: uuid('certificate_id').primaryKey(),
    productId: uuid('product_id').notNull(),
    subjectId: uuid('subject_id').notNull(),
    provinceCode: text('province_code').notNull(),
    star: integer('star').notNull(),
    expiresOn: date('expires_on').notNull(),
    revokedOn: date('revoked_on'),
    supersededOn: date('superseded_on'),
    extendedUntil: date('extended_until'),
    inForceUntil: date('in_force_until').notNull(),
  },
  (t) => [index('national_certificates_product_idx').on(t.productId), index('national_certificates_subject_idx').on(t.subjectId)],
);

/** Certificates per province, star and the days their standing turns on: "in force on a day" is a sum over these rows. */
export const nationalCertificateCounts = pgTable(
  'national_certificate_counts',
  {
    provinceCode: text('province_code').notNull(),
    star: integer('star').notNull(),
    expiresOn: date('expires_on').notNull(),
    revokedOn: date('revoked_on'),
    supersededOn: date('superseded_on'),
    extendedUntil: date('extended_until'),
    certificates: integer('certificates').notNull(),
  },
  (t) => [unique('national_certificate_counts_uq').on(t.provinceCode, t.star, t.expiresOn, t.revokedOn, t.supersededOn, t.extendedUntil).nullsNotDistinct()],
);

/** Each producer that holds or held a certificate: the last day one of its certificates is in force. */
export const nationalHolders = pgTable('national_holders', {
  subjectId: uuid('subject_id').primaryKey(),
  provinceCode: text('province_code').notNull(),
  inForceUntil: date('in_force_until').notNull(),
});

/** Producers per province and the last day they hold a certificate in force: those holding one on a day are a sum. */
export const nationalHolderCounts = pgTable(
  'national_holder_counts',
  {
    provinceCode: text('province_code').notNull(),
    inForceUntil: date('in_force_until').notNull(),
    producers: integer('producers').notNull(),
  },
  (t) => [primaryKey({ columns: [t.provinceCode, t.inForceUntil] })],
);

/** Dossiers per province, round (none before the commune proposes them) and state. */
export const nationalDossierCounts = pgTable(
  'national_dossier_counts',
  {
    provinceCode: text('province_code').notNull(),
    roundId: uuid('round_id'),
    state: text('state').notNull(),
    dossiers: integer('dossiers').notNull(),
  },
  (t) => [unique('national_dossier_counts_uq').on(t.provinceCode, t.roundId, t.state).nullsNotDistinct()],
);
