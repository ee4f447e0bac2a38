import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams, OkResponse } from '../../../contracts/common.js';
import { ExportFileResponse, ProductExportQuery } from '../../../contracts/exports.js';
import { AuditList, PhotoParams, Product, ProductInput, ProductList, ProductListQuery, ProductUpdate } from '../../../contracts/registry.js';
import { invalid } from '../../../domain/errors.js';
import { sendTableExport } from '../../lib/table-export.js';
import { productExport } from './products.export.js';
import type { ProductsService } from './products.service.js';

const REGISTRY_USERS = ['admin', 'officer', 'producer'] as const;
const tags = ['Sản phẩm / Products'];

export const productsRoutes: FastifyPluginAsyncZod<{ products: ProductsService }> = async (app, { products }) => {
  app.get('/products', { config: { access: REGISTRY_USERS }, schema: { tags, querystring: ProductListQuery, response: { 200: ProductList } } }, (req) =>
    products.list(req.actor, req.query),
  );
  app.get(
    '/products/export',
    {
      config: { access: REGISTRY_USERS },
      schema: {
        tags,
        summary: 'Export the list (XLSX or CSV): every product matching the list’s filters',
        querystring: ProductExportQuery,
        response: { 200: ExportFileResponse },
      },
    },
    (req, reply) => sendTableExport(reply, { ...productExport, format: req.query.format, rows: products.exportRows(req.actor, req.query) }),
  );
  app.post(
    '/products',
    {
      config: { access: REGISTRY_USERS },
      schema: { tags, summary: 'Register a product (its OCOP code is generated)', body: ProductInput, response: { 201: Product } },
    },
    async (req, reply) => reply.status(201).send(await products.create(req.actor, req.auditActor, req.body)),
  );
  app.get('/products/:id', { config: { access: REGISTRY_USERS }, schema: { tags, params: IdParams, response: { 200: Product } } }, (req) =>
    products.get(req.actor, req.params.id),
  );
  app.put('/products/:id', { config: { access: REGISTRY_USERS }, schema: { tags, params: IdParams, body: ProductUpdate, response: { 200: Product } } }, (req) =>
    products.update(req.actor, req.auditActor, req.params.id, req.body),
  );
  app.delete('/products/:id', { config: { access: ['admin', 'officer'] }, schema: { tags, params: IdParams, response: { 200: OkResponse } } }, async (req) => {
    await products.remove(req.actor, req.auditActor, req.params.id);
    return { ok: true as const };
  });
  app.get('/products/:id/history', { config: { access: ['admin'] }, schema: { tags, params: IdParams, response: { 200: AuditList } } }, async (req) => ({
    items: await products.history(req.actor, req.params.id),
  }));

  app.post(
    '/products/:id/photos',
    {
      config: { access: REGISTRY_USERS },
      schema: {
        tags,
        summary: 'Upload a photo (multipart field "file"; JPEG, PNG or WebP)',
        params: IdParams,
        consumes: ['multipart/form-data'],
        response: { 201: Product },
      },
    },
    async (req, reply) => {
      const file = await req.file();
      if (!file)
        throw invalid('file_required', { vi: 'Chưa chọn tệp ảnh.', en: 'No file was sent.' }, { file: { vi: 'Chưa chọn tệp ảnh.', en: 'No file was sent.' } });
      const data = await file.toBuffer();
      return reply.status(201).send(await products.addPhoto(req.actor, req.auditActor, req.params.id, data));
    },
  );
  app.get(
    '/products/:id/photos/:photoId',
    { config: { access: REGISTRY_USERS }, schema: { tags, params: PhotoParams, querystring: z.object({ size: z.enum(['full', 'thumb']).default('full') }) } },
    async (req, reply) => {
      const { data, mimeType } = await products.photoFile(req.actor, req.params.id, req.params.photoId, req.query.size);
      return reply.header('content-type', mimeType).header('cache-control', 'private, max-age=86400').send(data);
    },
  );
  app.delete(
    '/products/:id/photos/:photoId',
    { config: { access: REGISTRY_USERS }, schema: { tags, params: PhotoParams, response: { 200: Product } } },
    (req) => products.removePhoto(req.actor, req.auditActor, req.params.id, req.params.photoId),
  );
};
