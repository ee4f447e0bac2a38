import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams, OkResponse } from '../../../contracts/common.js';
import { ExportFileResponse } from '../../../contracts/exports.js';
import {
  CommunicationExportQuery,
  CommunicationItem,
  CommunicationItemInput,
  CommunicationList,
  CommunicationListQuery,
} from '../../../contracts/programme.js';
import { sendTableExport } from '../../lib/table-export.js';
import { communicationExport } from './communication.export.js';
import type { CommunicationService } from './communication.service.js';

const tags = ['Hoạt động chương trình / Programme'];
/** Province-wide communication is the office's; the province's officers read it. */
const READERS = ['admin', 'officer'] as const;
const OFFICE = ['admin'] as const;

export const communicationRoutes: FastifyPluginAsyncZod<{ communication: CommunicationService }> = async (app, { communication }) => {
  app.get(
    '/communication',
    {
      config: { access: READERS },
      schema: {
        tags,
        summary: 'The province’s communication items (year of publication, kind, search)',
        querystring: CommunicationListQuery,
        response: { 200: CommunicationList },
      },
    },
    (req) => communication.list(req.actor, req.query),
  );
  app.get(
    '/communication/export',
    {
      config: { access: READERS },
      schema: {
        tags,
        summary: 'Export the list (XLSX or CSV): every item matching the list’s filters',
        querystring: CommunicationExportQuery,
        response: { 200: ExportFileResponse },
      },
    },
    (req, reply) => sendTableExport(reply, { ...communicationExport, format: req.query.format, rows: communication.exportRows(req.actor, req.query) }),
  );
  app.post(
    '/communication',
    {
      config: { access: OFFICE },
      schema: { tags, summary: 'Record a communication item', body: CommunicationItemInput, response: { 201: CommunicationItem } },
    },
    async (req, reply) => reply.status(201).send(await communication.create(req.actor, req.auditActor, req.body)),
  );
  app.get('/communication/:id', { config: { access: READERS }, schema: { tags, params: IdParams, response: { 200: CommunicationItem } } }, (req) =>
    communication.get(req.actor, req.params.id),
  );
  app.put(
    '/communication/:id',
    { config: { access: OFFICE }, schema: { tags, params: IdParams, body: CommunicationItemInput, response: { 200: CommunicationItem } } },
    (req) => communication.update(req.actor, req.auditActor, req.params.id, req.body),
  );
  app.delete('/communication/:id', { config: { access: OFFICE }, schema: { tags, params: IdParams, response: { 200: OkResponse } } }, async (req) => {
    await communication.remove(req.actor, req.auditActor, req.params.id);
    return { ok: true as const };
  });
};
