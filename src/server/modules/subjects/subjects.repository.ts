import { and, count, eq, getTableColumns, ilike, isNull, ne, sql, type SQL } from 'drizzle-orm';
import type { RegistryScope } from '../../../domain/policies/index.js';
import { foldVietnamese } from '../../../domain/text/vietnamese.js';
import type { DbOrTx } from '../../db/client.js';
import { insertMany } from '../../db/insert-many.js';
import { communes, products, provinces, subjects, users } from '../../db/schema/index.js';
import { likeEscape, subjectScopeWhere } from '../../db/sql-scope.js';
import { searchInStages, searchPlans } from '../../db/text-search.js';

export type SubjectRow = typeof subjects.$inferSelect & { communeName: string | null; productCount: number };
export type SubjectValues = Omit<typeof subjects.$inferInsert, 'id' | 'createdAt'>;

const productCount = sql<number>`(select count(*) from ${products} where ${products.subjectId} = ${subjects.id})`.mapWith(Number);

/** What the subjects list is narrowed by, besides the caller's scope; `q` searches names, tax codes and the province's codes. */
export type SubjectFilters = {
  q?: string | undefined;
  legalForm?: string | undefined;
  communeCode?: string | undefined;
  status?: string | undefined;
  /** Only producers whose commune is unknown. */
  communeUnknown?: boolean | undefined;
};

/** Search over the folded name (see db/text-search), plus the tax code's start and the province's own code. */
const subjectSearchPlans = (folded: string, raw: string) =>
  searchPlans(subjects.nameSearch, { folded, exact: [ilike(subjects.taxCode, `${likeEscape(raw)}%`), eq(subjects.externalCode, raw)] });

async function listWhere(db: DbOrTx, where: SQL | undefined, rank: SQL[], page: { limit: number; offset: number }) {
  const [items, totals] = await Promise.all([
    db
      .select({ ...getTableColumns(subjects), communeName: communes.name, productCount })
      .from(subjects)
      .leftJoin(communes, eq(communes.code, subjects.communeCode))
      .where(where)
      .orderBy(...rank, subjects.sortKey, subjects.id)
      .limit(page.limit)
      .offset(page.offset),
    db.select({ n: count() }).from(subjects).where(where),
  ]);
  return { items: items as SubjectRow[], total: totals[0]?.n ?? 0 };
}

export const subjectsRepository = {
  /** One page of the subjects in the scope matching the filters, in the list's order (search rank first, then name). */
  list(db: DbOrTx, scope: RegistryScope, f: SubjectFilters, page: { limit: number; offset: number }) {
    const filters = and(
      subjectScopeWhere(scope),
      f.legalForm ? eq(subjects.legalForm, f.legalForm) : undefined,
      f.communeCode ? eq(subjects.communeCode, f.communeCode) : undefined,
      f.status ? eq(subjects.status, f.status) : undefined,
      f.communeUnknown ? isNull(subjects.communeCode) : undefined,
    );
    const folded = f.q ? foldVietnamese(f.q) : '';
    return folded
      ? searchInStages(subjectSearchPlans(folded, f.q!.trim()), (plan) => listWhere(db, and(filters, plan.where), plan.orderBy, page))
      : listWhere(db, filters, [], page);
  },

  async get(db: DbOrTx, id: string): Promise<SubjectRow | undefined> {
    const rows = await db
      .select({ ...getTableColumns(subjects), communeName: communes.name, productCount })
      .from(subjects)
      .leftJoin(communes, eq(communes.code, subjects.communeCode))
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
  insertMany: (db: DbOrTx, values: readonly SubjectValues[]) => insertMany(db, subjects, values),
  update: async (db: DbOrTx, id: string, values: Partial<SubjectValues>) =>
    (
      await db
        .update(subjects)
        .set({ ...values, updatedAt: new Date() })
        .where(eq(subjects.id, id))
        .returning()
    )[0]!,
  delete: (db: DbOrTx, id: string) => db.delete(subjects).where(eq(subjects.id, id)),

  /** Whether user accounts are linked to the subject (its producers' accounts). */
  hasAccounts: async (db: DbOrTx, id: string) => (await db.select({ id: users.id }).from(users).where(eq(users.subjectId, id)).limit(1)).length > 0,

  /**
   * Subjects whose tax code has these digits (domain/subjects/tax-code.ts: codes compare on their
   * digits, so a code stored with spaces or another hyphen is still found), except one.
   */
  findByTaxCodeKey: async (db: DbOrTx, key: string, exceptId?: string) =>
    db
      .select({ id: subjects.id, provinceCode: subjects.provinceCode, communeCode: subjects.communeCode, name: subjects.name, communeName: communes.name })
      .from(subjects)
      .leftJoin(communes, eq(communes.code, subjects.communeCode))
      .where(and(sql`regexp_replace(${subjects.taxCode}, '[^0-9]', '', 'g') = ${key}`, exceptId ? ne(subjects.id, exceptId) : undefined))
      .orderBy(subjects.createdAt, subjects.id),

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
