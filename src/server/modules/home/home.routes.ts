import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { CouncilHome, ProducerHome } from '../../../contracts/home.js';
import { COUNCIL_HOME_ACCESS, PRODUCER_HOME_ACCESS } from '../../../domain/policies/index.js';
import type { HomeService } from './home.service.js';

const tags = ['Trang của tôi / My home'];

export const homeRoutes: FastifyPluginAsyncZod<{ home: HomeService }> = async (app, { home }) => {
  app.get(
    '/home/producer',
    {
      config: { access: PRODUCER_HOME_ACCESS },
      schema: { tags, summary: 'The producer’s own products: certificate, dossier stage and the next step', response: { 200: ProducerHome } },
    },
    (req) => home.producer(req.actor),
  );
  app.get(
    '/home/council',
    {
      config: { access: COUNCIL_HOME_ACCESS },
      schema: { tags, summary: 'The council member’s own sittings and the sheets still to fill', response: { 200: CouncilHome } },
    },
    (req) => home.council(req.actor),
  );
};
