import fs from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { asc, eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppInfo, Commune, CommuneListQuery, CriteriaSetSummary, Province, ProvinceCodeParams } from '../../../contracts/reference.js';
import { notFound } from '../../../domain/errors.js';
import { foldVietnamese } from '../../../domain/text/vietnamese.js';
import { PACKAGE_ROOT, type AppConfig } from '../../config.js';
import type { Db } from '../../db/client.js';
import { communes, criteriaSets, provinces } from '../../db/schema/index.js';
import { CURRENT_CRITERIA_BASIS } from '../../db/seed/reference.js';

const tags = ['Danh mục / Reference data'];
const communeColumns = {
  code: communes.code,
  provinceCode: communes.provinceCode,
  name: communes.name,
  nameEn: communes.nameEn,
  fullName: communes.fullName,
  fullNameEn: communes.fullNameEn,
};
const provinceColumns = {
  code: provinces.code,
  name: provinces.name,
  nameEn: provinces.nameEn,
  fullName: provinces.fullName,
  fullNameEn: provinces.fullNameEn,
};

/** Public reference data: administrative units (Decision 19/2025/QĐ-TTg) and the criteria-set catalogue. */
export const referenceRoutes: FastifyPluginAsyncZod<{ db: Db; config: AppConfig; version: string }> = async (app, { db, config, version }) => {
  app.get('/info', { config: { access: 'public' }, schema: { tags, summary: 'Deployment facts the web app needs', response: { 200: AppInfo } } }, async () => {
    const province = (await db.select().from(provinces).where(eq(provinces.code, config.provinceCode)).limit(1))[0];
    return {
      provinceCode: config.provinceCode,
      provinceName: province?.fullName ?? config.provinceCode,
      currentCriteriaBasis: CURRENT_CRITERIA_BASIS,
      version,
    };
  });

  app.get('/provinces', { config: { access: 'public' }, schema: { tags, response: { 200: z.array(Province) } } }, () =>
    db.select(provinceColumns).from(provinces).orderBy(asc(provinces.sortKey)),
  );

  app.get(
    '/provinces/:code/communes',
    {
      config: { access: 'public' },
      schema: { tags, params: ProvinceCodeParams, querystring: CommuneListQuery.omit({ province: true }), response: { 200: z.array(Commune) } },
    },
    async (req) => {
      const rows = await db.select(communeColumns).from(communes).where(eq(communes.provinceCode, req.params.code)).orderBy(asc(communes.sortKey));
      if (!rows.length) throw notFound({ vi: 'tỉnh/thành phố', en: 'province' });
      const q = req.query.q ? foldVietnamese(req.query.q) : '';
      return q ? rows.filter((r) => foldVietnamese(r.name).includes(q) || r.code === req.query.q) : rows;
    },
  );

  /** Per province: the collection as JSON and gzipped once (a province's outlines are megabytes). */
  const outlines = new Map<string, Promise<{ json: Buffer; gzip: Buffer }>>();
  app.get(
    '/provinces/:code/communes/outlines',
    {
      config: { access: 'public' },
      schema: { tags, summary: 'Outlines of the communes of a province (GeoJSON FeatureCollection, where shipped)', params: ProvinceCodeParams },
    },
    async (req, reply) => {
      const rows = await db.select({ code: communes.code, name: communes.name }).from(communes).where(eq(communes.provinceCode, req.params.code));
      if (!rows.length) throw notFound({ vi: 'tỉnh/thành phố', en: 'province' });
      if (!outlines.has(req.params.code))
        outlines.set(
          req.params.code,
          loadCommuneOutlines(new Map(rows.map((r) => [r.code, r.name]))).then((collection) => {
            const json = Buffer.from(JSON.stringify(collection));
            return { json, gzip: gzipSync(json, { level: 9 }) };
          }),
        );
      const body = await outlines.get(req.params.code)!;
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
    () => db.select().from(criteriaSets).where(eq(criteriaSets.legalBasis, CURRENT_CRITERIA_BASIS)).orderBy(asc(criteriaSets.number)),
  );
};

type CommuneOutlines = {
  type: 'FeatureCollection';
  features: { type: 'Feature'; id: string; properties: { code: string; name: string }; geometry: unknown }[];
};

/**
 * The shipped commune outlines (data/geo/<province>-wards/<code>_<name>.geojson) of the given communes,
 * merged into one collection; empty for provinces whose outlines are not shipped yet.
 */
async function loadCommuneOutlines(names: Map<string, string>): Promise<CommuneOutlines> {
  const root = path.join(PACKAGE_ROOT, 'data/geo');
  const folders = (await fs.readdir(root, { withFileTypes: true })).filter((d) => d.isDirectory() && d.name.endsWith('-wards'));
  const features: CommuneOutlines['features'] = [];
  for (const folder of folders) {
    for (const file of await fs.readdir(path.join(root, folder.name))) {
      const code = /^(\d{5})_/.exec(file)?.[1];
      if (!code || !names.has(code)) continue;
      const collection = JSON.parse(await fs.readFile(path.join(root, folder.name, file), 'utf8')) as { features: { geometry: unknown }[] };
      for (const f of collection.features) features.push({ type: 'Feature', id: code, properties: { code, name: names.get(code)! }, geometry: f.geometry });
    }
  }
  return { type: 'FeatureCollection', features };
}
