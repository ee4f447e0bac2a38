import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams, OkResponse } from '../../../contracts/common.js';
import { ExportFileResponse } from '../../../contracts/exports.js';
import { TrainingCourse, TrainingCourseInput, TrainingExportQuery, TrainingList, TrainingListQuery } from '../../../contracts/programme.js';
import { sendTableExport } from '../../lib/table-export.js';
import { trainingExport } from './training.export.js';
import type { TrainingService } from './training.service.js';

const tags = ['Hoạt động chương trình / Programme'];
const READERS = ['admin', 'officer', 'producer'] as const;
const EDITORS = ['admin', 'officer'] as const;

export const trainingRoutes: FastifyPluginAsyncZod<{ training: TrainingService }> = async (app, { training }) => {
  app.get(
    '/training',
    {
      config: { access: READERS },
      schema: {
        tags,
        summary: 'Training courses (the province’s; a producer’s: those it attended)',
        querystring: TrainingListQuery,
        response: { 200: TrainingList },
      },
    },
    (req) => training.list(req.actor, req.query),
  );
  app.get(
    '/training/export',
    {
      config: { access: READERS },
      schema: {
        tags,
        summary: 'Export the list (XLSX or CSV): every course matching the list’s filters',
        querystring: TrainingExportQuery,
        response: { 200: ExportFileResponse },
      },
    },
    (req, reply) => sendTableExport(reply, { ...trainingExport, format: req.query.format, rows: training.exportRows(req.actor, req.query) }),
  );
  app.post(
    '/training',
    {
      config: { access: EDITORS },
      schema: { tags, summary: 'Record a training course and its attendees', body: TrainingCourseInput, response: { 201: TrainingCourse } },
    },
    async (req, reply) => reply.status(201).send(await training.create(req.actor, req.auditActor, req.body)),
  );
  app.get(
    '/training/:id',
    {
      config: { access: READERS },
      schema: { tags, summary: 'A course with the attendees the caller may see', params: IdParams, response: { 200: TrainingCourse } },
    },
    (req) => training.get(req.actor, req.params.id),
  );
  app.put(
    '/training/:id',
    {
      config: { access: EDITORS },
      schema: { tags, summary: 'Change a course; its attendees are replaced', params: IdParams, body: TrainingCourseInput, response: { 200: TrainingCourse } },
    },
    (req) => training.update(req.actor, req.auditActor, req.params.id, req.body),
  );
  app.delete('/training/:id', { config: { access: EDITORS }, schema: { tags, params: IdParams, response: { 200: OkResponse } } }, async (req) => {
    await training.remove(req.actor, req.auditActor, req.params.id);
    return { ok: true as const };
  });
};
