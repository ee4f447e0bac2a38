import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppInfo, Commune, CommuneListQuery, CriteriaSetSummary, Province, ProvinceCodeParams } from '../../../contracts/reference.js';
import type { AppConfig } from '../../config.js';
import type { Db } from '../../db/client.js';
import { createReferenceService } from './reference.service.js';

const tags = ['Danh mục / Reference data'];

/** Public reference data: administrative units (Decision 19/2025/QĐ-TTg) and the criteria-set catalogue. */
export const referenceRoutes: FastifyPluginAsyncZod<{ db: Db; config: AppConfig; version: string }> = async (app, { db, config, version }) => {
  const reference = createReferenceService(db, config, version);

  app.get('/info', { config: { access: 'public' }, schema: { tags, summary: 'Deployment facts the web app needs', response: { 200: AppInfo } } }, () =>
    reference.info(),
  );

  app.get('/provinces', { config: { access: 'public' }, schema: { tags, response: { 200: z.array(Province) } } }, () => reference.provinces());

  app.get(
    '/provinces/:code/communes',
    {
      config: { access: 'public' },
      schema: { tags, params: ProvinceCodeParams, querystring: CommuneListQuery.omit({ province: true }), response: { 200: z.array(Commune) } },
    },
    (req) => reference.communes(req.params.code, req.query.q),
  );

  app.get(
    '/provinces/:code/communes/outlines',
    {
      config: { access: 'public' },
      schema: { tags, summary: 'Outlines of the communes of a province (GeoJSON FeatureCollection, where shipped)', params: ProvinceCodeParams },
    },
    async (req, reply) => {
      const body = await reference.outlines(req.params.code);
      reply.header('cache-control', 'public, max-age=86400').header('vary', 'accept-encoding').type('application/geo+json');
      if (/\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) return reply.header('content-encoding', 'gzip').send(body.gzip);
      return reply.send(body.json);
    },
  );

  app.get(
    '/criteria-sets',
    {
      config: { access: 'public' },
      schema: { tags, summary: 'Criteria sets (bộ sản phẩm) of the current decision', response: { 200: z.array(CriteriaSetSummary) } },
    },
    () => reference.criteriaSets(),
  );
};
