import type { z } from 'zod';
import type { DocumentFields } from '../../../contracts/evaluation.js';
import { DOCUMENT_TYPES } from '../../../domain/evaluation/dossier-documents.js';
import { conflict, forbidden, invalid, notFound } from '../../../domain/errors.js';
import { canEditSubject, canReadSubject, type Actor } from '../../../domain/policies/index.js';
import type { Db } from '../../db/client.js';
import type { FileStorage } from '../../lib/file-storage.js';
import { sniffDocument } from '../../lib/file-types.js';
import { recordAudit, type AuditActor } from '../audit/audit.service.js';
import { subjectsRepository } from '../subjects/subjects.repository.js';
import { presentDocument } from './documents.presenter.js';
import { documentsRepository as repo } from './documents.repository.js';

const DOCUMENT = { vi: 'tài liệu', en: 'document' };

/**
 * Papers on file for a subject or one of its products (business registration, food-safety
 * certificate, test reports…), reused by later dossiers while valid. What a dossier carried when
 * filed, and its checklist, belong to the dossiers module.
 */
export function createDocumentsService(db: Db, storage: FileStorage) {
  async function subjectFor(actor: Actor, subjectId: string, mode: 'read' | 'edit') {
    const subject = await subjectsRepository.get(db, subjectId);
    if (!subject || !canReadSubject(actor, subject)) throw notFound({ vi: 'chủ thể', en: 'subject' });
    if (mode === 'edit' && !canEditSubject(actor, subject)) throw forbidden();
    return subject;
  }

  return {
    async list(actor: Actor, subjectId: string, productId?: string) {
      await subjectFor(actor, subjectId, 'read');
      const rows = productId ? await repo.onFileFor(db, subjectId, productId) : await repo.ofSubject(db, subjectId);
      return rows.map((d) => presentDocument(d));
    },

    async upload(actor: Actor, audit: AuditActor, subjectId: string, fields: z.infer<typeof DocumentFields>, file: { filename: string; data: Buffer }) {
      await subjectFor(actor, subjectId, 'edit');
      if (fields.productId && !(await repo.isProductOf(db, subjectId, fields.productId)))
        throw invalid(
          'unknown_product',
          { vi: 'Sản phẩm không thuộc chủ thể.', en: 'The product is not the subject’s.' },
          { productId: { vi: 'Sản phẩm không thuộc chủ thể.', en: 'The product is not the subject’s.' } },
        );
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
          const created = await repo.insert(tx, {
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
          });
          await recordAudit(tx, audit, { action: 'create', entityType: 'document', entityId: created.id, after: created });
          return created;
        });
        return presentDocument(row);
      } catch (err) {
        await storage.remove(storageKey);
        throw err;
      }
    },

    async remove(actor: Actor, audit: AuditActor, subjectId: string, documentId: string) {
      await subjectFor(actor, subjectId, 'edit');
      const row = await repo.getOfSubject(db, subjectId, documentId);
      if (!row) throw notFound(DOCUMENT);
      if (await repo.isFiled(db, documentId))
        throw conflict('document_in_dossier', {
          vi: 'Tài liệu đã nộp kèm hồ sơ nên được lưu lại; hãy tải lên bản mới.',
          en: 'The document was filed with a dossier and is kept; upload a newer one.',
        });
      await db.transaction(async (tx) => {
        await repo.remove(tx, documentId);
        await recordAudit(tx, audit, { action: 'delete', entityType: 'document', entityId: documentId, before: row });
      });
      await storage.remove(row.storageKey);
    },

    /**
     * A paper's file, for whoever sees its subject. Council members download the papers of the
     * dossiers they sit on through the dossier (GET /dossiers/:id/papers/:documentId/file).
     */
    async file(actor: Actor, documentId: string) {
      const row = await repo.get(db, documentId);
      // One answer for a missing paper and for another subject's: naming the subject would tell the paper exists.
      const subject = row && (await subjectsRepository.get(db, row.subjectId));
      if (!row || !subject || !canReadSubject(actor, subject)) throw notFound(DOCUMENT);
      return { data: await storage.get(row.storageKey), mimeType: row.mimeType, filename: row.filename };
    },
  };
}
export type DocumentsService = ReturnType<typeof createDocumentsService>;
