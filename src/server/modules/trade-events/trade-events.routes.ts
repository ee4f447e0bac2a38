import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams, OkResponse } from '../../../contracts/common.js';
import { ExportFileResponse } from '../../../contracts/exports.js';
import {
  PhotoSizeQuery,
  TradeEvent,
  TradeEventExportQuery,
  TradeEventInput,
  TradeEventList,
  TradeEventListQuery,
  TradeEventPhotoParams,
} from '../../../contracts/market.js';
import { invalid } from '../../../domain/errors.js';
import { sendTableExport } from '../../lib/table-export.js';
import { tradeEventExport } from './trade-events.export.js';
import type { TradeEventsService } from './trade-events.service.js';

const tags = ['Thị trường / Market'];
/** The office and the commune officers keep events; the policies narrow each to its records. */
const KEEPERS = ['admin', 'officer'] as const;

export const tradeEventsRoutes: FastifyPluginAsyncZod<{ tradeEvents: TradeEventsService }> = async (app, { tradeEvents }) => {
  app.get(
    '/trade-events',
    {
      config: { access: KEEPERS },
      schema: { tags, summary: 'Trade events of the province, newest first', querystring: TradeEventListQuery, response: { 200: TradeEventList } },
    },
    (req) => tradeEvents.list(req.actor, req.query),
  );
  app.get(
    '/trade-events/export',
    {
      config: { access: KEEPERS },
      schema: {
        tags,
        summary: 'Export the list (XLSX or CSV): every event matching the list’s filters',
        querystring: TradeEventExportQuery,
        response: { 200: ExportFileResponse },
      },
    },
    (req, reply) => sendTableExport(reply, { ...tradeEventExport, format: req.query.format, rows: tradeEvents.exportRows(req.actor, req.query) }),
  );
  app.post(
    '/trade-events',
    { config: { access: KEEPERS }, schema: { tags, summary: 'Record an event with its participants', body: TradeEventInput, response: { 201: TradeEvent } } },
    async (req, reply) => reply.status(201).send(await tradeEvents.create(req.actor, req.auditActor, req.body)),
  );
  app.get('/trade-events/:id', { config: { access: KEEPERS }, schema: { tags, params: IdParams, response: { 200: TradeEvent } } }, (req) =>
    tradeEvents.get(req.actor, req.params.id),
  );
  app.put(
    '/trade-events/:id',
    {
      config: { access: KEEPERS },
      schema: {
        tags,
        summary: 'Change an event; its participants are replaced as a whole',
        params: IdParams,
        body: TradeEventInput,
        response: { 200: TradeEvent },
      },
    },
    (req) => tradeEvents.update(req.actor, req.auditActor, req.params.id, req.body),
  );
  app.delete('/trade-events/:id', { config: { access: KEEPERS }, schema: { tags, params: IdParams, response: { 200: OkResponse } } }, async (req) => {
    await tradeEvents.remove(req.actor, req.auditActor, req.params.id);
    return { ok: true as const };
  });

  app.post(
    '/trade-events/:id/photos',
    {
      config: { access: KEEPERS },
      schema: {
        tags,
        summary: 'Upload a photo of the event (multipart field "file"; JPEG, PNG or WebP)',
        params: IdParams,
        consumes: ['multipart/form-data'],
        response: { 201: TradeEvent },
      },
    },
    async (req, reply) => {
      const file = await req.file();
      if (!file)
        throw invalid('file_required', { vi: 'Chưa chọn tệp ảnh.', en: 'No file was sent.' }, { file: { vi: 'Chưa chọn tệp ảnh.', en: 'No file was sent.' } });
      const data = await file.toBuffer();
      return reply.status(201).send(await tradeEvents.addPhoto(req.actor, req.auditActor, req.params.id, data));
    },
  );
  app.get(
    '/trade-events/:id/photos/:photoId',
    {
      config: { access: KEEPERS },
      schema: { tags, summary: 'A photo of the event, or its thumbnail', params: TradeEventPhotoParams, querystring: PhotoSizeQuery },
    },
    async (req, reply) => {
      const { data, mimeType } = await tradeEvents.photoFile(req.actor, req.params.id, req.params.photoId, req.query.size);
      return reply.header('content-type', mimeType).header('cache-control', 'private, max-age=86400').send(data);
    },
  );
  app.delete(
    '/trade-events/:id/photos/:photoId',
    { config: { access: KEEPERS }, schema: { tags, params: TradeEventPhotoParams, response: { 200: TradeEvent } } },
    (req) => tradeEvents.removePhoto(req.actor, req.auditActor, req.params.id, req.params.photoId),
  );
};
