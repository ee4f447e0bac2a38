import { and, asc, count, eq, getTableColumns, inArray, isNull, sql } from 'drizzle-orm';
import type { RoundLevel } from '../../../domain/evaluation/rounds.js';
import type { DbOrTx } from '../../db/client.js';
import { dossiers, evaluationRounds } from '../../db/schema/index.js';

export type RoundRow = typeof evaluationRounds.$inferSelect;
export type RoundValues = typeof evaluationRounds.$inferInsert;
export type RoundWithCount = RoundRow & { dossierCount: number };

/** The rounds of a list: any year and level; `visibleProvince` keeps that province's rounds and the ministry's (null: all). */
export type RoundFilters = { year?: number | undefined; level?: RoundLevel | undefined; visibleProvince: string | null };

const dossierCount =
  sql<number>`(select count(*) from ${dossiers} where ${dossiers.roundId} = ${evaluationRounds.id} or ${dossiers.ministryRoundId} = ${evaluationRounds.id})`.mapWith(
    Number,
  );
/** A level's rounds of one province, or the national ones (no province). */
const ofOwner = (level: RoundLevel, provinceCode: string | null | undefined) =>
  and(eq(evaluationRounds.level, level), provinceCode ? eq(evaluationRounds.provinceCode, provinceCode) : isNull(evaluationRounds.provinceCode));

export const roundsRepository = {
  /** The list's rows by proposal deadline (the id breaks ties, so pages are stable); all of them unless a page is given. */
  list(db: DbOrTx, f: RoundFilters, page?: { limit: number; offset: number }): Promise<RoundWithCount[]> {
    const query = db
      .select({ ...getTableColumns(evaluationRounds), dossierCount })
      .from(evaluationRounds)
      .where(
        and(
          f.year ? eq(evaluationRounds.year, f.year) : undefined,
          f.level ? eq(evaluationRounds.level, f.level) : undefined,
          f.visibleProvince ? sql`(${evaluationRounds.provinceCode} = ${f.visibleProvince} or ${evaluationRounds.provinceCode} is null)` : undefined,
        ),
      )
      .orderBy(asc(evaluationRounds.proposalDeadline), asc(evaluationRounds.id));
    return page ? query.limit(page.limit).offset(page.offset) : query;
  },

  /** One owner's rounds of a year at a level, by number. */
  ofYear: (db: DbOrTx, level: RoundLevel, provinceCode: string | null, year: number): Promise<RoundWithCount[]> =>
    db
      .select({ ...getTableColumns(evaluationRounds), dossierCount })
      .from(evaluationRounds)
      .where(and(ofOwner(level, provinceCode), eq(evaluationRounds.year, year)))
      .orderBy(asc(evaluationRounds.number)),

  /** One owner's rounds of some years at a level. */
  ofYears: (db: DbOrTx, level: RoundLevel, provinceCode: string | null, years: number[]) =>
    db
      .select()
      .from(evaluationRounds)
      .where(and(ofOwner(level, provinceCode), inArray(evaluationRounds.year, years))),

  /** Whether the owner already has that round of that year. */
  exists: async (db: DbOrTx, values: Pick<RoundValues, 'level' | 'provinceCode' | 'year' | 'number'>) =>
    ((
      await db
        .select({ n: count() })
        .from(evaluationRounds)
        .where(and(ofOwner(values.level, values.provinceCode), eq(evaluationRounds.year, values.year), eq(evaluationRounds.number, values.number)))
    )[0]?.n ?? 0) > 0,

  get: async (db: DbOrTx, id: string) => (await db.select().from(evaluationRounds).where(eq(evaluationRounds.id, id)).limit(1))[0],
  insert: async (db: DbOrTx, values: RoundValues) => (await db.insert(evaluationRounds).values(values).returning())[0]!,
  /** Inserts unless the round exists (the unique key holds); undefined when it did. */
  insertIfAbsent: async (db: DbOrTx, values: RoundValues) => (await db.insert(evaluationRounds).values(values).onConflictDoNothing().returning())[0],
  update: async (db: DbOrTx, id: string, values: Partial<Pick<RoundValues, 'name' | 'proposalDeadline' | 'resultDeadline'>>) =>
    (
      await db
        .update(evaluationRounds)
        .set({ ...values, updatedAt: new Date() })
        .where(eq(evaluationRounds.id, id))
        .returning()
    )[0]!,
};
