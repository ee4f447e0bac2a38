import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams } from '../../../contracts/common.js';
import { ExportFileResponse, RoundExportQuery } from '../../../contracts/exports.js';
import { DefaultRoundsBody, Round, RoundCreateBody, RoundListQuery, RoundUpdateBody } from '../../../contracts/evaluation.js';
import { sendTableExport } from '../../lib/table-export.js';
import { roundExport } from './rounds.export.js';
import type { RoundsService } from './rounds.service.js';

const tags = ['Đợt đánh giá / Rounds'];

export const roundsRoutes: FastifyPluginAsyncZod<{ rounds: RoundsService }> = async (app, { rounds }) => {
  app.get('/rounds', { config: { access: 'authenticated' }, schema: { tags, querystring: RoundListQuery, response: { 200: z.array(Round) } } }, (req) =>
    rounds.list(req.actor, req.query),
  );
  app.get(
    '/rounds/export',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Export the list (XLSX or CSV): every round matching the list’s filters',
        querystring: RoundExportQuery,
        response: { 200: ExportFileResponse },
      },
    },
    (req, reply) => sendTableExport(reply, { ...roundExport, format: req.query.format, rows: rounds.exportRows(req.actor, req.query) }),
  );
  app.post(
    '/rounds',
    { config: { access: ['admin'] }, schema: { tags, summary: 'Open a round', body: RoundCreateBody, response: { 201: Round } } },
    async (req, reply) => reply.status(201).send(await rounds.create(req.actor, req.auditActor, req.body)),
  );
  app.post(
    '/rounds/defaults',
    {
      config: { access: ['admin'] },
      schema: { tags, summary: 'Open the two rounds of Art. 5 for a year (idempotent)', body: DefaultRoundsBody, response: { 200: z.array(Round) } },
    },
    (req) => rounds.createDefaults(req.actor, req.auditActor, req.body.year, req.body.level),
  );
  app.put('/rounds/:id', { config: { access: ['admin'] }, schema: { tags, params: IdParams, body: RoundUpdateBody, response: { 200: Round } } }, (req) =>
    rounds.update(req.actor, req.auditActor, req.params.id, req.body),
  );
};
