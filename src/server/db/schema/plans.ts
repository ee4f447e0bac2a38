import { sql } from 'drizzle-orm';
import { bigint, doublePrecision, index, integer, jsonb, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { communes, provinces } from './reference.js';
import { users } from './users.js';

/** A province's annual OCOP plan (kế hoạch năm): targets per indicator, budget lines and the plan's own text (part II). */
export const annualPlans = pgTable(
  'annual_plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    provinceCode: text('province_code')
      .notNull()
      .references(() => provinces.code),
    year: integer('year').notNull(),
    title: text('title').notNull(),
    /** Free text of the plan: objectives, tasks and solutions, organisation (Markdown-like plain text). */
    narrative: text('narrative').notNull().default(''),
    /** Incremented on every change; a stale save gets 409. */
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('annual_plans_year_uq').on(t.provinceCode, t.year)],
);

/** A target for one indicator of the catalogue (src/domain/indicators), for the province or one commune. */
export const planTargets = pgTable(
  'plan_targets',
  {
    planId: uuid('plan_id')
      .notNull()
      .references(() => annualPlans.id, { onDelete: 'cascade' }),
    indicatorCode: text('indicator_code').notNull(),
    /** Null: the target for the whole province. */
    communeCode: text('commune_code').references(() => communes.code),
    target: doublePrecision('target').notNull(),
    note: text('note'),
  },
  (t) => [unique('plan_targets_uq').on(t.planId, t.indicatorCode, t.communeCode).nullsNotDistinct()],
);

/** One line of the plan's budget (kinh phí thực hiện): item, source of funds, amount in VND. */
export const planBudgetLines = pgTable(
  'plan_budget_lines',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => annualPlans.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    item: text('item').notNull(),
    /** central | province | district | commune | socialised | other */
    source: text('source').notNull(),
    amountVnd: bigint('amount_vnd', { mode: 'number' }).notNull(),
    note: text('note'),
  },
  (t) => [index('plan_budget_lines_plan_idx').on(t.planId, t.position)],
);

/**
 * An import of the province's existing records from a workbook: validated first (the preview and every
 * row's problems are kept here), then committed in batches, each one transaction that also advances
 * `committed_records`; so an interrupted commit, run again, writes only what is left. Progress is
 * counted in rows.
 */
export const importJobs = pgTable(
  'import_jobs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    provinceCode: text('province_code')
      .notNull()
      .references(() => provinces.code),
    fileNames: jsonb('file_names').$type<string[]>().notNull(),
    /** SHA-256 of the uploaded files, in order: tells a re-upload of the same files. */
    fileDigest: text('file_digest').notNull(),
    /**
     * validating → validated | invalid | failed; validated → committing → committed | failed. A commit
     * that failed or was interrupted (failed, or committing with no one working on it) may be run again.
     */
    status: text('status').notNull(),
    rowsTotal: integer('rows_total').notNull().default(0),
    rowsDone: integer('rows_done').notNull().default(0),
    /** The normalised rows, ready to commit (only when valid). */
    rows: jsonb('rows'),
    preview: jsonb('preview'),
    /** How many of `rows` (producers, then products, then results) the committed batches wrote. */
    committedRecords: integer('committed_records').notNull().default(0),
    /** What the committed batches did, added up (the job's preview once all are in). */
    commitTally: jsonb('commit_tally'),
    problems: jsonb('problems').$type<unknown[]>().notNull().default([]),
    /**
     * Which uploaded files (their order in the upload) were kept to be given back with their problems
     * marked: workbooks of a check that found problems. A CSV file, or a file named .xlsx that is no
     * workbook, has none to give.
     */
    markedFiles: jsonb('marked_files').$type<number[]>().notNull().default([]),
    failure: text('failure'),
    /**
     * While validating or committing: the process working on the job renews this every few seconds,
     * so other processes (PostgreSQL, several processes) know it is alive; a job whose lease ran out
     * was interrupted and may be committed again.
     */
    leaseUntil: timestamp('lease_until', { withTimezone: true }),
    /**
     * Set while the job waits for a worker (web processes with BACKGROUND_WORK=off): its check, from
     * the files in storage, or its commit. A worker takes the job by clearing it and taking the lease.
     */
    queuedAt: timestamp('queued_at', { withTimezone: true }),
    /** The sheet chosen for a CSV file at upload (null: told from its headers), for a worker's check. */
    sheet: text('sheet'),
    /** Who asked for the commit (the audit log's actor), for a worker to record the writes under. */
    commitActor: jsonb('commit_actor'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    committedAt: timestamp('committed_at', { withTimezone: true }),
  },
  (t) => [
    index('import_jobs_province_idx').on(t.provinceCode, t.createdAt),
    index('import_jobs_queue_idx')
      .on(t.queuedAt)
      .where(sql`${t.queuedAt} is not null`),
  ],
);
