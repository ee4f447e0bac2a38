import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams } from '../../../contracts/common.js';
import { ImportJob, ImportUploadQuery, ProblemsFileQuery } from '../../../contracts/imports.js';
import { sendFile } from '../../lib/http-files.js';
import type { ImportLimits, ImportsService, UploadedFile } from './imports.service.js';
import { buildImportTemplate } from './template.js';

const tags = ['Nhập dữ liệu / Import'];
const OFFICE = ['admin'] as const;
/** At most one file per sheet, plus room for a split one. */
const MAX_FILES = 6;

/** Bringing the province's existing records in from Excel or CSV: template, upload and check, commit. */
export const importsRoutes: FastifyPluginAsyncZod<{ imports: ImportsService; limits: ImportLimits }> = async (app, { imports, limits }) => {
  app.get(
    '/imports/template',
    { config: { access: OFFICE }, schema: { tags, summary: 'The template workbook (Chủ thể, Sản phẩm, Kết quả đánh giá, Hướng dẫn)' } },
    async (_req, reply) =>
      reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header(
          'content-disposition',
          `attachment; filename="mau-nhap-du-lieu-ocop.xlsx"; filename*=UTF-8''m%E1%BA%ABu-nh%E1%BA%ADp-d%E1%BB%AF-li%E1%BB%87u-ocop.xlsx`,
        )
        .send(await buildImportTemplate()),
  );

  app.get(
    '/imports',
    { config: { access: OFFICE }, schema: { tags, summary: 'Recent imports of the province', response: { 200: z.array(ImportJob) } } },
    (req) => imports.list(req.actor),
  );

  app.post(
    '/imports',
    {
      config: { access: OFFICE },
      schema: {
        tags,
        summary: 'Upload one or more XLSX/CSV files (multipart field "files"); checking runs in the background — poll the job',
        consumes: ['multipart/form-data'],
        querystring: ImportUploadQuery,
        response: { 202: ImportJob },
      },
    },
    async (req, reply) => {
      const files: UploadedFile[] = [];
      for await (const part of req.files({ limits: { fileSize: limits.maxBytes, files: MAX_FILES } }))
        files.push({ name: part.filename, data: await part.toBuffer() });
      return reply.status(202).send(await imports.upload(req.actor, files, req.query.sheet));
    },
  );

  app.get('/imports/:id', { config: { access: OFFICE }, schema: { tags, params: IdParams, response: { 200: ImportJob } } }, (req) =>
    imports.get(req.actor, req.params.id),
  );

  app.get(
    '/imports/:id/problems.xlsx',
    {
      config: { access: OFFICE },
      schema: {
        tags,
        summary: 'The uploaded workbook with its problems: a column "Lỗi cần sửa" on each sheet, the cells at fault filled red with a comment',
        params: IdParams,
        querystring: ProblemsFileQuery,
      },
    },
    async (req, reply) => {
      const file = await imports.problemsFile(req.actor, req.params.id, req.query.file);
      return sendFile(reply, { data: file.data, filename: file.name, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
    },
  );

  app.post(
    '/imports/:id/commit',
    {
      config: { access: OFFICE },
      schema: {
        tags,
        summary: 'Write a checked import (in batches, in the background — poll the job); again to finish one that failed or was interrupted',
        params: IdParams,
        response: { 202: ImportJob },
      },
    },
    async (req, reply) => reply.status(202).send(await imports.commit(req.actor, req.auditActor, req.params.id)),
  );
};
