import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams } from '../../../contracts/common.js';
import { Dossier, DossierCreateBody, DossierEvent, DossierList, DossierListQuery, TransitionBody } from '../../../contracts/evaluation.js';
import type { DossiersService } from './dossiers.service.js';

const REGISTRY_USERS = ['admin', 'officer', 'producer'] as const;
const tags = ['Hồ sơ / Dossiers'];

export const dossiersRoutes: FastifyPluginAsyncZod<{ dossiers: DossiersService }> = async (app, { dossiers }) => {
  app.get('/dossiers', { config: { access: REGISTRY_USERS }, schema: { tags, querystring: DossierListQuery, response: { 200: DossierList } } }, (req) =>
    dossiers.list(req.actor, req.query),
  );
  app.post('/dossiers', { config: { access: REGISTRY_USERS }, schema: { tags, summary: 'Open a draft dossier for a product', body: DossierCreateBody, response: { 201: Dossier } } }, async (req, reply) =>
    reply.status(201).send(await dossiers.create(req.actor, req.auditActor, req.body)),
  );
  app.get('/dossiers/:id', { config: { access: REGISTRY_USERS }, schema: { tags, params: IdParams, response: { 200: Dossier } } }, (req) => dossiers.get(req.actor, req.params.id));
  app.post(
    '/dossiers/:id/transitions',
    {
      config: { access: REGISTRY_USERS },
      schema: { tags, summary: 'Take one step of the workflow (409 when the dossier changed since expectedVersion)', params: IdParams, body: TransitionBody, response: { 200: Dossier } },
    },
    (req) => dossiers.transition(req.actor, req.auditActor, req.params.id, req.body),
  );
  app.get('/dossiers/:id/events', { config: { access: REGISTRY_USERS }, schema: { tags, params: IdParams, response: { 200: z.array(DossierEvent) } } }, (req) =>
    dossiers.events(req.actor, req.params.id),
  );
};
