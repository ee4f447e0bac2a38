import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ListingsService } from './listings.service.js';

// Being built: the routes of this module.
export const listingsRoutes: FastifyPluginAsyncZod<{ listings: ListingsService }> = async () => {};
