import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { TrainingService } from './training.service.js';

// Being built: the routes of this module.
export const trainingRoutes: FastifyPluginAsyncZod<{ training: TrainingService }> = async () => {};
