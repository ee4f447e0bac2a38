import { boolean, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { communes, provinces } from './reference.js';
import { subjects } from './registry.js';

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull().unique(),
    fullName: text('full_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    role: text('role', { enum: ['admin', 'officer', 'council', 'producer'] }).notNull(),
    /** Null for a ministry-level admin, whose scope is the whole country. */
    provinceCode: text('province_code').references(() => provinces.code),
    /** The subject a producer account acts for. */
    subjectId: uuid('subject_id').references(() => subjects.id),
    active: boolean('active').notNull().default(true),
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('users_subject_idx').on(t.subjectId)],
);

/** Communes an officer is responsible for. */
export const userCommunes = pgTable(
  'user_communes',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    communeCode: text('commune_code')
      .notNull()
      .references(() => communes.code),
  },
  (t) => [primaryKey({ columns: [t.userId, t.communeCode] })],
);

/**
 * Server-side sessions, so any number of application processes can serve the same users.
 * `id` is the SHA-256 of the cookie token: a database leak does not leak usable cookies.
 */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_idx').on(t.userId), index('sessions_expires_idx').on(t.expiresAt)],
);

/** Failed-login counters per account e-mail, shared by all processes (lockout survives restarts). */
/**
 * Failed sign-ins per account and client address together (ASVS 2.2.1): a stranger guessing from
 * elsewhere slows down only their own address, never the owner signing in from one that has not failed.
 */
export const loginAttempts = pgTable(
  'login_attempts',
  {
    email: text('email').notNull(),
    address: text('address').notNull(),
    failures: integer('failures').notNull().default(0),
    firstFailureAt: timestamp('first_failure_at', { withTimezone: true }).notNull(),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.email, t.address] })],
);

/**
 * The request counters of the rate limits (@fastify/rate-limit) on PostgreSQL, shared by every
 * application process: one row per route and client key, counting the hits of the window that began
 * at `window_start` (the first hit after the previous window ended). Expired rows are deleted by the
 * background work (src/server/background.ts). PGlite (one process) keeps the counters in memory.
 */
export const rateLimitCounters = pgTable(
  'rate_limit_counters',
  {
    key: text('key').primaryKey(),
    windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    hits: integer('hits').notNull(),
  },
  (t) => [index('rate_limit_counters_expires_idx').on(t.expiresAt)],
);

/**
 * Links to set a new password, sent by e-mail. `id` is the SHA-256 of the token in the link, so the
 * table never holds a usable link; each is spent once (`used_at`) and dies after a short while.
 */
export const passwordResetTokens = pgTable(
  'password_reset_tokens',
  {
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    /** The address the link was asked from, for the office reading a complaint. */
    ip: text('ip'),
  },
  (t) => [index('password_reset_tokens_user_idx').on(t.userId, t.createdAt)],
);
