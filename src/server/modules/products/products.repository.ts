import { and, asc, count, eq, getTableColumns, inArray, sql, type SQL } from 'drizzle-orm';
import type { PgSelect } from 'drizzle-orm/pg-core';
import type { RegistryScope } from '../../../domain/policies/index.js';
import { foldVietnamese } from '../../../domain/text/vietnamese.js';
import { queryRows, type DbOrTx } from '../../db/client.js';
import { insertMany } from '../../db/insert-many.js';
import { idsIfAtMost, inOrderOf } from '../../db/kept-lists.js';
import { runPrepared } from '../../db/prepared.js';
import { nextProductSerial } from '../../db/product-codes.js';
import { communes, criteriaSets, productPhotos, products, subjects } from '../../db/schema/index.js';
import { openReratingSince } from '../../db/rerating-sql.js';
import { subjectScopeWhere, type ScopeColumns } from '../../db/sql-scope.js';
import { searchInStages, searchPlans } from '../../db/text-search.js';

export type ProductRow = typeof products.$inferSelect & {
  subjectName: string;
  provinceCode: string;
  communeCode: string | null;
  communeName: string | null;
  criteriaSetName: string | null;
  standing: StandingCertificate | null;
  photos: PhotoSummary[];
};

/** The product's latest certificate (its OCOP star), with what its status depends on. */
export type StandingCertificate = {
  id: string;
  number: string;
  star: number;
  issuedOn: string;
  expiresOn: string;
  revokedOn: string | null;
  supersededOn: string | null;
  reratingPendingSince: string | null;
};
export type PhotoRow = typeof productPhotos.$inferSelect;
/** What a product's row shows of each photo (its addresses are made from the ids). */
export type PhotoSummary = Pick<PhotoRow, 'id' | 'width' | 'height' | 'mimeType' | 'bytes'>;
export type ProductValues = Omit<typeof products.$inferInsert, 'id' | 'createdAt'>;

const columns = {
  ...getTableColumns(products),
  subjectName: subjects.name,
  provinceCode: subjects.provinceCode,
  communeCode: subjects.communeCode,
  communeName: communes.name,
  criteriaSetName: criteriaSets.name,
  // One indexed lookup per row of a page (certificates_product_idx); json keeps it one column on both databases.
  standing: sql<StandingCertificate | null>`(select json_build_object('id', c.id, 'number', c.number, 'star', c.star, 'issuedOn', c.issued_on,
      'expiresOn', c.expires_on, 'revokedOn', c.revoked_on, 'supersededOn', c.superseded_on,
      'reratingPendingSince', ${openReratingSince(sql`c.product_id`)})
    from certificates c where c.product_id = ${products.id} order by c.issued_on desc, c.number desc limit 1)`,
  // The photos in their order, in the same statement (product_photos_product_idx): read apart, they
  // were one more round trip after every page.
  photos: sql<PhotoSummary[]>`(select coalesce(json_agg(json_build_object('id', ph.id, 'width', ph.width, 'height', ph.height,
      'mimeType', ph.mime_type, 'bytes', ph.bytes) order by ph.position, ph.created_at), '[]'::json)
    from product_photos ph where ph.product_id = ${products.id})`,
};

/** What a product's row shows besides its own record: its producer, commune and criteria set. */
const joinShown = <Q extends PgSelect>(query: Q) =>
  query
    .innerJoin(subjects, eq(subjects.id, products.subjectId))
    // A producer imported without a commune still has its products listed (to the province's staff).
    .leftJoin(communes, eq(communes.code, subjects.communeCode))
    .leftJoin(criteriaSets, and(eq(criteriaSets.legalBasis, products.criteriaLegalBasis), eq(criteriaSets.number, products.criteriaSetNumber)));

const baseQuery = (db: DbOrTx) => joinShown(db.select(columns).from(products).$dynamic());

/** What the products list is narrowed by, besides the caller's scope; `q` searches names, OCOP codes and barcodes. */
export type ProductFilters = {
  q?: string | undefined;
  subjectId?: string | undefined;
  communeCode?: string | undefined;
  criteriaSetNumber?: number | undefined;
  status?: string | undefined;
  /** Products whose certificate in hand (not revoked, not replaced) carries this star. */
  star?: number | undefined;
};

/** Search over the folded product name (see db/text-search), plus the exact OCOP code and barcode. */
const productSearchPlans = (folded: string, raw: string) =>
  searchPlans(products.nameSearch, { folded, exact: [eq(products.ocopCode, raw), eq(products.barcode, raw)] });

