import { jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** A province's programme settings (scoring policy, council rules); a row appears when first changed. */
export const programmeSettings = pgTable('programme_settings', {
  provinceCode: text('province_code').primaryKey(),
  scoring: jsonb('scoring').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
