import type { z } from 'zod';
import type { DocumentOnFile } from '../../../contracts/evaluation.js';
import type { DocumentType } from '../../../domain/evaluation/dossier-documents.js';
import type { DocumentRow } from './documents.repository.js';

/** A paper on file as the contract shows it; `url` is where the caller downloads it (by default, the registry's address). */
export const presentDocument = (d: DocumentRow, url = `/api/v1/documents/${d.id}/file`): z.infer<typeof DocumentOnFile> => ({
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
  url,
  createdAt: d.createdAt.toISOString(),
});