/**
 * The scope over the products table itself: a province reads its products by their own province
 * column and its index in list order (products_province_sort_idx), instead of joining every
 * product of the country to its producer first (a sequential scan of 50,000 rows per page).
 */
const PRODUCT_SCOPE: ScopeColumns = { provinceCode: products.provinceCode, communeCode: subjects.communeCode, subjectId: products.subjectId };

/**
 * How a caller keeps what a list reads again for every page: given what it is of and how to read
 * it, the list's matches (the ids of every product it shows, in its order; null when there are too
 * many to keep) or its total. By default, read each time.
 */
export type KeptList = (of: string, read: () => Promise<string[] | null | number>) => Promise<string[] | null | number>;
const readEachTime: KeptList = (_of, read) => read();

/**
 * A list of at most this many products is read whole once, as ids, and kept (KeptList): its pages
 * are then slices of it, read by id, and its total is its length. A province's products fit; a
 * search or filter over the country's may not, and is paged in the database.
 */
export const MAX_KEPT_MATCHES = 2_000;

async function listWhere(
  db: DbOrTx,
  where: SQL | undefined,
  rank: SQL[],
  page: { limit: number; offset: number },
  needsProducer: boolean,
  total: () => Promise<number>,
) {
  const searched = rank.length > 0;
  const [items, n] = await Promise.all([
    runPrepared(db, (tx) => pageQuery(tx, where, rank, page, needsProducer), { plan: searched ? 'per-values' : 'generic' }),
    total(),
  ]);
  return { items: items as ProductRow[], total: n };
}

/**
 * A page of the list: its products are found first (along products_province_sort_idx when browsing a
 * province), and only they get what their rows show — the producer, the commune, the set and the
 * standing certificate, a sub-select per row. Joined before the offset, a tenth page of twenty
 * looked up the certificates of the two hundred products up to it.
 */
function pageQuery(db: DbOrTx, where: SQL | undefined, rank: SQL[], page: { limit: number; offset: number }, needsProducer: boolean) {
  const order = [...rank, products.sortKey, products.id];
  const matches = db.select({ id: products.id }).from(products).$dynamic();
  const pageIds = (needsProducer ? matches.innerJoin(subjects, eq(subjects.id, products.subjectId)) : matches)
    .where(where)
    .orderBy(...order)
    .limit(page.limit)
    .offset(page.offset)
    .as('page_ids');
  return joinShown(db.select(columns).from(pageIds).innerJoin(products, eq(products.id, pageIds.id)).$dynamic()).orderBy(...order);
}

/** The ids of every product the list shows, in its order; null past `maxKept`. */
async function matchIds(db: DbOrTx, where: SQL | undefined, rank: SQL[], needsProducer: boolean, maxKept: number) {
  const matches = db.select({ id: products.id }).from(products).$dynamic();
  const rows = await (needsProducer ? matches.innerJoin(subjects, eq(subjects.id, products.subjectId)) : matches)
    .where(where)
    .orderBy(...rank, products.sortKey, products.id)
    .limit(maxKept + 1);
  return idsIfAtMost(rows, maxKept);
}

/** The rows of these products, in the order given (a page of kept matches). */
async function rowsByIds(db: DbOrTx, ids: string[]) {
  if (!ids.length) return [];
  return inOrderOf(ids, (await runPrepared(db, (tx) => baseQuery(tx).where(inArray(products.id, ids)))) as ProductRow[]);
}

async function countWhere(db: DbOrTx, where: SQL | undefined, needsProducer: boolean) {
  const counted = needsProducer
    ? db.select({ n: count() }).from(products).innerJoin(subjects, eq(subjects.id, products.subjectId)).where(where)
    : db.select({ n: count() }).from(products).where(where);
  return (await counted)[0]?.n ?? 0;
}

