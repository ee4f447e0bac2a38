import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { OkResponse } from '../../../contracts/common.js';
import { PasswordResetBody, PasswordResetCheckBody, PasswordResetCheckResponse, PasswordResetRequestBody } from '../../../contracts/password-reset.js';
import type { PasswordResetService } from './password-reset.service.js';

const tags = ['Đăng nhập / Auth'];

/** A forgotten password: a single-use link by e-mail (docs/password-reset.md). */
export const passwordResetRoutes: FastifyPluginAsyncZod<{ passwordReset: PasswordResetService }> = async (app, { passwordReset }) => {
  app.post(
    '/auth/password-reset/request',
    {
      // Per-address burst limit, as for signing in; each account is also sent a bounded number of links.
      config: { access: 'public', rateLimit: { max: 5, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Send a password reset link to this e-mail if it has an account (the answer is the same either way)',
        body: PasswordResetRequestBody,
        response: { 200: OkResponse },
      },
    },
    async (req) => {
      await passwordReset.request(req.body.email, req.auditActor);
      return { ok: true as const };
    },
  );

  app.post(
    '/auth/password-reset/check',
    {
      config: { access: 'public', rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: { tags, summary: 'Whether a reset link still works', body: PasswordResetCheckBody, response: { 200: PasswordResetCheckResponse } },
    },
    (req) => passwordReset.check(req.body.token),
  );

  app.post(
    '/auth/password-reset',
    {
      config: { access: 'public', rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Set a new password with a reset link; ends every session of the account',
        body: PasswordResetBody,
        response: { 200: OkResponse },
      },
    },
    async (req) => {
      await passwordReset.reset(req.body.token, req.body.newPassword, req.ip);
      return { ok: true as const };
    },
  );
};
