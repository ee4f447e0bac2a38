import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { IdeasService } from './ideas.service.js';

// Being built: the routes of this module.
export const ideasRoutes: FastifyPluginAsyncZod<{ ideas: IdeasService }> = async () => {};
