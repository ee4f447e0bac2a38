import { and, desc, eq, inArray, isNull, or } from 'drizzle-orm';
import type { z } from 'zod';
import type { DocumentFields } from '../../../contracts/evaluation.js';
import { vietnamDate } from '../../../domain/dates/calendar.js';
import { checklistStatus, DOCUMENT_TYPES, requiredDocuments, type DocumentType } from '../../../domain/evaluation/dossier-documents.js';
import type { DossierKind } from '../../../domain/evaluation/dossier-workflow.js';
import { conflict, forbidden, invalid, notFound } from '../../../domain/errors.js';
import { canEditSubject, canReadSubject, type Actor } from '../../../domain/policies/index.js';
import type { Db, DbOrTx } from '../../db/client.js';
import { documents, dossierDocuments, products } from '../../db/schema/index.js';
import type { FileStorage } from '../../lib/file-storage.js';
import { sniffDocument } from '../../lib/file-types.js';
import { recordAudit, type AuditActor } from '../audit/audit.service.js';
import { dossiersRepository } from '../dossiers/dossiers.repository.js';
import { subjectsRepository } from '../subjects/subjects.repository.js';

type DocumentRow = typeof documents.$inferSelect;
const DOCUMENT = { vi: 'tài liệu', en: 'document' };

const present = (d: DocumentRow) => ({
  id: d.id,
  subjectId: d.subjectId,
  productId: d.productId,
  type: d.type as DocumentType,
  title: d.title,
  number: d.number,
  issuedOn: d.issuedOn,
  validUntil: d.validUntil,
  filename: d.filename,
  mimeType: d.mimeType,
  bytes: d.bytes,
  url: `/api/v1/documents/${d.id}/file`,
  createdAt: d.createdAt.toISOString(),
});

/** The subject's own papers and those of one product: what a dossier of that product can carry. */
const onFileFor = (db: DbOrTx, subjectId: string, productId: string) =>
  db
    .select()
    .from(documents)
    .where(and(eq(documents.subjectId, subjectId), or(isNull(documents.productId), eq(documents.productId, productId))))
    .orderBy(desc(documents.createdAt));

/**
 * Keeps with the dossier the documents it carries when filed or refiled (Art. 6): the commune and
 * the province judge those, even if the producer later replaces a paper on file.
 */
export async function snapshotDossierDocuments(tx: DbOrTx, dossier: { id: string; subjectId: string; productId: string }, today: string) {
  const current = (await onFileFor(tx, dossier.subjectId, dossier.productId)).filter((d) => d.validUntil === null || d.validUntil >= today);
  if (current.length)
    await tx
      .insert(dossierDocuments)
      .values(current.map((d) => ({ dossierId: dossier.id, documentId: d.id })))
      .onConflictDoNothing();
}

/**
 * A dossier's papers against its checklist: once filed, what it was filed with, valid on the filing
 * day (Art. 6, 7.3a); before that, what is on file now, valid today.
 */
export async function dossierPapers(
  db: DbOrTx,
  dossier: { id: string; subjectId: string; productId: string; setNumber: number; kind: string; filedOn: string | null },
  today: string,
) {
  const filed = await db.select({ id: dossierDocuments.documentId }).from(dossierDocuments).where(eq(dossierDocuments.dossierId, dossier.id));
  const rows = filed.length
    ? await db
        .select()
        .from(documents)
        .where(
          inArray(
            documents.id,
            filed.map((f) => f.id),
          ),
        )
    : dossier.filedOn
      ? []
      : await onFileFor(db, dossier.subjectId, dossier.productId);
  return { rows, status: checklistStatus(requiredDocuments(dossier.setNumber, dossier.kind as DossierKind), rows, dossier.filedOn ?? today) };
}

