import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ActivityImportsService } from './activity-imports.service.js';

// Being built: the routes of this module.
export const activityImportsRoutes: FastifyPluginAsyncZod<{ activityImports: ActivityImportsService }> = async () => {};
