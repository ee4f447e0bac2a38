import { and, asc, eq, gte, isNull, lte, or } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { calendarDays } from '../../db/schema/index.js';

export type CalendarDayRow = typeof calendarDays.$inferSelect;

/** A province's days: the country's and its own. */
const ofProvince = (provinceCode: string | null) =>
  provinceCode ? or(isNull(calendarDays.provinceCode), eq(calendarDays.provinceCode, provinceCode)) : isNull(calendarDays.provinceCode);

export const calendarRepository = {
  forProvince: (db: DbOrTx, provinceCode: string | null) => db.select().from(calendarDays).where(ofProvince(provinceCode)).orderBy(asc(calendarDays.date)),
  inYear: (db: DbOrTx, provinceCode: string | null, year: number) =>
    db
      .select()
      .from(calendarDays)
      .where(and(ofProvince(provinceCode), gte(calendarDays.date, `${year}-01-01`), lte(calendarDays.date, `${year}-12-31`)))
      .orderBy(asc(calendarDays.date)),
  get: async (db: DbOrTx, id: string) => (await db.select().from(calendarDays).where(eq(calendarDays.id, id)).limit(1))[0],
  insert: async (db: DbOrTx, values: typeof calendarDays.$inferInsert) => (await db.insert(calendarDays).values(values).onConflictDoNothing().returning())[0],
  delete: (db: DbOrTx, id: string) => db.delete(calendarDays).where(eq(calendarDays.id, id)),
};
