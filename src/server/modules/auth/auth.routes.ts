import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ChangePasswordBody, LoginBody, MeResponse } from '../../../contracts/auth.js';
import { OkResponse } from '../../../contracts/common.js';
import type { AppConfig } from '../../config.js';
import { SESSION_COOKIE, clearSessionCookie, setSessionCookie } from '../../plugins/auth.js';
import type { AuthService } from './auth.service.js';

const tags = ['Đăng nhập / Auth'];

export const authRoutes: FastifyPluginAsyncZod<{ auth: AuthService; config: AppConfig }> = async (app, { auth, config }) => {
  const me = async (userId: string, csrfToken: string) => ({ user: await auth.profile(userId), csrfToken });

  app.post(
    '/auth/login',
    {
      // Per-process burst limit in front of the per-account lockout kept in the database.
      config: { access: 'public', rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: { tags, summary: 'Sign in; sets the session cookie', body: LoginBody, response: { 200: MeResponse } },
    },
    async (req, reply) => {
      const session = await auth.login(req.body.email, req.body.password, {
        ip: req.ip,
        userAgent: req.headers['user-agent'],
        previousToken: req.cookies[SESSION_COOKIE],
      });
      setSessionCookie(reply, config, session.token, session.expiresAt);
      return me(session.userId, session.csrfToken);
    },
  );

  app.get(
    '/auth/me',
    { config: { access: 'authenticated', beforePasswordChange: true }, schema: { tags, summary: 'The signed-in user', response: { 200: MeResponse } } },
    async (req) => me((req.actor as { userId: string }).userId, req.session!.csrfToken),
  );

  app.post(
    '/auth/logout',
    { config: { access: 'public' }, schema: { tags, summary: 'End the session', response: { 200: OkResponse } } },
    async (req, reply) => {
      if (req.session) await auth.logout(req.session.token);
      clearSessionCookie(reply, config);
      return { ok: true as const };
    },
  );

  app.post(
    '/auth/password',
    {
      config: { access: 'authenticated', beforePasswordChange: true },
      schema: { tags, summary: 'Change one’s own password', body: ChangePasswordBody, response: { 200: MeResponse } },
    },
    async (req, reply) => {
      const userId = (req.actor as { userId: string }).userId;
      const session = await auth.changePassword(userId, req.auditActor.label, req.body.currentPassword, req.body.newPassword, {
        ip: req.ip,
        userAgent: req.headers['user-agent'],
      });
      setSessionCookie(reply, config, session.token, session.expiresAt);
      return me(userId, session.csrfToken);
    },
  );
};
