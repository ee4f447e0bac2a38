import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams, OkResponse } from '../../../contracts/common.js';
import { ExportFileResponse, SubjectExportQuery } from '../../../contracts/exports.js';
import { AuditList, Subject, SubjectInput, SubjectList, SubjectListQuery, TaxCodeHolders, TaxCodeHoldersQuery } from '../../../contracts/registry.js';
import { sendTableExport } from '../../lib/table-export.js';
import { subjectExport } from './subjects.export.js';
import type { SubjectsService } from './subjects.service.js';

const REGISTRY_USERS = ['admin', 'officer', 'producer'] as const;
const tags = ['Chủ thể / Subjects'];

export const subjectsRoutes: FastifyPluginAsyncZod<{ subjects: SubjectsService }> = async (app, { subjects }) => {
  app.get(
    '/subjects',
    {
      config: { access: REGISTRY_USERS },
      schema: { tags, summary: 'List subjects in the caller’s scope', querystring: SubjectListQuery, response: { 200: SubjectList } },
    },
    (req) => subjects.list(req.actor, req.query),
  );
  app.get(
    '/subjects/export',
    {
      config: { access: REGISTRY_USERS },
      schema: {
        tags,
        summary: 'Export the list (XLSX or CSV): every subject matching the list’s filters',
        querystring: SubjectExportQuery,
        response: { 200: ExportFileResponse },
      },
    },
    (req, reply) => sendTableExport(reply, { ...subjectExport, format: req.query.format, rows: subjects.exportRows(req.actor, req.query) }),
  );
  app.get(
    '/subjects/tax-code-holders',
    {
      config: { access: REGISTRY_USERS },
      schema: {
        tags,
        summary: 'Who already holds a tax code: names only the holders in the caller’s scope',
        querystring: TaxCodeHoldersQuery,
        response: { 200: TaxCodeHolders },
      },
    },
    (req) => subjects.taxCodeHolders(req.actor, req.query.taxCode, req.query.exceptId),
  );
  app.post(
    '/subjects',
    { config: { access: ['admin', 'officer'] }, schema: { tags, summary: 'Register a subject', body: SubjectInput, response: { 201: Subject } } },
    async (req, reply) => reply.status(201).send(await subjects.create(req.actor, req.auditActor, req.body)),
  );
  app.get('/subjects/:id', { config: { access: REGISTRY_USERS }, schema: { tags, params: IdParams, response: { 200: Subject } } }, (req) =>
    subjects.get(req.actor, req.params.id),
  );
  app.put('/subjects/:id', { config: { access: REGISTRY_USERS }, schema: { tags, params: IdParams, body: SubjectInput, response: { 200: Subject } } }, (req) =>
    subjects.update(req.actor, req.auditActor, req.params.id, req.body),
  );
  app.delete('/subjects/:id', { config: { access: ['admin'] }, schema: { tags, params: IdParams, response: { 200: OkResponse } } }, async (req) => {
    await subjects.remove(req.actor, req.auditActor, req.params.id);
    return { ok: true as const };
  });
  app.get(
    '/subjects/:id/history',
    { config: { access: ['admin'] }, schema: { tags, summary: 'Audit history of a subject', params: IdParams, response: { 200: AuditList } } },
    async (req) => ({ items: await subjects.history(req.actor, req.params.id) }),
  );
};
