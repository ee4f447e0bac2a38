import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams, OkResponse } from '../../../contracts/common.js';
import { ExportFileResponse } from '../../../contracts/exports.js';
import {
  SupportGrant,
  SupportGrantExportQuery,
  SupportGrantInput,
  SupportGrantList,
  SupportGrantListQuery,
  SupportPolicy,
  SupportPolicyExportQuery,
  SupportPolicyInput,
  SupportPolicyList,
  SupportPolicyListQuery,
} from '../../../contracts/programme.js';
import { sendTableExport } from '../../lib/table-export.js';
import { grantExport, policyExport } from './support.export.js';
import type { SupportService } from './support.service.js';

const tags = ['Hoạt động chương trình / Programme'];
/** Money decisions are the office's; the province's officers read them; a producer reads its own grants. */
const OFFICE = ['admin'] as const;
const POLICY_READERS = ['admin', 'officer'] as const;
const GRANT_READERS = ['admin', 'officer', 'producer'] as const;

export const supportRoutes: FastifyPluginAsyncZod<{ support: SupportService }> = async (app, { support }) => {
  app.get(
    '/support/policies',
    {
      config: { access: POLICY_READERS },
      schema: {
        tags,
        summary: 'The province’s support policies, with what their grants commit',
        querystring: SupportPolicyListQuery,
        response: { 200: SupportPolicyList },
      },
    },
    (req) => support.listPolicies(req.actor, req.query),
  );
  app.get(
    '/support/policies/export',
    {
      config: { access: POLICY_READERS },
      schema: {
        tags,
        summary: 'Export the list (XLSX or CSV): every policy matching the list’s filters',
        querystring: SupportPolicyExportQuery,
        response: { 200: ExportFileResponse },
      },
    },
    (req, reply) => sendTableExport(reply, { ...policyExport, format: req.query.format, rows: support.exportPolicies(req.actor, req.query) }),
  );
  app.post(
    '/support/policies',
    { config: { access: OFFICE }, schema: { tags, summary: 'Record a support policy of a year', body: SupportPolicyInput, response: { 201: SupportPolicy } } },
    async (req, reply) => reply.status(201).send(await support.createPolicy(req.actor, req.auditActor, req.body)),
  );
  app.get('/support/policies/:id', { config: { access: POLICY_READERS }, schema: { tags, params: IdParams, response: { 200: SupportPolicy } } }, (req) =>
    support.getPolicy(req.actor, req.params.id),
  );
  app.put(
    '/support/policies/:id',
    { config: { access: OFFICE }, schema: { tags, params: IdParams, body: SupportPolicyInput, response: { 200: SupportPolicy } } },
    (req) => support.updatePolicy(req.actor, req.auditActor, req.params.id, req.body),
  );
  app.delete(
    '/support/policies/:id',
    {
      config: { access: OFFICE },
      schema: { tags, summary: 'Remove a policy under which no grant was made (409 otherwise)', params: IdParams, response: { 200: OkResponse } },
    },
    async (req) => {
      await support.removePolicy(req.actor, req.auditActor, req.params.id);
      return { ok: true as const };
    },
  );

  app.get(
    '/support/grants',
    {
      config: { access: GRANT_READERS },
      schema: {
        tags,
        summary: 'Grants in the caller’s scope, with the total the filtered grants commit',
        querystring: SupportGrantListQuery,
        response: { 200: SupportGrantList },
      },
    },
    (req) => support.listGrants(req.actor, req.query),
  );
  app.get(
    '/support/grants/export',
    {
      config: { access: GRANT_READERS },
      schema: {
        tags,
        summary: 'Export the list (XLSX or CSV): every grant matching the list’s filters',
        querystring: SupportGrantExportQuery,
        response: { 200: ExportFileResponse },
      },
    },
    (req, reply) => sendTableExport(reply, { ...grantExport, format: req.query.format, rows: support.exportGrants(req.actor, req.query) }),
  );
  app.post(
    '/support/grants',
    {
      config: { access: OFFICE },
      schema: { tags, summary: 'Record a grant under a policy (within its year and budget)', body: SupportGrantInput, response: { 201: SupportGrant } },
    },
    async (req, reply) => reply.status(201).send(await support.createGrant(req.actor, req.auditActor, req.body)),
  );
  app.get('/support/grants/:id', { config: { access: GRANT_READERS }, schema: { tags, params: IdParams, response: { 200: SupportGrant } } }, (req) =>
    support.getGrant(req.actor, req.params.id),
  );
  app.put(
    '/support/grants/:id',
    { config: { access: OFFICE }, schema: { tags, params: IdParams, body: SupportGrantInput, response: { 200: SupportGrant } } },
    (req) => support.updateGrant(req.actor, req.auditActor, req.params.id, req.body),
  );
  app.delete('/support/grants/:id', { config: { access: OFFICE }, schema: { tags, params: IdParams, response: { 200: OkResponse } } }, async (req) => {
    await support.removeGrant(req.actor, req.auditActor, req.params.id);
    return { ok: true as const };
  });
};
