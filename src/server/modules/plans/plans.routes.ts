import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Plan, PlanBody, PlanSummary, YearParams } from '../../../contracts/plans.js';
import type { PlansService } from './plans.service.js';

const tags = ['Kế hoạch / Plans'];
const READERS = ['admin', 'officer'] as const;

export const plansRoutes: FastifyPluginAsyncZod<{ plans: PlansService }> = async (app, { plans }) => {
  app.get('/plans', { config: { access: READERS }, schema: { tags, response: { 200: z.array(PlanSummary) } } }, (req) => plans.list(req.actor));
  app.get('/plans/:year', { config: { access: READERS }, schema: { tags, params: YearParams, response: { 200: Plan } } }, (req) =>
    plans.get(req.actor, req.params.year),
  );
  app.put(
    '/plans/:year',
    {
      config: { access: ['admin'] },
      schema: {
        tags,
        summary: 'Create or replace the plan of a year (send the version read; 409 when stale)',
        params: YearParams,
        body: PlanBody,
        response: { 200: Plan },
      },
    },
    (req) => plans.save(req.actor, req.auditActor, req.params.year, req.body),
  );
};
