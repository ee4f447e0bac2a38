import { and, asc, count, eq, getTableColumns, ilike, ne, sql, type SQL } from 'drizzle-orm';
import type { RegistryScope } from '../../../domain/policies/index.js';
import { foldVietnamese } from '../../../domain/text/vietnamese.js';
import type { DbOrTx } from '../../db/client.js';
import { communes, distributionListings, ecommerceListings, products, salesPointProducts, salesPoints, subjects } from '../../db/schema/index.js';
import { likeEscape, subjectScopeWhere } from '../../db/sql-scope.js';
import { searchInStages, searchPlans, type SearchPlan } from '../../db/text-search.js';
import { chainKey } from '../../../domain/market/index.js';

/** What a listing shows of its product and producer, and where the producer is (for access). */
const productColumns = {
  productName: products.name,
  productCode: products.ocopCode,
  subjectId: subjects.id,
  subjectName: subjects.name,
  provinceCode: subjects.provinceCode,
  communeCode: subjects.communeCode,
};
type ProductColumns = {
  productName: string;
  productCode: string | null;
  subjectId: string;
  subjectName: string;
  provinceCode: string;
  communeCode: string | null;
};

export type EcommerceRow = typeof ecommerceListings.$inferSelect & ProductColumns;
export type EcommerceValues = Omit<typeof ecommerceListings.$inferInsert, 'id' | 'createdAt' | 'updatedAt'>;
export type DistributionRow = typeof distributionListings.$inferSelect & ProductColumns;
export type DistributionValues = Omit<typeof distributionListings.$inferInsert, 'id' | 'createdAt' | 'updatedAt'>;
export type ProductRef = { id: string; name: string; subjectId: string; provinceCode: string; communeCode: string | null };
type Page = { limit: number; offset: number };

export type EcommerceFilters = {
  q?: string | undefined;
  platform?: string | undefined;
  status?: string | undefined;
  productId?: string | undefined;
  communeCode?: string | undefined;
};
export type DistributionFilters = { q?: string | undefined; channel?: string | undefined; productId?: string | undefined; communeCode?: string | undefined };

const ecommerceQuery = (db: DbOrTx) =>
  db
    .select({ ...getTableColumns(ecommerceListings), ...productColumns })
    .from(ecommerceListings)
    .innerJoin(products, eq(products.id, ecommerceListings.productId))
    .innerJoin(subjects, eq(subjects.id, products.subjectId));
const distributionQuery = (db: DbOrTx) =>
  db
    .select({ ...getTableColumns(distributionListings), ...productColumns })
    .from(distributionListings)
    .innerJoin(products, eq(products.id, distributionListings.productId))
    .innerJoin(subjects, eq(subjects.id, products.subjectId));

/** Search over the folded product name (every word, then similarity), or a piece of another column. */
const searchOr = (q: string, other: SQL) => searchPlans(products.nameSearch, { folded: foldVietnamese(q), exact: [other] });

async function listed<T>(
  rows: (where: SQL | undefined, orderBy: SQL[]) => Promise<T[]>,
  total: (where: SQL | undefined) => Promise<number>,
  where: SQL | undefined,
  q: string | undefined,
  other: (q: string) => SQL,
) {
  const run = async (plan: SearchPlan | null) => {
    const w = plan ? and(where, plan.where) : where;
    const [items, n] = await Promise.all([rows(w, plan?.orderBy ?? []), total(w)]);
    return { items, total: n };
  };
  return q && foldVietnamese(q) ? searchInStages(searchOr(q, other(q)), run) : run(null);
}