export function createDocumentsService(db: Db, storage: FileStorage, clock: () => Date = () => new Date()) {
  async function subjectFor(actor: Actor, subjectId: string, mode: 'read' | 'edit') {
    const subject = await subjectsRepository.get(db, subjectId);
    if (!subject || !canReadSubject(actor, subject)) throw notFound({ vi: 'chủ thể', en: 'subject' });
    if (mode === 'edit' && !canEditSubject(actor, subject)) throw forbidden();
    return subject;
  }

  return {
    async list(actor: Actor, subjectId: string, productId?: string) {
      await subjectFor(actor, subjectId, 'read');
      const rows = productId
        ? await onFileFor(db, subjectId, productId)
        : await db.select().from(documents).where(eq(documents.subjectId, subjectId)).orderBy(desc(documents.createdAt));
      return rows.map(present);
    },

    async upload(actor: Actor, audit: AuditActor, subjectId: string, fields: z.infer<typeof DocumentFields>, file: { filename: string; data: Buffer }) {
      await subjectFor(actor, subjectId, 'edit');
      if (fields.productId) {
        const owned = await db
          .select({ id: products.id })
          .from(products)
          .where(and(eq(products.id, fields.productId), eq(products.subjectId, subjectId)))
          .limit(1);
        if (!owned.length)
          throw invalid(
            'unknown_product',
            { vi: 'Sản phẩm không thuộc chủ thể.', en: 'The product is not the subject’s.' },
            { productId: { vi: 'Sản phẩm không thuộc chủ thể.', en: 'The product is not the subject’s.' } },
          );
      }
      const type = sniffDocument(file.data, file.filename);
      if (!type)
        throw invalid('unsupported_document', {
          vi: 'Chỉ nhận tệp PDF, ảnh (JPEG, PNG, WebP), Word (.docx) hoặc Excel (.xlsx).',
          en: 'Only PDF, images, .docx or .xlsx files are accepted.',
        });
      const storageKey = storage.newKey('documents', type.ext);
      await storage.put(storageKey, file.data);
      try {
        const row = await db.transaction(async (tx) => {
          const [created] = await tx
            .insert(documents)
            .values({
              subjectId,
              // Papers of the subject itself are not tied to a product, whatever the form sent.
              productId: DOCUMENT_TYPES[fields.type].owner === 'subject' ? null : (fields.productId ?? null),
              type: fields.type,
              title: fields.title.normalize('NFC'),
              number: fields.number ?? null,
              issuedOn: fields.issuedOn ?? null,
              validUntil: fields.validUntil ?? null,
              storageKey,
              filename: file.filename.normalize('NFC').slice(0, 255),
              mimeType: type.mimeType,
              bytes: file.data.length,
              uploadedBy: audit.userId,
            })
            .returning();
          await recordAudit(tx, audit, { action: 'create', entityType: 'document', entityId: created!.id, after: created });
          return created!;
        });
        return present(row);
      } catch (err) {
        await storage.remove(storageKey);
        throw err;
      }
    },

    async remove(actor: Actor, audit: AuditActor, subjectId: string, documentId: string) {
      await subjectFor(actor, subjectId, 'edit');
      const row = (
        await db
          .select()
          .from(documents)
          .where(and(eq(documents.id, documentId), eq(documents.subjectId, subjectId)))
          .limit(1)
      )[0];
      if (!row) throw notFound(DOCUMENT);
      if ((await db.select({ d: dossierDocuments.dossierId }).from(dossierDocuments).where(eq(dossierDocuments.documentId, documentId)).limit(1)).length)
        throw conflict('document_in_dossier', {
          vi: 'Tài liệu đã nộp kèm hồ sơ nên được lưu lại; hãy tải lên bản mới.',
          en: 'The document was filed with a dossier and is kept; upload a newer one.',
        });
      await db.transaction(async (tx) => {
        await tx.delete(documents).where(eq(documents.id, documentId));
        await recordAudit(tx, audit, { action: 'delete', entityType: 'document', entityId: documentId, before: row });
      });
      await storage.remove(row.storageKey);
    },

    /** A paper's file: for whoever sees its subject, and for council members sitting on a dossier filed with it. */
    async file(actor: Actor, documentId: string) {
      const row = (await db.select().from(documents).where(eq(documents.id, documentId)).limit(1))[0];
      if (!row) throw notFound(DOCUMENT);
      if (actor.kind === 'user' && actor.role === 'council') {
        const filedWith = await db.select({ id: dossierDocuments.dossierId }).from(dossierDocuments).where(eq(dossierDocuments.documentId, documentId));
        let seated = false;
        for (const d of filedWith) seated ||= await dossiersRepository.hasCouncilSeat(db, actor.userId, d.id);
        if (!seated) throw notFound(DOCUMENT);
      } else await subjectFor(actor, row.subjectId, 'read');
      return { data: await storage.get(row.storageKey), mimeType: row.mimeType, filename: row.filename };
    },

    /** The dossier's checklist: required papers by set and kind, with what is on file and valid today. */
    async checklist(actor: Actor, dossierId: string) {
      const dossier = await dossiersRepository.get(db, dossierId);
      const seated =
        actor.kind === 'user' && actor.role === 'council' && dossier ? await dossiersRepository.hasCouncilSeat(db, actor.userId, dossierId) : false;
      if (!dossier || !(canReadSubject(actor, { id: dossier.subjectId, provinceCode: dossier.provinceCode, communeCode: dossier.communeCode }) || seated))
        throw notFound({ vi: 'hồ sơ', en: 'dossier' });
      const { rows, status } = await dossierPapers(db, dossier, vietnamDate(clock()));
      return {
        complete: status.complete,
        missing: status.missing,
        disqualifying: status.disqualifying,
        lines: status.lines.map((l) => ({
          type: l.type,
          label: DOCUMENT_TYPES[l.type].label,
          required: l.required,
          disqualifying: l.disqualifying,
          note: l.note,
          status: l.status,
          documents: rows.filter((r) => l.documentIds.includes(r.id)).map(present),
        })),
      };
    },
  };
}
export type DocumentsService = ReturnType<typeof createDocumentsService>;
