import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams, OkResponse } from '../../../contracts/common.js';
import { NotificationList } from '../../../contracts/evaluation.js';
import type { NotificationsService } from './notifications.service.js';

const tags = ['Thông báo / Notifications'];

export const notificationsRoutes: FastifyPluginAsyncZod<{ notifications: NotificationsService }> = async (app, { notifications }) => {
  app.get(
    '/notifications',
    { config: { access: 'authenticated' }, schema: { tags, summary: 'My notifications', response: { 200: NotificationList } } },
    (req) => notifications.list(req.actor),
  );
  app.post('/notifications/read-all', { config: { access: 'authenticated' }, schema: { tags, response: { 200: OkResponse } } }, async (req) => {
    await notifications.markAllRead(req.actor);
    return { ok: true as const };
  });
  app.post(
    '/notifications/:id/read',
    { config: { access: 'authenticated' }, schema: { tags, params: IdParams, response: { 200: OkResponse } } },
    async (req) => {
      await notifications.markRead(req.actor, req.params.id);
      return { ok: true as const };
    },
  );
};
