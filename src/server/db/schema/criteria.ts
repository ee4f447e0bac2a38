import { date, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * A criteria version (one legal instrument: 26/2026/QĐ-TTg, legacy 1048/QĐ-TTg, …) as validated
 * JSON in the file shape of `data/criteria`. Immutable once an evaluation uses it, so old scores
 * keep meaning what they meant.
 */
export const criteriaVersions = pgTable('criteria_versions', {
  legalBasis: text('legal_basis').primaryKey(),
  slug: text('slug').notNull().unique(),
  title: text('title').notNull(),
  effectiveFrom: date('effective_from').notNull(),
  data: jsonb('data').notNull(),
  source: text('source', { enum: ['builtin', 'import'] }).notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
