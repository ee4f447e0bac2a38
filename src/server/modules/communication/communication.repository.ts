import { and, count, desc, eq, gte, lte, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { communicationItems } from '../../db/schema/index.js';
import { likeEscape } from '../../db/sql-scope.js';

export type CommunicationRow = typeof communicationItems.$inferSelect;
export type CommunicationValues = Omit<typeof communicationItems.$inferInsert, 'id' | 'createdAt' | 'updatedAt'>;
export type CommunicationFilters = { q?: string | undefined; year?: number | undefined; kind?: string | undefined };

/** Communication items: broadcasts, articles, portal sections, handbooks, guides, panels, posts. */
export const communicationRepository = {
  /** One page of the province's items matching the filters, the latest published first. */
  async list(db: DbOrTx, provinceCode: string, f: CommunicationFilters, page: { limit: number; offset: number }) {
    const where = and(
      eq(communicationItems.provinceCode, provinceCode),
      f.year ? and(gte(communicationItems.publishedOn, `${f.year}-01-01`), lte(communicationItems.publishedOn, `${f.year}-12-31`)) : undefined,
      f.kind ? eq(communicationItems.kind, f.kind) : undefined,
      // Titles have no stored folded form: accents and case are ignored on both sides in SQL.
      f.q
        ? or(
            sql`ocop_unaccent(lower(${communicationItems.title})) like ocop_unaccent(lower(${`%${likeEscape(f.q.trim())}%`}))`,
            sql`ocop_unaccent(lower(coalesce(${communicationItems.channel}, ''))) like ocop_unaccent(lower(${`%${likeEscape(f.q.trim())}%`}))`,
            eq(communicationItems.externalCode, f.q.trim()),
          )
        : undefined,
    );
    const [items, totals] = await Promise.all([
      db
        .select()
        .from(communicationItems)
        .where(where)
        .orderBy(desc(communicationItems.publishedOn), desc(communicationItems.createdAt), communicationItems.id)
        .limit(page.limit)
        .offset(page.offset),
      db.select({ n: count() }).from(communicationItems).where(where),
    ]);
    return { items, total: totals[0]?.n ?? 0 };
  },
  get: async (db: DbOrTx, id: string): Promise<CommunicationRow | undefined> =>
    (await db.select().from(communicationItems).where(eq(communicationItems.id, id)).limit(1))[0],
  findByExternalCode: async (db: DbOrTx, provinceCode: string, externalCode: string) =>
    (
      await db
        .select({ id: communicationItems.id })
        .from(communicationItems)
        .where(and(eq(communicationItems.provinceCode, provinceCode), eq(communicationItems.externalCode, externalCode)))
        .limit(1)
    )[0],
  insert: async (db: DbOrTx, values: CommunicationValues) => (await db.insert(communicationItems).values(values).returning())[0]!,
  update: async (db: DbOrTx, id: string, values: CommunicationValues) =>
    (
      await db
        .update(communicationItems)
        .set({ ...values, updatedAt: new Date() })
        .where(eq(communicationItems.id, id))
        .returning()
    )[0]!,
  delete: (db: DbOrTx, id: string) => db.delete(communicationItems).where(eq(communicationItems.id, id)),
};
