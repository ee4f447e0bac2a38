import { vietnamDate } from '../../../domain/dates/calendar.js';
import { checklistStatus, requiredDocuments } from '../../../domain/evaluation/dossier-documents.js';
import type { DossierKind } from '../../../domain/evaluation/dossier-workflow.js';
import { notFound } from '../../../domain/errors.js';
import { mayReadPaper, readsThroughSeat, type Actor } from '../../../domain/policies/index.js';
import type { Db, DbOrTx } from '../../db/client.js';
import type { FileStorage } from '../../lib/file-storage.js';
import { documentsRepository } from '../documents/documents.repository.js';
import { dossiersRepository as repo } from './dossiers.repository.js';
import { presentChecklist } from './dossiers.presenter.js';

/**
 * Keeps with the dossier the documents it carries when filed or refiled (Art. 6): the commune and
 * the province judge those, even if the producer later replaces a paper on file.
 */
export async function snapshotDossierDocuments(tx: DbOrTx, dossier: { id: string; subjectId: string; productId: string }, today: string) {
  const current = (await documentsRepository.onFileFor(tx, dossier.subjectId, dossier.productId)).filter((d) => d.validUntil === null || d.validUntil >= today);
  if (current.length)
    await documentsRepository.keepWith(
      tx,
      dossier.id,
      current.map((d) => d.id),
    );
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
  const carried = await documentsRepository.carriedBy(db, dossier.id);
  const rows = carried.filed ? carried.rows : dossier.filedOn ? [] : await documentsRepository.onFileFor(db, dossier.subjectId, dossier.productId);
  return { rows, status: checklistStatus(requiredDocuments(dossier.setNumber, dossier.kind as DossierKind), rows, dossier.filedOn ?? today) };
}

const DOSSIER = { vi: 'hồ sơ', en: 'dossier' };
const DOCUMENT = { vi: 'tài liệu', en: 'document' };

/**
 * The papers a dossier carries (Phụ lục II): its checklist, and each paper's file — for those who
 * see the dossier and for the members of a council sitting on it, who reach papers only this way.
 */
export function createPapersService(db: Db, storage: FileStorage, clock: () => Date) {
  async function load(actor: Actor, dossierId: string) {
    const dossier = await repo.get(db, dossierId);
    const seated = readsThroughSeat(actor) && dossier ? await repo.hasCouncilSeat(db, actor.userId, dossierId) : false;
    if (!dossier || !mayReadPaper(actor, { id: dossier.subjectId, provinceCode: dossier.provinceCode, communeCode: dossier.communeCode }, seated))
      throw notFound(DOSSIER);
    return dossier;
  }

  return {
    /** The dossier's checklist: required papers by set and kind, with what is on file and valid today. */
    async checklist(actor: Actor, dossierId: string) {
      const dossier = await load(actor, dossierId);
      const { rows, status } = await dossierPapers(db, dossier, vietnamDate(clock()));
      // A council member downloads through the dossier; everyone else at the registry's address.
      return presentChecklist(rows, status, (d) => (readsThroughSeat(actor) ? `/api/v1/dossiers/${dossier.id}/papers/${d.id}/file` : undefined));
    },

    /** One of the papers the dossier carries (or, before filing, may carry). */
    async file(actor: Actor, dossierId: string, documentId: string) {
      const dossier = await load(actor, dossierId);
      const paper = (await dossierPapers(db, dossier, vietnamDate(clock()))).rows.find((r) => r.id === documentId);
      if (!paper) throw notFound(DOCUMENT);
      return { data: await storage.get(paper.storageKey), mimeType: paper.mimeType, filename: paper.filename };
    },

    /** Every paper the dossier was filed with, with its file, in the order kept (for the package sent to the ministry). */
    async filedFiles(actor: Actor, dossierId: string) {
      await load(actor, dossierId);
      const papers = await documentsRepository.filedWith(db, dossierId);
      const files = [];
      for (const d of papers) files.push({ type: d.type, filename: d.filename, data: await storage.get(d.storageKey) });
      return files;
    },
  };
}
export type PapersService = ReturnType<typeof createPapersService>;
