import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams, OkResponse } from '../../../contracts/common.js';
import { DocumentFields, DocumentListQuery, DocumentOnFile, SubjectDocumentParams } from '../../../contracts/evaluation.js';
import { invalid } from '../../../domain/errors.js';
import { sendFile } from '../../lib/http-files.js';
import type { DocumentsService } from './documents.service.js';

const REGISTRY_USERS = ['admin', 'officer', 'producer'] as const;
const tags = ['Tài liệu hồ sơ / Documents'];

export const documentsRoutes: FastifyPluginAsyncZod<{ documents: DocumentsService }> = async (app, { documents }) => {
  app.get(
    '/subjects/:id/documents',
    {
      config: { access: REGISTRY_USERS },
      schema: {
        tags,
        summary: 'Papers on file (with productId: the subject’s and that product’s)',
        params: IdParams,
        querystring: DocumentListQuery,
        response: { 200: z.array(DocumentOnFile) },
      },
    },
    (req) => documents.list(req.actor, req.params.id, req.query.productId),
  );
  app.post(
    '/subjects/:id/documents',
    {
      config: { access: REGISTRY_USERS },
      schema: {
        tags,
        summary: 'Upload a paper: multipart fields type, title, number?, issuedOn?, validUntil?, productId?, then file',
        params: IdParams,
        consumes: ['multipart/form-data'],
        response: { 201: DocumentOnFile },
      },
    },
    async (req, reply) => {
      const file = await req.file();
      if (!file) throw invalid('file_required', { vi: 'Chưa chọn tệp.', en: 'No file was sent.' }, { file: { vi: 'Chưa chọn tệp.', en: 'No file was sent.' } });
      const fields = DocumentFields.parse(
        Object.fromEntries(Object.entries(file.fields).flatMap(([k, v]) => (v && !Array.isArray(v) && 'value' in v ? [[k, v.value]] : []))),
      );
      const data = await file.toBuffer();
      return reply.status(201).send(await documents.upload(req.actor, req.auditActor, req.params.id, fields, { filename: file.filename, data }));
    },
  );
  app.delete(
    '/subjects/:id/documents/:documentId',
    { config: { access: REGISTRY_USERS }, schema: { tags, params: SubjectDocumentParams, response: { 200: OkResponse } } },
    async (req) => {
      await documents.remove(req.actor, req.auditActor, req.params.id, req.params.documentId);
      return { ok: true as const };
    },
  );
  // Registry users download papers here; council members, through the dossier they sit on (dossiers module).
  app.get('/documents/:id/file', { config: { access: REGISTRY_USERS }, schema: { tags, params: IdParams } }, async (req, reply) =>
    sendFile(reply, await documents.file(req.actor, req.params.id)),
  );
};