export const productsRepository = {
  /** One page of the products in the scope matching the filters, in the list's order (search rank first, then name). */
  list(
    db: DbOrTx,
    scope: RegistryScope,
    f: ProductFilters,
    page: { limit: number; offset: number },
    kept: KeptList = readEachTime,
    maxKept = MAX_KEPT_MATCHES,
  ) {
    const filters = and(
      subjectScopeWhere(scope, PRODUCT_SCOPE),
      f.subjectId ? eq(products.subjectId, f.subjectId) : undefined,
      f.communeCode ? eq(subjects.communeCode, f.communeCode) : undefined,
      f.criteriaSetNumber ? eq(products.criteriaSetNumber, f.criteriaSetNumber) : undefined,
      f.status ? eq(products.status, f.status) : undefined,
      f.star
        ? sql`exists (select 1 from certificates c where c.product_id = ${products.id} and c.star = ${f.star} and c.revoked_on is null and c.superseded_on is null)`
        : undefined,
    );
    // Only a commune (the filter or an officer's scope) is the producer's: otherwise the page's keys and
    // the count read the products alone.
    const needsProducer = Boolean(f.communeCode) || scope.kind === 'communes';
    const folded = f.q ? foldVietnamese(f.q) : '';
    const of = (stage: number) => JSON.stringify([scope, f.q, f.subjectId, f.communeCode, f.criteriaSetNumber, f.status, f.star, stage]);
    const run = async (where: SQL | undefined, rank: SQL[], stage: number) => {
      const ids = (await kept(`${of(stage)}|ids`, () => matchIds(db, where, rank, needsProducer, maxKept))) as string[] | null;
      if (ids) return { items: await rowsByIds(db, ids.slice(page.offset, page.offset + page.limit)), total: ids.length };
      return listWhere(
        db,
        where,
        rank,
        page,
        needsProducer,
        async () => (await kept(`${of(stage)}|total`, () => countWhere(db, where, needsProducer))) as number,
      );
    };
    return folded
      ? searchInStages(productSearchPlans(folded, f.q!.trim()), (plan, stage) => run(and(filters, plan.where), plan.orderBy, stage))
      : run(filters, [], 0);
  },

  get: async (db: DbOrTx, id: string) => (await baseQuery(db).where(eq(products.id, id)).limit(1))[0] as ProductRow | undefined,

  async photosOf(db: DbOrTx, productIds: string[]): Promise<Map<string, PhotoRow[]>> {
    const map = new Map<string, PhotoRow[]>();
    if (!productIds.length) return map;
    const rows = await db
      .select()
      .from(productPhotos)
      .where(inArray(productPhotos.productId, productIds))
      .orderBy(asc(productPhotos.position), asc(productPhotos.createdAt));
    for (const r of rows) map.set(r.productId, [...(map.get(r.productId) ?? []), r]);
    return map;
  },
  getPhoto: async (db: DbOrTx, productId: string, photoId: string) =>
    (
      await db
        .select()
        .from(productPhotos)
        .where(and(eq(productPhotos.id, photoId), eq(productPhotos.productId, productId)))
        .limit(1)
    )[0],
  insertPhoto: async (db: DbOrTx, values: typeof productPhotos.$inferInsert) => (await db.insert(productPhotos).values(values).returning())[0]!,
  deletePhoto: (db: DbOrTx, id: string) => db.delete(productPhotos).where(eq(productPhotos.id, id)),
  countPhotos: async (db: DbOrTx, productId: string) =>
    (await db.select({ n: count() }).from(productPhotos).where(eq(productPhotos.productId, productId)))[0]?.n ?? 0,

  insert: async (db: DbOrTx, values: ProductValues) => (await db.insert(products).values(values).returning())[0]!,
  insertMany: (db: DbOrTx, values: readonly ProductValues[]) => insertMany(db, products, values),
  update: async (db: DbOrTx, id: string, values: Partial<ProductValues>) =>
    (
      await db
        .update(products)
        .set({ ...values, updatedAt: new Date() })
        .where(eq(products.id, id))
        .returning()
    )[0]!,
  delete: (db: DbOrTx, id: string) => db.delete(products).where(eq(products.id, id)),
  /** Whether the product holds a certificate or has been filed for evaluation: then its record must stay. */
  async hasProgrammeRecords(db: DbOrTx, id: string) {
    const [row] = await queryRows<{ certified: boolean; filed: boolean }>(
      db,
      sql`select exists (select 1 from certificates where product_id = ${id}) as certified,
                 exists (select 1 from dossiers where product_id = ${id}) as filed`,
    );
    return { certified: row?.certified ?? false, filed: row?.filed ?? false };
  },

  /** Next serial (STT) of the commune for the year; the row lock serialises concurrent registrations. */
  nextSerial: nextProductSerial,

  criteriaSetExists: async (db: DbOrTx, legalBasis: string, number: number) =>
    (
      await db
        .select({ n: criteriaSets.number })
        .from(criteriaSets)
        .where(and(eq(criteriaSets.legalBasis, legalBasis), eq(criteriaSets.number, number)))
        .limit(1)
    ).length > 0,
};
