import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { CommunicationService } from './communication.service.js';

// Being built: the routes of this module.
export const communicationRoutes: FastifyPluginAsyncZod<{ communication: CommunicationService }> = async () => {};
