import { and, asc, count, desc, eq, getTableColumns, gte, inArray, lte, ne, sql, type SQL } from 'drizzle-orm';
import { foldVietnamese } from '../../../domain/text/vietnamese.js';
import type { DbOrTx } from '../../db/client.js';
import { communes, products, subjects, tradeEventParticipants, tradeEventPhotos, tradeEventProducts, tradeEvents } from '../../db/schema/index.js';
import { searchInStages, searchPlans, type SearchPlan } from '../../db/text-search.js';

export type TradeEventRow = typeof tradeEvents.$inferSelect & { communeName: string | null; participantCount: number; productCount: number };
export type TradeEventValues = Omit<typeof tradeEvents.$inferInsert, 'id' | 'createdAt' | 'updatedAt'>;
export type ParticipantRow = {
  subjectId: string;
  subjectName: string;
  provinceCode: string;
  communeCode: string | null;
  booths: number | null;
  revenueVnd: number | null;
};
export type EventProductRow = { productId: string; productName: string; subjectId: string };
export type PhotoRow = typeof tradeEventPhotos.$inferSelect;
export type ParticipantValues = { subjectId: string; booths: number | null; revenueVnd: number | null; productIds: readonly string[] };

export type TradeEventFilters = {
  provinceCode: string;
  q?: string | undefined;
  year?: number | undefined;
  kind?: string | undefined;
  placement?: string | undefined;
};

const columns = {
  ...getTableColumns(tradeEvents),
  communeName: communes.name,
  participantCount: sql<number>`(select count(*) from ${tradeEventParticipants} where ${tradeEventParticipants.eventId} = ${tradeEvents.id})`.mapWith(Number),
  productCount: sql<number>`(select count(*) from ${tradeEventProducts} where ${tradeEventProducts.eventId} = ${tradeEvents.id})`.mapWith(Number),
};
const withPlace = (db: DbOrTx) => db.select(columns).from(tradeEvents).leftJoin(communes, eq(communes.code, tradeEvents.communeCode));

