import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { SalesPointsService } from './sales-points.service.js';

// Being built: the routes of this module.
export const salesPointsRoutes: FastifyPluginAsyncZod<{ salesPoints: SalesPointsService }> = async () => {};
