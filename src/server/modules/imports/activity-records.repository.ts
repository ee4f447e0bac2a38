import { and, eq, inArray, or } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import {
  businessPlans,
  communicationItems,
  distributionListings,
  ecommerceListings,
  productIdeas,
  products,
  salesPointProducts,
  salesPoints,
  subjects,
  supportGrants,
  supportPolicies,
  tradeEventParticipants,
  tradeEventProducts,
  tradeEvents,
  trainingAttendees,
  trainingCourses,
} from '../../db/schema/index.js';

export type StoredSalesPoint = typeof salesPoints.$inferSelect & { productIds: string[] };
export type StoredChainListing = typeof distributionListings.$inferSelect;
export type StoredOnlineListing = typeof ecommerceListings.$inferSelect & { provinceCode: string | null };
export type StoredTradeEvent = typeof tradeEvents.$inferSelect;
export type StoredParticipant = typeof tradeEventParticipants.$inferSelect & { productIds: string[] };
export type StoredIdea = typeof productIdeas.$inferSelect;
export type StoredPlan = typeof businessPlans.$inferSelect;
export type StoredPolicy = typeof supportPolicies.$inferSelect;
export type StoredGrant = typeof supportGrants.$inferSelect;
export type StoredCommunicationItem = typeof communicationItems.$inferSelect;
export type StoredCourse = typeof trainingCourses.$inferSelect;
export type StoredAttendee = typeof trainingAttendees.$inferSelect;
export type SubjectRef = { id: string; externalCode: string | null; taxCode: string | null; communeCode: string | null };
export type ProductRef = { id: string; subjectId: string; externalCode: string | null; ocopCode: string | null; communeCode: string | null };

/** Large lists of codes are looked up in chunks (a statement has a bound on its parameters). */
const CHUNK = 1000;
const chunks = <T>(items: readonly T[]) => Array.from({ length: Math.ceil(items.length / CHUNK) }, (_, i) => items.slice(i * CHUNK, (i + 1) * CHUNK));
async function inChunks<T, R>(items: readonly T[], query: (chunk: T[]) => Promise<R[]>): Promise<R[]> {
  const found: R[] = [];
  for (const chunk of chunks([...new Set(items)])) found.push(...(await query(chunk)));
  return found;
}
const byKey = <R>(rows: R[], key: (r: R) => string) => new Map(rows.map((r) => [key(r), r]));
const now = () => new Date();

/**
 * The market and programme records as the import matches and writes them (issue 13): by the
 * province's own codes, within the province. Other modules own these records' API; the import
 * writes the tables directly, in its own transactions, as it does producers and products.
 */