/** Trade fairs, exhibitions, culture and tourism weeks, supply–demand conferences: their participants, products and photos. */
export const tradeEventsRepository = {
  /** One page of the province's events matching the filters, newest first; `q` searches the folded name and the province's own code. */
  list(db: DbOrTx, f: TradeEventFilters, page: { limit: number; offset: number }) {
    const filters = and(
      eq(tradeEvents.provinceCode, f.provinceCode),
      f.year ? and(gte(tradeEvents.startsOn, `${f.year}-01-01`), lte(tradeEvents.startsOn, `${f.year}-12-31`)) : undefined,
      f.kind ? eq(tradeEvents.kind, f.kind) : undefined,
      f.placement ? eq(tradeEvents.placement, f.placement) : undefined,
    );
    const run = async (plan: SearchPlan | null) => {
      const where: SQL | undefined = plan ? and(filters, plan.where) : filters;
      const [items, totals] = await Promise.all([
        withPlace(db)
          .where(where)
          .orderBy(desc(tradeEvents.startsOn), ...(plan?.orderBy ?? []), asc(tradeEvents.nameSearch), asc(tradeEvents.id))
          .limit(page.limit)
          .offset(page.offset),
        db.select({ n: count() }).from(tradeEvents).where(where),
      ]);
      return { items: items as TradeEventRow[], total: totals[0]?.n ?? 0 };
    };
    const folded = f.q ? foldVietnamese(f.q) : '';
    return folded ? searchInStages(searchPlans(tradeEvents.nameSearch, { folded, exact: [eq(tradeEvents.externalCode, f.q!.trim())] }), run) : run(null);
  },

  get: async (db: DbOrTx, id: string): Promise<TradeEventRow | undefined> => (await withPlace(db).where(eq(tradeEvents.id, id)).limit(1))[0],

  /** Whether another event of the province already has this code of the province's own records. */
  externalCodeTaken: async (db: DbOrTx, provinceCode: string, externalCode: string, exceptId: string | null) =>
    (
      await db
        .select({ id: tradeEvents.id })
        .from(tradeEvents)
        .where(and(eq(tradeEvents.provinceCode, provinceCode), eq(tradeEvents.externalCode, externalCode), exceptId ? ne(tradeEvents.id, exceptId) : undefined))
        .limit(1)
    ).length > 0,

  /** An event's participants with their place (for access), in Vietnamese order of their names. */
  participants: (db: DbOrTx, eventId: string): Promise<ParticipantRow[]> =>
    db
      .select({
        subjectId: subjects.id,
        subjectName: subjects.name,
        provinceCode: subjects.provinceCode,
        communeCode: subjects.communeCode,
        booths: tradeEventParticipants.booths,
        revenueVnd: tradeEventParticipants.revenueVnd,
      })
      .from(tradeEventParticipants)
      .innerJoin(subjects, eq(subjects.id, tradeEventParticipants.subjectId))
      .where(eq(tradeEventParticipants.eventId, eventId))
      .orderBy(asc(subjects.sortKey), asc(subjects.id)),
  /** The products shown at an event, in Vietnamese order of their names. */
  products: (db: DbOrTx, eventId: string): Promise<EventProductRow[]> =>
    db
      .select({ productId: products.id, productName: products.name, subjectId: products.subjectId })
      .from(tradeEventProducts)
      .innerJoin(products, eq(products.id, tradeEventProducts.productId))
      .where(eq(tradeEventProducts.eventId, eventId))
      .orderBy(asc(products.sortKey), asc(products.id)),

  /** The subjects of these ids that exist, with their place. */
  subjectRefs: (db: DbOrTx, ids: readonly string[]) =>
    ids.length
      ? db
          .select({ id: subjects.id, provinceCode: subjects.provinceCode, communeCode: subjects.communeCode })
          .from(subjects)
          .where(inArray(subjects.id, [...ids]))
      : Promise.resolve([]),
  /** The products of these ids that exist, with their subject. */
  productOwners: (db: DbOrTx, ids: readonly string[]) =>
    ids.length
      ? db
          .select({ id: products.id, subjectId: products.subjectId })
          .from(products)
          .where(inArray(products.id, [...ids]))
      : Promise.resolve([]),

  insert: async (db: DbOrTx, values: TradeEventValues) => (await db.insert(tradeEvents).values(values).returning())[0]!,
  update: async (db: DbOrTx, id: string, values: Partial<TradeEventValues>) =>
    (
      await db
        .update(tradeEvents)
        .set({ ...values, updatedAt: new Date() })
        .where(eq(tradeEvents.id, id))
        .returning()
    )[0]!,
  delete: (db: DbOrTx, id: string) => db.delete(tradeEvents).where(eq(tradeEvents.id, id)),

  /** Replaces every participant of an event and the products each shows. */
  async replaceParticipants(db: DbOrTx, eventId: string, participants: readonly ParticipantValues[]) {
    await db.delete(tradeEventProducts).where(eq(tradeEventProducts.eventId, eventId));
    await db.delete(tradeEventParticipants).where(eq(tradeEventParticipants.eventId, eventId));
    if (participants.length)
      await db
        .insert(tradeEventParticipants)
        .values(participants.map((p) => ({ eventId, subjectId: p.subjectId, booths: p.booths, revenueVnd: p.revenueVnd })));
    const shown = participants.flatMap((p) => p.productIds.map((productId) => ({ eventId, productId })));
    if (shown.length) await db.insert(tradeEventProducts).values(shown);
  },

  photosOf: (db: DbOrTx, eventId: string) =>
    db.select().from(tradeEventPhotos).where(eq(tradeEventPhotos.eventId, eventId)).orderBy(asc(tradeEventPhotos.position), asc(tradeEventPhotos.createdAt)),
  getPhoto: async (db: DbOrTx, eventId: string, photoId: string): Promise<PhotoRow | undefined> =>
    (
      await db
        .select()
        .from(tradeEventPhotos)
        .where(and(eq(tradeEventPhotos.id, photoId), eq(tradeEventPhotos.eventId, eventId)))
        .limit(1)
    )[0],
  countPhotos: async (db: DbOrTx, eventId: string) =>
    (await db.select({ n: count() }).from(tradeEventPhotos).where(eq(tradeEventPhotos.eventId, eventId)))[0]?.n ?? 0,
  insertPhoto: async (db: DbOrTx, values: typeof tradeEventPhotos.$inferInsert) => (await db.insert(tradeEventPhotos).values(values).returning())[0]!,
  deletePhoto: (db: DbOrTx, id: string) => db.delete(tradeEventPhotos).where(eq(tradeEventPhotos.id, id)),
};
