import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams } from '../../../contracts/common.js';
import type { MinistryPackageService } from './ministry-package.service.js';

const tags = ['Hồ sơ / Dossiers'];

/** What the province sends the ministry for 5★: built from the dossier, its councils' minutes and its decisions. */
export const ministryRoutes: FastifyPluginAsyncZod<{ ministryPackage: MinistryPackageService }> = async (app, { ministryPackage }) => {
  app.get(
    '/dossiers/:id/ministry-package',
    {
      config: { access: ['admin'] },
      schema: { tags, summary: 'ZIP for the ministry (5★, Art. 6.3a): letter, reports, minutes, approval, forms, papers, evidence', params: IdParams },
    },
    async (req, reply) => {
      const pkg = await ministryPackage.build(req.actor, req.params.id);
      return reply.header('content-type', 'application/zip').header('content-disposition', `attachment; filename="${pkg.filename}"`).send(pkg.data);
    },
  );
};
