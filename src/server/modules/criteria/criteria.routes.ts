import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CriteriaSetDetail, CriteriaSetParams, CriteriaVersionSummary } from '../../../contracts/criteria.js';
import type { CriteriaService } from './criteria.service.js';

const tags = ['Bộ tiêu chí / Criteria'];

export const criteriaRoutes: FastifyPluginAsyncZod<{ criteria: CriteriaService }> = async (app, { criteria }) => {
  app.get(
    '/criteria',
    { config: { access: 'public' }, schema: { tags, summary: 'Criteria versions and their sets', response: { 200: z.array(CriteriaVersionSummary) } } },
    () => criteria.list(),
  );
  app.get(
    '/criteria/:version/:set',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'One criteria set in full (version by legal basis, URL-encoded, or slug; set by number or code)',
        params: CriteriaSetParams,
        response: { 200: CriteriaSetDetail },
      },
    },
    (req) => criteria.getSet(req.params.version, req.params.set),
  );
  app.post(
    '/criteria',
    {
      config: { access: ['admin'] },
      bodyLimit: 5 * 1024 * 1024,
      schema: {
        tags,
        summary: 'Import a criteria version (JSON in the shape of data/criteria), after validation',
        body: z.unknown(),
        response: { 201: CriteriaVersionSummary },
      },
    },
    async (req, reply) => reply.status(201).send(await criteria.import(req.actor, req.auditActor, req.body)),
  );
};
