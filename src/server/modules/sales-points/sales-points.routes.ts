import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams, OkResponse } from '../../../contracts/common.js';
import { ExportFileResponse } from '../../../contracts/exports.js';
import {
  CarriedProduct,
  CarriedProductsInput,
  ConsentInput,
  ProductSalesPoints,
  SalesPoint,
  SalesPointExportQuery,
  SalesPointInput,
  SalesPointList,
  SalesPointListQuery,
  SalesPointProductParams,
} from '../../../contracts/market.js';
import { sendTableExport } from '../../lib/table-export.js';
import { salesPointExport } from './sales-points.export.js';
import type { SalesPointsService } from './sales-points.service.js';

const tags = ['Thị trường / Market'];
/** The office and the commune officers keep sales points; the policies narrow each to its records. */
const KEEPERS = ['admin', 'officer'] as const;
/** A producer answers the consent of the points that carry its products. */
const WITH_PRODUCERS = ['admin', 'officer', 'producer'] as const;

export const salesPointsRoutes: FastifyPluginAsyncZod<{ salesPoints: SalesPointsService }> = async (app, { salesPoints }) => {
  app.get(
    '/sales-points',
    {
      config: { access: KEEPERS },
      schema: {
        tags,
        summary: 'Sales points of the province, in Vietnamese order of their names',
        querystring: SalesPointListQuery,
        response: { 200: SalesPointList },
      },
    },
    (req) => salesPoints.list(req.actor, req.query),
  );
  app.get(
    '/sales-points/export',
    {
      config: { access: KEEPERS },
      schema: {
        tags,
        summary: 'Export the list (XLSX or CSV): every sales point matching the list’s filters',
        querystring: SalesPointExportQuery,
        response: { 200: ExportFileResponse },
      },
    },
    async (req, reply) => sendTableExport(reply, { ...salesPointExport, format: req.query.format, rows: await salesPoints.exportRows(req.actor, req.query) }),
  );
  app.post(
    '/sales-points',
    { config: { access: KEEPERS }, schema: { tags, summary: 'Record a sales point', body: SalesPointInput, response: { 201: SalesPoint } } },
    async (req, reply) => reply.status(201).send(await salesPoints.create(req.actor, req.auditActor, req.body)),
  );
  app.get(
    '/sales-points/:id',
    { config: { access: KEEPERS }, schema: { tags, summary: 'A sales point with the products it carries', params: IdParams, response: { 200: SalesPoint } } },
    (req) => salesPoints.get(req.actor, req.params.id),
  );
  app.put(
    '/sales-points/:id',
    { config: { access: KEEPERS }, schema: { tags, params: IdParams, body: SalesPointInput, response: { 200: SalesPoint } } },
    (req) => salesPoints.update(req.actor, req.auditActor, req.params.id, req.body),
  );
  app.delete('/sales-points/:id', { config: { access: KEEPERS }, schema: { tags, params: IdParams, response: { 200: OkResponse } } }, async (req) => {
    await salesPoints.remove(req.actor, req.auditActor, req.params.id);
    return { ok: true as const };
  });
  app.post(
    '/sales-points/:id/products',
    {
      config: { access: KEEPERS },
      schema: {
        tags,
        summary: 'Add products to a sales point (each waits for its producer’s consent)',
        params: IdParams,
        body: CarriedProductsInput,
        response: { 200: SalesPoint },
      },
    },
    (req) => salesPoints.addProducts(req.actor, req.auditActor, req.params.id, req.body),
  );
  app.delete(
    '/sales-points/:id/products/:productId',
    {
      config: { access: KEEPERS },
      schema: { tags, summary: 'Take a product off a sales point', params: SalesPointProductParams, response: { 200: SalesPoint } },
    },
    (req) => salesPoints.removeProduct(req.actor, req.auditActor, req.params.id, req.params.productId),
  );
  app.put(
    '/sales-points/:id/products/:productId/consent',
    {
      config: { access: WITH_PRODUCERS },
      schema: {
        tags,
        summary: 'The producer’s consent to be carried: its own answer (dated today), or a signed paper recorded by the office or the commune’s officer',
        params: SalesPointProductParams,
        body: ConsentInput,
        response: { 200: CarriedProduct },
      },
    },
    (req) => salesPoints.answerConsent(req.actor, req.auditActor, req.params.id, req.params.productId, req.body),
  );
  app.get(
    '/products/:id/sales-points',
    {
      config: { access: WITH_PRODUCERS },
      schema: {
        tags,
        summary: 'The sales points that carry a product, with its producer’s consent at each',
        params: IdParams,
        response: { 200: ProductSalesPoints },
      },
    },
    (req) => salesPoints.ofProduct(req.actor, req.params.id),
  );
};
