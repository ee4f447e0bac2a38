import { and, asc, count, desc, eq, getTableColumns, inArray, notInArray, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { communes, dossierEvents, dossiers, evaluationRounds, products, subjects, users, userCommunes } from '../../db/schema/index.js';

export type DossierRow = typeof dossiers.$inferSelect & { productName: string; ocopCode: string; subjectName: string; communeName: string; roundName: string | null };

const columns = {
  ...getTableColumns(dossiers),
  productName: products.name,
  ocopCode: products.ocopCode,
  subjectName: subjects.name,
  communeName: communes.name,
  roundName: evaluationRounds.name,
};

const base = (db: DbOrTx) =>
  db
    .select(columns)
    .from(dossiers)
    .innerJoin(products, eq(products.id, dossiers.productId))
    .innerJoin(subjects, eq(subjects.id, dossiers.subjectId))
    .innerJoin(communes, eq(communes.code, dossiers.communeCode))
    .leftJoin(evaluationRounds, eq(evaluationRounds.id, dossiers.roundId));

/** Dossiers still moving: a product has at most one at a time. */
export const CLOSED_STATES = ['decided', 'ministry_decided', 'withdrawn'];

export const dossiersRepository = {
  async list(db: DbOrTx, where: SQL | undefined, page: { limit: number; offset: number }) {
    const [items, totals] = await Promise.all([
      base(db).where(where).orderBy(desc(dossiers.updatedAt), dossiers.id).limit(page.limit).offset(page.offset),
      db.select({ n: count() }).from(dossiers).innerJoin(products, eq(products.id, dossiers.productId)).where(where),
    ]);
    return { items: items as DossierRow[], total: totals[0]?.n ?? 0 };
  },
  get: async (db: DbOrTx, id: string) => (await base(db).where(eq(dossiers.id, id)).limit(1))[0] as DossierRow | undefined,
  openForProduct: async (db: DbOrTx, productId: string) =>
    (await db.select({ id: dossiers.id }).from(dossiers).where(and(eq(dossiers.productId, productId), notInArray(dossiers.state, CLOSED_STATES))).limit(1))[0],
  insert: async (db: DbOrTx, values: typeof dossiers.$inferInsert) => (await db.insert(dossiers).values(values).returning())[0]!,

  /**
   * Optimistic lock: the update applies only if nobody changed the dossier since `expectedVersion`;
   * undefined means someone did, and the caller must reload.
   */
  async updateIfVersion(db: DbOrTx, id: string, expectedVersion: number, values: Partial<typeof dossiers.$inferInsert>) {
    const rows = await db
      .update(dossiers)
      .set({ ...values, version: expectedVersion + 1, updatedAt: new Date() })
      .where(and(eq(dossiers.id, id), eq(dossiers.version, expectedVersion)))
      .returning();
    return rows[0];
  },

  addEvent: (db: DbOrTx, values: typeof dossierEvents.$inferInsert) => db.insert(dossierEvents).values(values),
  events: (db: DbOrTx, dossierId: string) => db.select().from(dossierEvents).where(eq(dossierEvents.dossierId, dossierId)).orderBy(asc(dossierEvents.id)),

  /** Who hears about a step: the subject's producer accounts, the commune's officers, the province's office. */
  async producerUsers(db: DbOrTx, subjectId: string) {
    return (await db.select({ id: users.id }).from(users).where(and(eq(users.subjectId, subjectId), eq(users.role, 'producer')))).map((u) => u.id);
  },
  async communeOfficers(db: DbOrTx, communeCode: string) {
    return (
      await db
        .select({ id: users.id })
        .from(users)
        .innerJoin(userCommunes, eq(userCommunes.userId, users.id))
        .where(and(eq(userCommunes.communeCode, communeCode), eq(users.role, 'officer')))
    ).map((u) => u.id);
  },
  async provinceAdmins(db: DbOrTx, provinceCode: string) {
    return (await db.select({ id: users.id }).from(users).where(and(eq(users.provinceCode, provinceCode), inArray(users.role, ['admin'])))).map((u) => u.id);
  },
};
