import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { SupportService } from './support.service.js';

// Being built: the routes of this module.
export const supportRoutes: FastifyPluginAsyncZod<{ support: SupportService }> = async () => {};
