import { and, eq, getTableColumns, inArray, ne, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { foldVietnamese } from '../../../domain/text/vietnamese.js';
import type { DbOrTx } from '../../db/client.js';
import { openReratingSince } from '../../db/rerating-sql.js';
import { communes, products, provinces, salesPointProducts, salesPoints, subjects } from '../../db/schema/index.js';
import { searchInStages, searchPlans } from '../../db/text-search.js';

export type SalesPointRow = typeof salesPoints.$inferSelect & { communeName: string | null; otherProvinceName: string | null; productCount: number };
export type SalesPointValues = Omit<typeof salesPoints.$inferInsert, 'id' | 'createdAt' | 'updatedAt'>;

/** A product's latest certificate, with what its status on a day depends on (certificateStatus). */
export type LatestCertificate = {
  star: number;
  issuedOn: string;
  expiresOn: string;
  revokedOn: string | null;
  supersededOn: string | null;
  reratingPendingSince: string | null;
};

/** A product a point carries, with its producer and latest certificate. */
export type CarriedRow = {
  productId: string;
  productName: string;
  productCode: string | null;
  subjectId: string;
  subjectName: string;
  provinceCode: string;
  communeCode: string | null;
  consent: string;
  consentOn: string | null;
  consentBy: string | null;
  latest: LatestCertificate | null;
};

/** A product as far as carrying it is concerned: whose it is and where. */
export type ProductRef = { id: string; name: string; subjectId: string; provinceCode: string; communeCode: string | null };

export type SalesPointFilters = {
  provinceCode: string;
  q?: string | undefined;
  kind?: string | undefined;
  status?: string | undefined;
  placement?: string | undefined;
  communeCode?: string | undefined;
};

const otherProvinces = alias(provinces, 'other_provinces');

const columns = {
  ...getTableColumns(salesPoints),
  communeName: communes.name,
  otherProvinceName: otherProvinces.name,
  productCount: sql<number>`(select count(*) from ${salesPointProducts} where ${salesPointProducts.salesPointId} = ${salesPoints.id})`.mapWith(Number),
};

const withPlaces = (db: DbOrTx) =>
  db
    .select(columns)
    .from(salesPoints)
    .leftJoin(communes, eq(communes.code, salesPoints.communeCode))
    .leftJoin(otherProvinces, eq(otherProvinces.code, salesPoints.otherProvinceCode));

// One indexed lookup per product (certificates_product_idx); json keeps it one column on both databases.
const latestCertificate = sql<LatestCertificate | null>`(select json_build_object('star', c.star, 'issuedOn', c.issued_on, 'expiresOn', c.expires_on,
    'revokedOn', c.revoked_on, 'supersededOn', c.superseded_on, 'reratingPendingSince', ${openReratingSince(sql`c.product_id`)})
  from certificates c where c.product_id = ${products.id} order by c.issued_on desc, c.number desc limit 1)`;

const carriedColumns = {
  productId: products.id,
  productName: products.name,
  productCode: products.ocopCode,
  subjectId: subjects.id,
  subjectName: subjects.name,
  provinceCode: subjects.provinceCode,
  communeCode: subjects.communeCode,
  consent: salesPointProducts.consent,
  consentOn: salesPointProducts.consentOn,
  consentBy: salesPointProducts.consentBy,
  latest: latestCertificate,
};

const carriedQuery = (db: DbOrTx) =>
  db
    .select(carriedColumns)
    .from(salesPointProducts)
    .innerJoin(products, eq(products.id, salesPointProducts.productId))
    .innerJoin(subjects, eq(subjects.id, products.subjectId));

/** Sales points (điểm giới thiệu và bán sản phẩm OCOP) and the products they carry. */
export const salesPointsRepository = {
  /**
   * The id and name of every point of the province matching the filters: the service orders them by
   * the Vietnamese sort key (the table keeps no stored key) and pages them. `q` searches the folded
   * name (every word, then similarity for a typo) and the province's own code exactly.
   */
  matching(db: DbOrTx, f: SalesPointFilters) {
    const filters = and(
      eq(salesPoints.provinceCode, f.provinceCode),
      f.kind ? eq(salesPoints.kind, f.kind) : undefined,
      f.status ? eq(salesPoints.status, f.status) : undefined,
      f.placement ? eq(salesPoints.placement, f.placement) : undefined,
      f.communeCode ? eq(salesPoints.communeCode, f.communeCode) : undefined,
    );
    const run = async (where: SQL | undefined) => {
      const items = await db.select({ id: salesPoints.id, name: salesPoints.name }).from(salesPoints).where(where);
      return { items, total: items.length };
    };
    const folded = f.q ? foldVietnamese(f.q) : '';
    return folded
      ? searchInStages(searchPlans(salesPoints.nameSearch, { folded, exact: [eq(salesPoints.externalCode, f.q!.trim())] }), (plan) =>
          run(and(filters, plan.where)),
        )
      : run(filters);
  },

  /** The points of these ids, with their places' names and how many products each carries (in no particular order). */
  byIds: async (db: DbOrTx, ids: readonly string[]): Promise<SalesPointRow[]> => (ids.length ? withPlaces(db).where(inArray(salesPoints.id, [...ids])) : []),

  get: async (db: DbOrTx, id: string): Promise<SalesPointRow | undefined> => (await withPlaces(db).where(eq(salesPoints.id, id)).limit(1))[0],

  /** Whether another point of the province already has this code of the province's own records. */
  externalCodeTaken: async (db: DbOrTx, provinceCode: string, externalCode: string, exceptId: string | null) =>
    (
      await db
        .select({ id: salesPoints.id })
        .from(salesPoints)
        .where(and(eq(salesPoints.provinceCode, provinceCode), eq(salesPoints.externalCode, externalCode), exceptId ? ne(salesPoints.id, exceptId) : undefined))
        .limit(1)
    ).length > 0,

  insert: async (db: DbOrTx, values: SalesPointValues) => (await db.insert(salesPoints).values(values).returning())[0]!,
  update: async (db: DbOrTx, id: string, values: Partial<SalesPointValues>) =>
    (
      await db
        .update(salesPoints)
        .set({ ...values, updatedAt: new Date() })
        .where(eq(salesPoints.id, id))
        .returning()
    )[0]!,
  delete: (db: DbOrTx, id: string) => db.delete(salesPoints).where(eq(salesPoints.id, id)),

  /** The products a point carries, in Vietnamese order of their names. */
  carried: (db: DbOrTx, salesPointId: string): Promise<CarriedRow[]> =>
    carriedQuery(db).where(eq(salesPointProducts.salesPointId, salesPointId)).orderBy(products.sortKey, products.id),
  carriedOne: async (db: DbOrTx, salesPointId: string, productId: string): Promise<CarriedRow | undefined> =>
    (
      await carriedQuery(db)
        .where(and(eq(salesPointProducts.salesPointId, salesPointId), eq(salesPointProducts.productId, productId)))
        .limit(1)
    )[0],

  /** The codes of the products these points carry, with their producer's place (for the list's export). */
  carriedCodes: (db: DbOrTx, salesPointIds: readonly string[]) =>
    salesPointIds.length
      ? db
          .select({
            salesPointId: salesPointProducts.salesPointId,
            ocopCode: products.ocopCode,
            externalCode: products.externalCode,
            subjectId: subjects.id,
            provinceCode: subjects.provinceCode,
            communeCode: subjects.communeCode,
          })
          .from(salesPointProducts)
          .innerJoin(products, eq(products.id, salesPointProducts.productId))
          .innerJoin(subjects, eq(subjects.id, products.subjectId))
          .where(inArray(salesPointProducts.salesPointId, [...salesPointIds]))
          .orderBy(products.sortKey, products.id)
      : Promise.resolve([]),

  /** The products of these ids that exist, with their producer's place. */
  productRefs: (db: DbOrTx, ids: readonly string[]): Promise<ProductRef[]> =>
    ids.length
      ? db
          .select({ id: products.id, name: products.name, subjectId: subjects.id, provinceCode: subjects.provinceCode, communeCode: subjects.communeCode })
          .from(products)
          .innerJoin(subjects, eq(subjects.id, products.subjectId))
          .where(inArray(products.id, [...ids]))
      : Promise.resolve([]),

  /** Adds products to a point, each waiting for its producer's consent. */
  addProducts: (db: DbOrTx, salesPointId: string, productIds: readonly string[]) =>
    db.insert(salesPointProducts).values(productIds.map((productId) => ({ salesPointId, productId, consent: 'pending' }))),
  removeProduct: (db: DbOrTx, salesPointId: string, productId: string) =>
    db.delete(salesPointProducts).where(and(eq(salesPointProducts.salesPointId, salesPointId), eq(salesPointProducts.productId, productId))),
  setConsent: (db: DbOrTx, salesPointId: string, productId: string, values: { consent: string; consentOn: string; consentBy: string | null }) =>
    db
      .update(salesPointProducts)
      .set(values)
      .where(and(eq(salesPointProducts.salesPointId, salesPointId), eq(salesPointProducts.productId, productId))),

  /** The points that carry a product, with the producer's consent at each (in no particular order). */
  carrying: (db: DbOrTx, productId: string) =>
    db
      .select({
        salesPointId: salesPoints.id,
        name: salesPoints.name,
        kind: salesPoints.kind,
        status: salesPoints.status,
        address: salesPoints.address,
        communeName: communes.name,
        otherProvinceName: otherProvinces.name,
        consent: salesPointProducts.consent,
        consentOn: salesPointProducts.consentOn,
      })
      .from(salesPointProducts)
      .innerJoin(salesPoints, eq(salesPoints.id, salesPointProducts.salesPointId))
      .leftJoin(communes, eq(communes.code, salesPoints.communeCode))
      .leftJoin(otherProvinces, eq(otherProvinces.code, salesPoints.otherProvinceCode))
      .where(eq(salesPointProducts.productId, productId)),
};
