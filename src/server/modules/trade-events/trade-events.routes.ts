import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { TradeEventsService } from './trade-events.service.js';

// Being built: the routes of this module.
export const tradeEventsRoutes: FastifyPluginAsyncZod<{ tradeEvents: TradeEventsService }> = async () => {};
