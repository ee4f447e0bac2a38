import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams } from '../../../contracts/common.js';
import { ExportFileResponse, UserExportQuery } from '../../../contracts/exports.js';
import {
  ResetPasswordBody,
  ResetPasswordResponse,
  User,
  UserCreateBody,
  UserCreated,
  UserList,
  UserListQuery,
  UserUpdateBody,
} from '../../../contracts/users.js';
import { sendTableExport } from '../../lib/table-export.js';
import { userExport } from './users.export.js';
import type { UsersService } from './users.service.js';

const tags = ['Tài khoản / Users'];

export const usersRoutes: FastifyPluginAsyncZod<{ users: UsersService }> = async (app, { users }) => {
  app.get('/users', { config: { access: ['admin'] }, schema: { tags, querystring: UserListQuery, response: { 200: UserList } } }, (req) =>
    users.list(req.actor, req.query),
  );
  app.get(
    '/users/export',
    {
      config: { access: ['admin'] },
      schema: {
        tags,
        summary: 'Export the list (XLSX or CSV): every account matching the list’s filters',
        querystring: UserExportQuery,
        response: { 200: ExportFileResponse },
      },
    },
    (req, reply) => sendTableExport(reply, { ...userExport, format: req.query.format, rows: users.exportRows(req.actor, req.query) }),
  );
  app.post(
    '/users',
    {
      config: { access: ['admin'] },
      schema: { tags, summary: 'Create an account (a one-time password is returned when none is given)', body: UserCreateBody, response: { 201: UserCreated } },
    },
    async (req, reply) => reply.status(201).send(await users.create(req.actor, req.auditActor, req.body)),
  );
  app.get('/users/:id', { config: { access: ['admin'] }, schema: { tags, params: IdParams, response: { 200: User } } }, (req) =>
    users.get(req.actor, req.params.id),
  );
  app.put(
    '/users/:id',
    {
      config: { access: ['admin'] },
      schema: { tags, summary: 'Change role, scope or activation', params: IdParams, body: UserUpdateBody, response: { 200: User } },
    },
    (req) => users.update(req.actor, req.auditActor, req.params.id, req.body),
  );
  app.post(
    '/users/:id/reset-password',
    { config: { access: ['admin'] }, schema: { tags, params: IdParams, body: ResetPasswordBody, response: { 200: ResetPasswordResponse } } },
    (req) => users.resetPassword(req.actor, req.auditActor, req.params.id, req.body.password),
  );
};
