import { and, desc, eq, inArray, isNull, or } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { documents, dossierDocuments, products } from '../../db/schema/index.js';

export type DocumentRow = typeof documents.$inferSelect;
export type DocumentValues = typeof documents.$inferInsert;

/** Papers on file (subjects' and products') and the papers each dossier carried when filed: every query on them. */
export const documentsRepository = {
  /** The subject's own papers and those of one product: what a dossier of that product can carry. */
  onFileFor: (db: DbOrTx, subjectId: string, productId: string) =>
    db
      .select()
      .from(documents)
      .where(and(eq(documents.subjectId, subjectId), or(isNull(documents.productId), eq(documents.productId, productId))))
      .orderBy(desc(documents.createdAt)),
  ofSubject: (db: DbOrTx, subjectId: string) => db.select().from(documents).where(eq(documents.subjectId, subjectId)).orderBy(desc(documents.createdAt)),
  get: async (db: DbOrTx, id: string) => (await db.select().from(documents).where(eq(documents.id, id)).limit(1))[0],
  getOfSubject: async (db: DbOrTx, subjectId: string, id: string) =>
    (
      await db
        .select()
        .from(documents)
        .where(and(eq(documents.id, id), eq(documents.subjectId, subjectId)))
        .limit(1)
    )[0],
  /** Whether the product belongs to the subject. */
  isProductOf: async (db: DbOrTx, subjectId: string, productId: string) =>
    (
      await db
        .select({ id: products.id })
        .from(products)
        .where(and(eq(products.id, productId), eq(products.subjectId, subjectId)))
        .limit(1)
    ).length > 0,
  insert: async (db: DbOrTx, values: DocumentValues) => (await db.insert(documents).values(values).returning())[0]!,
  remove: (db: DbOrTx, id: string) => db.delete(documents).where(eq(documents.id, id)),

  /** Whether a dossier was filed with the paper (it is then kept). */
  isFiled: async (db: DbOrTx, documentId: string) =>
    (await db.select({ d: dossierDocuments.dossierId }).from(dossierDocuments).where(eq(dossierDocuments.documentId, documentId)).limit(1)).length > 0,
  /** The papers a dossier carried when filed or refiled, by the ids kept with it. */
  async carriedBy(db: DbOrTx, dossierId: string) {
    const filed = await db.select({ id: dossierDocuments.documentId }).from(dossierDocuments).where(eq(dossierDocuments.dossierId, dossierId));
    return {
      filed: filed.length > 0,
      rows: filed.length
        ? await db
            .select()
            .from(documents)
            .where(
              inArray(
                documents.id,
                filed.map((f) => f.id),
              ),
            )
        : [],
    };
  },
  /** The same papers, read in one join (for the package sent to the ministry). */
  filedWith: async (db: DbOrTx, dossierId: string) =>
    (
      await db
        .select({ d: documents })
        .from(dossierDocuments)
        .innerJoin(documents, eq(documents.id, dossierDocuments.documentId))
        .where(eq(dossierDocuments.dossierId, dossierId))
    ).map((r) => r.d),
  /** Keeps the papers with the dossier (a refiling adds the new ones). */
  keepWith: (db: DbOrTx, dossierId: string, documentIds: readonly string[]) =>
    db
      .insert(dossierDocuments)
      .values(documentIds.map((documentId) => ({ dossierId, documentId })))
      .onConflictDoNothing(),
};
