import { boolean, date, doublePrecision, index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { dossiers } from './evaluation.js';
import { provinces } from './reference.js';
import { users } from './users.js';

/**
 * Councils (hội đồng) and advisory teams (tổ tư vấn) per level and period, set up by the provincial
 * Chair or the Minister with their operating rules (Art. 7.3–7.4, Decision 26/2026/QĐ-TTg).
 */
export const councils = pgTable('councils', {
  id: uuid('id').primaryKey().defaultRandom(),
  level: text('level', { enum: ['province', 'ministry'] }).notNull(),
  provinceCode: text('province_code').references(() => provinces.code),
  kind: text('kind', { enum: ['council', 'advisory_team'] })
    .notNull()
    .default('council'),
  name: text('name').notNull(),
  year: integer('year').notNull(),
  /** The decision establishing it (Art. 7.3b, 7.4b): number, date, who signed. */
  establishedByNumber: text('established_by_number').notNull().default(''),
  establishedOn: date('established_on'),
  establishedBySigner: text('established_by_signer').notNull().default(''),
  establishedBySignerTitle: text('established_by_signer_title').notNull().default(''),
  /** Its operating rules (Quy chế hoạt động), an uploaded file. */
  rulesStorageKey: text('rules_storage_key'),
  rulesFilename: text('rules_filename'),
  rulesMimeType: text('rules_mime_type'),
  rulesSha256: text('rules_sha256'),
  /** Operating rules; null → the province's scoring settings. */
  spreadThreshold: doublePrecision('spread_threshold'),
  quorumRatio: doublePrecision('quorum_ratio'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const councilMembers = pgTable(
  'council_members',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    councilId: uuid('council_id')
      .notNull()
      .references(() => councils.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    fullName: text('full_name').notNull(),
    organisation: text('organisation').notNull(),
    position: text('position', { enum: ['chair', 'vice_chair', 'member', 'secretary'] }).notNull(),
    /** Scores and counts in the quorum: everyone but a secretary not also appointed a member (ủy viên thư ký). */
    voting: boolean('voting').notNull().default(true),
  },
  (t) => [
    index('council_members_council_idx').on(t.councilId),
    index('council_members_user_idx').on(t.userId),
    unique('council_members_user_uq').on(t.councilId, t.userId),
  ],
);

/** A sitting of a council (a meeting, or written opinions for re-rating) over some dossiers. */
export const councilSessions = pgTable('council_sessions', {
  id: uuid('id').primaryKey().defaultRandom(),
  councilId: uuid('council_id')
    .notNull()
    .references(() => councils.id),
  title: text('title').notNull(),
  heldOn: date('held_on').notNull(),
  mode: text('mode', { enum: ['meeting', 'written'] })
    .notNull()
    .default('meeting'),
  /** Written opinions (Art. 7.6): members answer remotely by this date. */
  writtenDeadline: date('written_deadline'),
  /** Members present (meeting), for the quorum. */
  attendance: jsonb('attendance').$type<string[]>().notNull().default([]),
  status: text('status', { enum: ['open', 'closed'] })
    .notNull()
    .default('open'),
  closedOn: date('closed_on'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const sessionDossiers = pgTable(
  'session_dossiers',
  {
    sessionId: uuid('session_id')
      .notNull()
      .references(() => councilSessions.id, { onDelete: 'cascade' }),
    dossierId: uuid('dossier_id')
      .notNull()
      .references(() => dossiers.id),
    /** Incremented when the chair asks for re-scoring (spread above the threshold). */
    scoringRound: integer('scoring_round').notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.dossierId] })],
);

/** A re-scoring round asked by the chair: why, and the spread that prompted it (for the minutes). */
export const sessionRescorings = pgTable(
  'session_rescorings',
  {
    sessionId: uuid('session_id')
      .notNull()
      .references(() => councilSessions.id, { onDelete: 'cascade' }),
    dossierId: uuid('dossier_id')
      .notNull()
      .references(() => dossiers.id),
    /** The round this request opened. */
    scoringRound: integer('scoring_round').notNull(),
    reason: text('reason').notNull(),
    spread: doublePrecision('spread'),
    requestedBy: uuid('requested_by').references(() => users.id, { onDelete: 'set null' }),
    requestedLabel: text('requested_label').notNull(),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.dossierId, t.scoringRound] })],
);

/** Each member declares any conflict of interest before seeing a dossier's scores. */
export const conflictDeclarations = pgTable(
  'conflict_declarations',
  {
    sessionId: uuid('session_id')
      .notNull()
      .references(() => councilSessions.id, { onDelete: 'cascade' }),
    dossierId: uuid('dossier_id')
      .notNull()
      .references(() => dossiers.id),
    memberId: uuid('member_id')
      .notNull()
      .references(() => councilMembers.id),
    hasConflict: boolean('has_conflict').notNull(),
    note: text('note'),
    declaredAt: timestamp('declared_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.dossierId, t.memberId] })],
);

/** A member's independent score sheet for a dossier, per scoring round; locked once submitted. */
export const scoreSheets = pgTable(
  'score_sheets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => councilSessions.id, { onDelete: 'cascade' }),
    dossierId: uuid('dossier_id')
      .notNull()
      .references(() => dossiers.id),
    memberId: uuid('member_id')
      .notNull()
      .references(() => councilMembers.id),
    scoringRound: integer('scoring_round').notNull().default(1),
    choices: jsonb('choices').$type<Record<string, number>>().notNull().default({}),
    caseKey: text('case_key'),
    disqualifiedReason: text('disqualified_reason'),
    status: text('status', { enum: ['draft', 'submitted'] })
      .notNull()
      .default('draft'),
    /** Entered by the secretary from a paper sheet, whose scan is kept with it. */
    paper: boolean('paper').notNull().default(false),
    paperScanKey: text('paper_scan_key'),
    paperScanFilename: text('paper_scan_filename'),
    paperScanMimeType: text('paper_scan_mime_type'),
    paperScanSha256: text('paper_scan_sha256'),
    enteredBy: uuid('entered_by').references(() => users.id, { onDelete: 'set null' }),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    total: doublePrecision('total'),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('score_sheets_uq').on(t.sessionId, t.dossierId, t.memberId, t.scoringRound)],
);
