import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams, OkResponse } from '../../../contracts/common.js';
import { ExportFileResponse } from '../../../contracts/exports.js';
import {
  BusinessPlan,
  BusinessPlanExportQuery,
  BusinessPlanInput,
  BusinessPlanList,
  BusinessPlanListQuery,
  IdeaExportQuery,
  IdeaList,
  IdeaListQuery,
  IdeaScreeningInput,
  ProductIdea,
  ProductIdeaInput,
} from '../../../contracts/programme.js';
import { sendTableExport } from '../../lib/table-export.js';
import { businessPlanExport, ideaExport } from './ideas.export.js';
import type { IdeasService } from './ideas.service.js';

const tags = ['Hoạt động chương trình / Programme'];
const READERS = ['admin', 'officer', 'producer'] as const;
const EDITORS = ['admin', 'officer'] as const;

export const ideasRoutes: FastifyPluginAsyncZod<{ ideas: IdeasService }> = async (app, { ideas }) => {
  app.get(
    '/ideas',
    {
      config: { access: READERS },
      schema: {
        tags,
        summary: 'Product ideas in the caller’s scope (office: province; officer: their communes; producer: its own)',
        querystring: IdeaListQuery,
        response: { 200: IdeaList },
      },
    },
    (req) => ideas.list(req.actor, req.query),
  );
  app.get(
    '/ideas/export',
    {
      config: { access: READERS },
      schema: {
        tags,
        summary: 'Export the list (XLSX or CSV): every idea matching the list’s filters',
        querystring: IdeaExportQuery,
        response: { 200: ExportFileResponse },
      },
    },
    (req, reply) => sendTableExport(reply, { ...ideaExport, format: req.query.format, rows: ideas.exportRows(req.actor, req.query) }),
  );
  app.post(
    '/ideas',
    {
      config: { access: EDITORS },
      schema: { tags, summary: 'Record a product idea received by a commune', body: ProductIdeaInput, response: { 201: ProductIdea } },
    },
    async (req, reply) => reply.status(201).send(await ideas.create(req.actor, req.auditActor, req.body)),
  );
  app.get(
    '/ideas/:id',
    { config: { access: READERS }, schema: { tags, summary: 'An idea with its business plans', params: IdParams, response: { 200: ProductIdea } } },
    (req) => ideas.get(req.actor, req.params.id),
  );
  app.put('/ideas/:id', { config: { access: EDITORS }, schema: { tags, params: IdParams, body: ProductIdeaInput, response: { 200: ProductIdea } } }, (req) =>
    ideas.update(req.actor, req.auditActor, req.params.id, req.body),
  );
  app.delete(
    '/ideas/:id',
    { config: { access: EDITORS }, schema: { tags, summary: 'Remove an idea that has no business plan', params: IdParams, response: { 200: OkResponse } } },
    async (req) => {
      await ideas.remove(req.actor, req.auditActor, req.params.id);
      return { ok: true as const };
    },
  );
  app.post(
    '/ideas/:id/screening',
    {
      config: { access: EDITORS },
      schema: {
        tags,
        summary: 'Record the commune’s screening: accepted, returned with advice, or rejected',
        params: IdParams,
        body: IdeaScreeningInput,
        response: { 200: ProductIdea },
      },
    },
    (req) => ideas.screen(req.actor, req.auditActor, req.params.id, req.body),
  );
  app.post(
    '/ideas/:id/plans',
    {
      config: { access: EDITORS },
      schema: { tags, summary: 'Add a business plan to an accepted idea', params: IdParams, body: BusinessPlanInput, response: { 201: BusinessPlan } },
    },
    async (req, reply) => reply.status(201).send(await ideas.addPlan(req.actor, req.auditActor, req.params.id, req.body)),
  );
  app.get(
    '/business-plans',
    {
      config: { access: READERS },
      schema: {
        tags,
        summary: 'Business plans of the ideas in the caller’s scope (office: province; officer: their communes; producer: its own)',
        querystring: BusinessPlanListQuery,
        response: { 200: BusinessPlanList },
      },
    },
    (req) => ideas.listPlans(req.actor, req.query),
  );
  app.get(
    '/business-plans/export',
    {
      config: { access: READERS },
      schema: {
        tags,
        summary: 'Export the business plans (XLSX or CSV): every plan matching the list’s filters',
        querystring: BusinessPlanExportQuery,
        response: { 200: ExportFileResponse },
      },
    },
    (req, reply) => sendTableExport(reply, { ...businessPlanExport, format: req.query.format, rows: ideas.exportPlans(req.actor, req.query) }),
  );
  app.put(
    '/business-plans/:id',
    { config: { access: EDITORS }, schema: { tags, params: IdParams, body: BusinessPlanInput, response: { 200: BusinessPlan } } },
    (req) => ideas.updatePlan(req.actor, req.auditActor, req.params.id, req.body),
  );
  app.delete(
    '/business-plans/:id',
    { config: { access: EDITORS }, schema: { tags, summary: 'Remove a business plan no grant names', params: IdParams, response: { 200: OkResponse } } },
    async (req) => {
      await ideas.removePlan(req.actor, req.auditActor, req.params.id);
      return { ok: true as const };
    },
  );
};