/** Chain (distribution) and e-commerce listings of products, and what a product's "where to buy" gathers. */
export const listingsRepository = {
  productRef: async (db: DbOrTx, id: string): Promise<ProductRef | undefined> =>
    (
      await db
        .select({ id: products.id, name: products.name, subjectId: subjects.id, provinceCode: subjects.provinceCode, communeCode: subjects.communeCode })
        .from(products)
        .innerJoin(subjects, eq(subjects.id, products.subjectId))
        .where(eq(products.id, id))
        .limit(1)
    )[0],

  /** One page of the e-commerce listings of the products in the scope, by product name; `q` also finds a piece of the URL. */
  listEcommerce(db: DbOrTx, scope: RegistryScope, f: EcommerceFilters, page: Page) {
    const where = and(
      subjectScopeWhere(scope),
      f.platform ? eq(ecommerceListings.platform, f.platform) : undefined,
      f.status ? eq(ecommerceListings.status, f.status) : undefined,
      f.productId ? eq(ecommerceListings.productId, f.productId) : undefined,
      f.communeCode ? eq(subjects.communeCode, f.communeCode) : undefined,
    );
    return listed(
      (w, rank) =>
        ecommerceQuery(db)
          .where(w)
          .orderBy(...rank, products.sortKey, asc(ecommerceListings.platform), asc(ecommerceListings.url), asc(ecommerceListings.id))
          .limit(page.limit)
          .offset(page.offset) as Promise<EcommerceRow[]>,
      async (w) =>
        (
          await db
            .select({ n: count() })
            .from(ecommerceListings)
            .innerJoin(products, eq(products.id, ecommerceListings.productId))
            .innerJoin(subjects, eq(subjects.id, products.subjectId))
            .where(w)
        )[0]?.n ?? 0,
      where,
      f.q,
      (q) => ilike(ecommerceListings.url, `%${likeEscape(q.trim())}%`),
    );
  },
  getEcommerce: async (db: DbOrTx, id: string): Promise<EcommerceRow | undefined> => (await ecommerceQuery(db).where(eq(ecommerceListings.id, id)).limit(1))[0],
  /** The listing that already has this (normalised) URL, other than `exceptId`. */
  ecommerceByUrl: async (db: DbOrTx, url: string, exceptId: string | null): Promise<EcommerceRow | undefined> =>
    (
      await ecommerceQuery(db)
        .where(and(eq(ecommerceListings.url, url), exceptId ? ne(ecommerceListings.id, exceptId) : undefined))
        .limit(1)
    )[0],
  insertEcommerce: async (db: DbOrTx, values: EcommerceValues) => (await db.insert(ecommerceListings).values(values).returning())[0]!,
  updateEcommerce: async (db: DbOrTx, id: string, values: Partial<EcommerceValues>) =>
    (
      await db
        .update(ecommerceListings)
        .set({ ...values, updatedAt: new Date() })
        .where(eq(ecommerceListings.id, id))
        .returning()
    )[0]!,
  deleteEcommerce: (db: DbOrTx, id: string) => db.delete(ecommerceListings).where(eq(ecommerceListings.id, id)),

  /** One page of the chain listings of the products in the scope, by product name then chain; `q` also finds the chain. */
  listDistribution(db: DbOrTx, scope: RegistryScope, f: DistributionFilters, page: Page) {
    const where = and(
      subjectScopeWhere(scope),
      f.channel ? eq(distributionListings.channel, f.channel) : undefined,
      f.productId ? eq(distributionListings.productId, f.productId) : undefined,
      f.communeCode ? eq(subjects.communeCode, f.communeCode) : undefined,
    );
    return listed(
      (w, rank) =>
        distributionQuery(db)
          .where(w)
          .orderBy(...rank, products.sortKey, asc(distributionListings.chainKey), asc(distributionListings.id))
          .limit(page.limit)
          .offset(page.offset) as Promise<DistributionRow[]>,
      async (w) =>
        (
          await db
            .select({ n: count() })
            .from(distributionListings)
            .innerJoin(products, eq(products.id, distributionListings.productId))
            .innerJoin(subjects, eq(subjects.id, products.subjectId))
            .where(w)
        )[0]?.n ?? 0,
      where,
      f.q,
      (q) => sql`${distributionListings.chainKey} like ${`%${likeEscape(chainKey(q))}%`}`,
    );
  },
  getDistribution: async (db: DbOrTx, id: string): Promise<DistributionRow | undefined> =>
    (await distributionQuery(db).where(eq(distributionListings.id, id)).limit(1))[0],
  /** Whether the product already has a listing with this chain (by its folded name), other than `exceptId`. */
  chainTaken: async (db: DbOrTx, productId: string, chainKey: string, exceptId: string | null) =>
    (
      await db
        .select({ id: distributionListings.id })
        .from(distributionListings)
        .where(
          and(
            eq(distributionListings.productId, productId),
            eq(distributionListings.chainKey, chainKey),
            exceptId ? ne(distributionListings.id, exceptId) : undefined,
          ),
        )
        .limit(1)
    ).length > 0,
  insertDistribution: async (db: DbOrTx, values: DistributionValues) => (await db.insert(distributionListings).values(values).returning())[0]!,
  updateDistribution: async (db: DbOrTx, id: string, values: Partial<DistributionValues>) =>
    (
      await db
        .update(distributionListings)
        .set({ ...values, updatedAt: new Date() })
        .where(eq(distributionListings.id, id))
        .returning()
    )[0]!,
  deleteDistribution: (db: DbOrTx, id: string) => db.delete(distributionListings).where(eq(distributionListings.id, id)),

  /**
   * Where a product can be bought: the open sales points that carry it with its producer's consent,
   * the chains that stock it, and its approved e-commerce pages still on sale.
   */
  async whereToBuy(db: DbOrTx, productId: string) {
    const [points, chains, online] = await Promise.all([
      db
        .select({
          id: salesPoints.id,
          name: salesPoints.name,
          kind: salesPoints.kind,
          address: salesPoints.address,
          communeName: communes.name,
          latitude: salesPoints.latitude,
          longitude: salesPoints.longitude,
        })
        .from(salesPointProducts)
        .innerJoin(salesPoints, eq(salesPoints.id, salesPointProducts.salesPointId))
        .leftJoin(communes, eq(communes.code, salesPoints.communeCode))
        .where(and(eq(salesPointProducts.productId, productId), eq(salesPointProducts.consent, 'given'), eq(salesPoints.status, 'active'))),
      db
        .select({ chain: distributionListings.chain, channel: distributionListings.channel, stores: distributionListings.stores })
        .from(distributionListings)
        .where(and(eq(distributionListings.productId, productId), eq(distributionListings.active, true)))
        .orderBy(asc(distributionListings.chainKey)),
      db
        .select({ platform: ecommerceListings.platform, url: ecommerceListings.url })
        .from(ecommerceListings)
        .where(and(eq(ecommerceListings.productId, productId), eq(ecommerceListings.status, 'approved'), eq(ecommerceListings.active, true)))
        .orderBy(asc(ecommerceListings.platform), asc(ecommerceListings.url)),
    ]);
    return { points, chains, online };
  },
};
