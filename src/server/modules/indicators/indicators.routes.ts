import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Dashboard, DashboardQuery, IndicatorDefinition, IndicatorQuery, IndicatorValues } from '../../../contracts/indicators.js';
import { NationalFigures, NationalQuery } from '../../../contracts/national.js';
import { Funnel, FunnelQuery } from '../../../contracts/programme.js';
import { INDICATORS } from '../../../domain/indicators/index.js';
import type { IndicatorsService } from './indicators.service.js';
import { keptSerializerCompiler } from '../../lib/kept-serializer.js';

const tags = ['Chỉ tiêu / Indicators'];
const PROGRAMME = ['admin', 'officer'] as const;

export const indicatorsRoutes: FastifyPluginAsyncZod<{ indicators: IndicatorsService }> = async (app, { indicators }) => {
  app.get(
    '/indicators',
    { config: { access: 'authenticated' }, schema: { tags, summary: 'The indicator catalogue', response: { 200: z.array(IndicatorDefinition) } } },
    () => INDICATORS.map((i) => ({ ...i, breakdown: i.breakdown ?? null })),
  );
  app.get(
    '/indicators/values',
    {
      config: { access: PROGRAMME },
      schema: {
        tags,
        summary: 'Every indicator for a year, for the caller’s area or one commune of it',
        querystring: IndicatorQuery,
        response: { 200: IndicatorValues },
      },
    },
    (req) => indicators.values(req.actor, req.query.year, req.query.communeCode),
  );
  app.get(
    '/indicators/funnel',
    {
      config: { access: PROGRAMME },
      schema: {
        tags,
        summary:
          'The ideas received in a year and how far they went (accepted, business plan, evaluated, recognised), for the caller’s area or one commune of it',
        querystring: FunnelQuery,
        response: { 200: Funnel },
      },
    },
    (req) => indicators.funnelFor(req.actor, req.query.year, req.query.communeCode),
  );
  app.get(
    '/indicators/national',
    {
      // The ministry's office only (seesNationalFigures): a province's office is refused by the service.
      config: { access: ['admin'] },
      schema: {
        tags,
        summary:
          'The national view (ministry only): per province and for the country, the year’s evaluated and recognised products, certificates and certified producers in force today, dossiers of the current round',
        description:
          'Read from counts the database keeps current on every write of results, decisions, certificates and dossiers (two small statements). `year` defaults to this year in Vietnam; certificates and producers are counted on today’s date (`asOf`). 403 for any account but the ministry’s OCOP office.',
        querystring: NationalQuery,
        response: { 200: NationalFigures },
      },
      serializerCompiler: keptSerializerCompiler,
    },
    (req) => indicators.national.figures(req.actor, req.query.year),
  );
  app.get(
    '/dashboard',
    {
      config: { access: PROGRAMME },
      schema: { tags, summary: 'Everything the dashboard draws for a year', querystring: DashboardQuery, response: { 200: Dashboard } },
      // The answer is kept until the records change, and so is its JSON.
      serializerCompiler: keptSerializerCompiler,
    },
    (req) => indicators.dashboard(req.actor, req.query.year),
  );
};
