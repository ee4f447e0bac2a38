import type { z } from 'zod';
import type { Notification } from '../../../contracts/evaluation.js';
import type { NotificationRow } from './notifications.repository.js';

/** An in-app notification as its owner reads it. */
export const presentNotification = (i: NotificationRow): z.infer<typeof Notification> => ({
  id: i.id,
  dossierId: i.dossierId,
  title: i.title,
  body: i.body,
  readAt: i.readAt?.toISOString() ?? null,
  createdAt: i.createdAt.toISOString(),
});
