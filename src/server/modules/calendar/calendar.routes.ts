import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { CalendarOverride, CalendarOverrideBody, CalendarQuery, CalendarYear } from '../../../contracts/calendar.js';
import { IdParams } from '../../../contracts/common.js';
import type { CalendarService } from './calendar.service.js';

const tags = ['Lịch làm việc / Working-day calendar'];

export const calendarRoutes: FastifyPluginAsyncZod<{ calendar: CalendarService }> = async (app, { calendar }) => {
  app.get(
    '/calendar',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Days off of a year: holidays (Tết and Giỗ Tổ computed), compensatory days, moved days',
        querystring: CalendarQuery,
        response: { 200: CalendarYear },
      },
    },
    (req) => calendar.year(req.actor, req.query.year),
  );
  app.post(
    '/calendar/days',
    {
      config: { access: ['admin'] },
      schema: {
        tags,
        summary: 'Record a day the government moved (a day off, or a working Saturday)',
        body: CalendarOverrideBody,
        response: { 201: CalendarOverride },
      },
    },
    async (req, reply) => reply.status(201).send(await calendar.add(req.actor, req.auditActor, req.body)),
  );
  app.delete('/calendar/days/:id', { config: { access: ['admin'] }, schema: { tags, params: IdParams } }, async (req, reply) => {
    await calendar.remove(req.actor, req.auditActor, req.params.id);
    return reply.status(204).send();
  });
};
