import { and, count, eq, getTableColumns, ilike, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { communes, products, provinces, subjects } from '../../db/schema/index.js';
import { likeEscape } from '../../lib/sql-scope.js';
import { searchPlans } from '../../lib/text-search.js';

export type SubjectRow = typeof subjects.$inferSelect & { communeName: string; productCount: number };
export type SubjectValues = Omit<typeof subjects.$inferInsert, 'id' | 'createdAt'>;

const productCount = sql<number>`(select count(*) from ${products} where ${products.subjectId} = ${subjects.id})`.mapWith(Number);

/** Search over the folded name (see lib/text-search), plus the tax code's start and the province's own code. */
export const subjectSearchPlans = (folded: string, raw: string) =>
  searchPlans(subjects.nameSearch, { folded, exact: [ilike(subjects.taxCode, `${likeEscape(raw)}%`), eq(subjects.externalCode, raw)] });

export const subjectsRepository = {
  async list(db: DbOrTx, where: SQL | undefined, rank: SQL[], page: { limit: number; offset: number }) {
    const [items, totals] = await Promise.all([
      db
        .select({ ...getTableColumns(subjects), communeName: communes.name, productCount })
        .from(subjects)
        .innerJoin(communes, eq(communes.code, subjects.communeCode))
        .where(where)
        .orderBy(...rank, subjects.sortKey, subjects.id)
        .limit(page.limit)
        .offset(page.offset),
      db.select({ n: count() }).from(subjects).where(where),
    ]);
    return { items: items as SubjectRow[], total: totals[0]?.n ?? 0 };
  },

  async get(db: DbOrTx, id: string): Promise<SubjectRow | undefined> {
    const rows = await db
      .select({ ...getTableColumns(subjects), communeName: communes.name, productCount })
      .from(subjects)
      .innerJoin(communes, eq(communes.code, subjects.communeCode))
      .where(eq(subjects.id, id))
      .limit(1);
    return rows[0] as SubjectRow | undefined;
  },

  /** One subject with the full names of its commune and province ("Phường Sa Đéc", "Tỉnh Đồng Tháp"), as documents print them. */
  async withPlaceNames(db: DbOrTx, id: string) {
    const rows = await db
      .select({ ...getTableColumns(subjects), communeFullName: communes.fullName, provinceName: provinces.fullName })
      .from(subjects)
      .innerJoin(communes, eq(communes.code, subjects.communeCode))
      .innerJoin(provinces, eq(provinces.code, subjects.provinceCode))
      .where(eq(subjects.id, id))
      .limit(1);
    return rows[0];
  },

  insert: async (db: DbOrTx, values: SubjectValues) => (await db.insert(subjects).values(values).returning())[0]!,
  update: async (db: DbOrTx, id: string, values: Partial<SubjectValues>) =>
    (
      await db
        .update(subjects)
        .set({ ...values, updatedAt: new Date() })
        .where(eq(subjects.id, id))
        .returning()
    )[0]!,
  delete: (db: DbOrTx, id: string) => db.delete(subjects).where(eq(subjects.id, id)),

  findCommune: async (db: DbOrTx, code: string) => (await db.select().from(communes).where(eq(communes.code, code)).limit(1))[0],
  findByExternalCode: async (db: DbOrTx, provinceCode: string, externalCode: string) =>
    (
      await db
        .select()
        .from(subjects)
        .where(and(eq(subjects.provinceCode, provinceCode), eq(subjects.externalCode, externalCode)))
        .limit(1)
    )[0],
};