export const activityRecordsRepository = {
  /** The province's producers a code names: by the province's code first, else by tax code. */
  async subjectsByRef(db: DbOrTx, provinceCode: string, refs: readonly string[]): Promise<Map<string, SubjectRef>> {
    const rows = await inChunks(refs, (chunk) =>
      db
        .select({ id: subjects.id, externalCode: subjects.externalCode, taxCode: subjects.taxCode, communeCode: subjects.communeCode })
        .from(subjects)
        .where(and(eq(subjects.provinceCode, provinceCode), or(inArray(subjects.externalCode, chunk), inArray(subjects.taxCode, chunk)))),
    );
    const found = new Map<string, SubjectRef>();
    for (const row of rows) if (row.taxCode && !found.has(row.taxCode)) found.set(row.taxCode, row);
    // Two producers may share a tax code (a household and its cooperative): such a code names neither.
    for (const code of new Set(rows.map((r) => r.taxCode))) if (code && rows.filter((r) => r.taxCode === code).length > 1) found.delete(code);
    for (const row of rows) if (row.externalCode) found.set(row.externalCode, row);
    return found;
  },

  /** The province's products a code names: by the province's code or by the OCOP product code. */
  async productsByRef(db: DbOrTx, provinceCode: string, refs: readonly string[]): Promise<Map<string, ProductRef>> {
    const rows = await inChunks(refs, (chunk) =>
      db
        .select({
          id: products.id,
          subjectId: products.subjectId,
          externalCode: products.externalCode,
          ocopCode: products.ocopCode,
          communeCode: subjects.communeCode,
        })
        .from(products)
        .innerJoin(subjects, eq(subjects.id, products.subjectId))
        .where(and(eq(products.provinceCode, provinceCode), or(inArray(products.externalCode, chunk), inArray(products.ocopCode, chunk)))),
    );
    const found = new Map<string, ProductRef>();
    for (const row of rows) {
      if (row.ocopCode) found.set(row.ocopCode, row);
      if (row.externalCode) found.set(row.externalCode, row);
    }
    return found;
  },

  async salesPointsByCode(db: DbOrTx, provinceCode: string, codes: readonly string[]): Promise<Map<string, StoredSalesPoint>> {
    const points = await inChunks(codes, (chunk) =>
      db
        .select()
        .from(salesPoints)
        .where(and(eq(salesPoints.provinceCode, provinceCode), inArray(salesPoints.externalCode, chunk))),
    );
    const carried = await inChunks(
      points.map((p) => p.id),
      (chunk) => db.select().from(salesPointProducts).where(inArray(salesPointProducts.salesPointId, chunk)),
    );
    return byKey(
      points.map((p) => ({ ...p, productIds: carried.filter((c) => c.salesPointId === p.id).map((c) => c.productId) })),
      (p) => p.externalCode!,
    );
  },
  insertSalesPoint: async (db: DbOrTx, values: typeof salesPoints.$inferInsert) => (await db.insert(salesPoints).values(values).returning())[0]!,
  updateSalesPoint: async (db: DbOrTx, id: string, values: Partial<typeof salesPoints.$inferInsert>) =>
    (
      await db
        .update(salesPoints)
        .set({ ...values, updatedAt: now() })
        .where(eq(salesPoints.id, id))
        .returning()
    )[0]!,
  /** Products added to a point wait for their producer's consent (the default of the table). */
  async addCarriedProducts(db: DbOrTx, salesPointId: string, productIds: readonly string[]) {
    if (productIds.length)
      await db
        .insert(salesPointProducts)
        .values(productIds.map((productId) => ({ salesPointId, productId })))
        .onConflictDoNothing();
  },
  async removeCarriedProducts(db: DbOrTx, salesPointId: string, productIds: readonly string[]) {
    if (productIds.length)
      await db.delete(salesPointProducts).where(and(eq(salesPointProducts.salesPointId, salesPointId), inArray(salesPointProducts.productId, [...productIds])));
  },

  /** Chain listings of these products, by product and folded chain name. */
  chainListingsOf: async (db: DbOrTx, productIds: readonly string[]) =>
    inChunks(productIds, (chunk) => db.select().from(distributionListings).where(inArray(distributionListings.productId, chunk))),
  insertChainListing: async (db: DbOrTx, values: typeof distributionListings.$inferInsert) =>
    (await db.insert(distributionListings).values(values).returning())[0]!,
  updateChainListing: async (db: DbOrTx, id: string, values: Partial<typeof distributionListings.$inferInsert>) =>
    (
      await db
        .update(distributionListings)
        .set({ ...values, updatedAt: now() })
        .where(eq(distributionListings.id, id))
        .returning()
    )[0]!,

  /** E-commerce listings of these normalised URLs, whoever's product they are (a URL is one product's page), with the product's province. */
  async onlineListingsByUrl(db: DbOrTx, urls: readonly string[]): Promise<Map<string, StoredOnlineListing>> {
    const rows = await inChunks(urls, (chunk) =>
      db
        .select({ listing: ecommerceListings, provinceCode: products.provinceCode })
        .from(ecommerceListings)
        .innerJoin(products, eq(products.id, ecommerceListings.productId))
        .where(inArray(ecommerceListings.url, chunk)),
    );
    return byKey(
      rows.map((r) => ({ ...r.listing, provinceCode: r.provinceCode })),
      (r) => r.url,
    );
  },
  /** A listing the office records is reviewed as it is written. */
  insertOnlineListing: async (db: DbOrTx, values: Omit<typeof ecommerceListings.$inferInsert, 'reviewedAt'>) =>
    (
      await db
        .insert(ecommerceListings)
        .values({ ...values, reviewedAt: now() })
        .returning()
    )[0]!,
  updateOnlineListing: async (db: DbOrTx, id: string, values: Partial<typeof ecommerceListings.$inferInsert>) =>
    (
      await db
        .update(ecommerceListings)
        .set({ ...values, updatedAt: now() })
        .where(eq(ecommerceListings.id, id))
        .returning()
    )[0]!,

  tradeEventsByCode: async (db: DbOrTx, provinceCode: string, codes: readonly string[]) =>
    byKey(
      await inChunks(codes, (chunk) =>
        db
          .select()
          .from(tradeEvents)
          .where(and(eq(tradeEvents.provinceCode, provinceCode), inArray(tradeEvents.externalCode, chunk))),
      ),
      (e) => e.externalCode!,
    ),
  insertTradeEvent: async (db: DbOrTx, values: typeof tradeEvents.$inferInsert) => (await db.insert(tradeEvents).values(values).returning())[0]!,
  updateTradeEvent: async (db: DbOrTx, id: string, values: Partial<typeof tradeEvents.$inferInsert>) =>
    (
      await db
        .update(tradeEvents)
        .set({ ...values, updatedAt: now() })
        .where(eq(tradeEvents.id, id))
        .returning()
    )[0]!,

  /** The participants of these events, each with the event's products that are its own. */
  async participantsOf(db: DbOrTx, eventIds: readonly string[]): Promise<StoredParticipant[]> {
    const participants = await inChunks(eventIds, (chunk) => db.select().from(tradeEventParticipants).where(inArray(tradeEventParticipants.eventId, chunk)));
    const shown = await inChunks(eventIds, (chunk) =>
      db
        .select({ eventId: tradeEventProducts.eventId, productId: tradeEventProducts.productId, subjectId: products.subjectId })
        .from(tradeEventProducts)
        .innerJoin(products, eq(products.id, tradeEventProducts.productId))
        .where(inArray(tradeEventProducts.eventId, chunk)),
    );
    return participants.map((p) => ({
      ...p,
      productIds: shown.filter((s) => s.eventId === p.eventId && s.subjectId === p.subjectId).map((s) => s.productId),
    }));
  },
  insertParticipant: async (db: DbOrTx, values: typeof tradeEventParticipants.$inferInsert) =>
    (await db.insert(tradeEventParticipants).values(values).returning())[0]!,
  updateParticipant: async (db: DbOrTx, eventId: string, subjectId: string, values: { booths?: number | null; revenueVnd?: number | null }) =>
    (
      await db
        .update(tradeEventParticipants)
        .set(values)
        .where(and(eq(tradeEventParticipants.eventId, eventId), eq(tradeEventParticipants.subjectId, subjectId)))
        .returning()
    )[0]!,
  async addEventProducts(db: DbOrTx, eventId: string, productIds: readonly string[]) {
    if (productIds.length)
      await db
        .insert(tradeEventProducts)
        .values(productIds.map((productId) => ({ eventId, productId })))
        .onConflictDoNothing();
  },
  async removeEventProducts(db: DbOrTx, eventId: string, productIds: readonly string[]) {
    if (productIds.length)
      await db.delete(tradeEventProducts).where(and(eq(tradeEventProducts.eventId, eventId), inArray(tradeEventProducts.productId, [...productIds])));
  },

  productIdeasByCode: async (db: DbOrTx, provinceCode: string, codes: readonly string[]) =>
    byKey(
      await inChunks(codes, (chunk) =>
        db
          .select()
          .from(productIdeas)
          .where(and(eq(productIdeas.provinceCode, provinceCode), inArray(productIdeas.externalCode, chunk))),
      ),
      (i) => i.externalCode!,
    ),
  /** Ideas by id (those of stored business plans). */
  productIdeasById: async (db: DbOrTx, ids: readonly string[]) =>
    byKey(await inChunks(ids, (chunk) => db.select().from(productIdeas).where(inArray(productIdeas.id, chunk))), (i) => i.id),
  /** The business plans of these ideas: a screening stays before them, an idea with plans stays accepted. */
  plansOfIdeas: async (db: DbOrTx, ideaIds: readonly string[]) =>
    inChunks(ideaIds, (chunk) =>
      db
        .select({ id: businessPlans.id, ideaId: businessPlans.ideaId, externalCode: businessPlans.externalCode, submittedOn: businessPlans.submittedOn })
        .from(businessPlans)
        .where(inArray(businessPlans.ideaId, chunk)),
    ),
  insertIdea: async (db: DbOrTx, values: typeof productIdeas.$inferInsert) => (await db.insert(productIdeas).values(values).returning())[0]!,
  updateIdea: async (db: DbOrTx, id: string, values: Partial<typeof productIdeas.$inferInsert>) =>
    (
      await db
        .update(productIdeas)
        .set({ ...values, updatedAt: now() })
        .where(eq(productIdeas.id, id))
        .returning()
    )[0]!,

  /** Business plans of the province (through their ideas) by the province's code. */
  businessPlansByCode: async (db: DbOrTx, provinceCode: string, codes: readonly string[]) =>
    byKey(
      (
        await inChunks(codes, (chunk) =>
          db
            .select({ plan: businessPlans })
            .from(businessPlans)
            .innerJoin(productIdeas, eq(productIdeas.id, businessPlans.ideaId))
            .where(and(eq(productIdeas.provinceCode, provinceCode), inArray(businessPlans.externalCode, chunk))),
        )
      ).map((r) => r.plan),
      (p) => p.externalCode!,
    ),
  insertPlan: async (db: DbOrTx, values: typeof businessPlans.$inferInsert) => (await db.insert(businessPlans).values(values).returning())[0]!,
  updatePlan: async (db: DbOrTx, id: string, values: Partial<typeof businessPlans.$inferInsert>) =>
    (
      await db
        .update(businessPlans)
        .set({ ...values, updatedAt: now() })
        .where(eq(businessPlans.id, id))
        .returning()
    )[0]!,

  supportPoliciesByCode: async (db: DbOrTx, provinceCode: string, codes: readonly string[]) =>
    byKey(
      await inChunks(codes, (chunk) =>
        db
          .select()
          .from(supportPolicies)
          .where(and(eq(supportPolicies.provinceCode, provinceCode), inArray(supportPolicies.externalCode, chunk))),
      ),
      (p) => p.externalCode!,
    ),
  insertPolicy: async (db: DbOrTx, values: typeof supportPolicies.$inferInsert) => (await db.insert(supportPolicies).values(values).returning())[0]!,
  updatePolicy: async (db: DbOrTx, id: string, values: Partial<typeof supportPolicies.$inferInsert>) =>
    (
      await db
        .update(supportPolicies)
        .set({ ...values, updatedAt: now() })
        .where(eq(supportPolicies.id, id))
        .returning()
    )[0]!,

  /** Every grant of these policies (what their budgets have committed). */
  grantsOf: async (db: DbOrTx, policyIds: readonly string[]) =>
    inChunks(policyIds, (chunk) => db.select().from(supportGrants).where(inArray(supportGrants.policyId, chunk))),
  insertGrant: async (db: DbOrTx, values: typeof supportGrants.$inferInsert) => (await db.insert(supportGrants).values(values).returning())[0]!,
  updateGrant: async (db: DbOrTx, id: string, values: Partial<typeof supportGrants.$inferInsert>) =>
    (
      await db
        .update(supportGrants)
        .set({ ...values, updatedAt: now() })
        .where(eq(supportGrants.id, id))
        .returning()
    )[0]!,

  communicationItemsByCode: async (db: DbOrTx, provinceCode: string, codes: readonly string[]) =>
    byKey(
      await inChunks(codes, (chunk) =>
        db
          .select()
          .from(communicationItems)
          .where(and(eq(communicationItems.provinceCode, provinceCode), inArray(communicationItems.externalCode, chunk))),
      ),
      (i) => i.externalCode!,
    ),
  insertCommunicationItem: async (db: DbOrTx, values: typeof communicationItems.$inferInsert) =>
    (await db.insert(communicationItems).values(values).returning())[0]!,
  updateCommunicationItem: async (db: DbOrTx, id: string, values: Partial<typeof communicationItems.$inferInsert>) =>
    (
      await db
        .update(communicationItems)
        .set({ ...values, updatedAt: now() })
        .where(eq(communicationItems.id, id))
        .returning()
    )[0]!,

  trainingCoursesByCode: async (db: DbOrTx, provinceCode: string, codes: readonly string[]) =>
    byKey(
      await inChunks(codes, (chunk) =>
        db
          .select()
          .from(trainingCourses)
          .where(and(eq(trainingCourses.provinceCode, provinceCode), inArray(trainingCourses.externalCode, chunk))),
      ),
      (c) => c.externalCode!,
    ),
  insertCourse: async (db: DbOrTx, values: typeof trainingCourses.$inferInsert) => (await db.insert(trainingCourses).values(values).returning())[0]!,
  updateCourse: async (db: DbOrTx, id: string, values: Partial<typeof trainingCourses.$inferInsert>) =>
    (
      await db
        .update(trainingCourses)
        .set({ ...values, updatedAt: now() })
        .where(eq(trainingCourses.id, id))
        .returning()
    )[0]!,

  attendeesOf: async (db: DbOrTx, courseIds: readonly string[]) =>
    inChunks(courseIds, (chunk) => db.select().from(trainingAttendees).where(inArray(trainingAttendees.courseId, chunk))),
  insertAttendee: async (db: DbOrTx, values: typeof trainingAttendees.$inferInsert) => (await db.insert(trainingAttendees).values(values).returning())[0]!,
  updateAttendee: async (db: DbOrTx, courseId: string, subjectId: string, people: number) =>
    (
      await db
        .update(trainingAttendees)
        .set({ people })
        .where(and(eq(trainingAttendees.courseId, courseId), eq(trainingAttendees.subjectId, subjectId)))
        .returning()
    )[0]!,
};
