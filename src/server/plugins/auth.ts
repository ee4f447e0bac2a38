import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError, forbidden, unauthenticated } from '../../domain/errors.js';
import { ANONYMOUS, checkRouteAccess, type Actor, type RouteAccess } from '../../domain/policies/index.js';
import type { AppConfig } from '../config.js';
import type { AuthService } from '../modules/auth/auth.service.js';
import type { AuditActor } from '../modules/audit/audit.service.js';

export const SESSION_COOKIE = 'ocop_session';
export const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call the route. Required on every /api route (enforced at registration). */
    access?: RouteAccess;
    /** Callable by an account that still has to replace its one-time password (sign-in, profile, change). */
    beforePasswordChange?: true;
  }
  interface FastifyRequest {
    actor: Actor;
    session: { id: string; csrfToken: string; token: string; mustChangePassword: boolean } | null;
    /** The caller as the audit log names it. */
    auditActor: AuditActor;
  }
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function setSessionCookie(reply: FastifyReply, config: AppConfig, token: string, expiresAt: Date) {
  reply.setCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure: config.secureCookies, path: '/', expires: expiresAt });
}
export function clearSessionCookie(reply: FastifyReply, config: AppConfig) {
  reply.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure: config.secureCookies, path: '/' });
}

/**
 * Resolves the caller from the session cookie, then enforces the route's declared access and,
 * for state-changing requests made with a session, the CSRF token. SameSite=Lax already stops
 * most cross-site posts; the token covers same-site subdomains and older browsers.
 */
export const authPlugin = fp(async (app: FastifyInstance, opts: { auth: AuthService; config: AppConfig }) => {
  app.decorateRequest('actor', null as never);
  app.decorateRequest('session', null);
  app.decorateRequest('auditActor', null as never);

  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/') && !route.url.startsWith('/api/docs') && route.config?.access === undefined) {
      throw new Error(`Route ${route.method} ${route.url} declares no access policy (config.access)`);
    }
  });

  // Both hooks take a callback rather than return a promise: a visitor without a session (a label
  // check, a portal page) is then answered without a promise and its turn of the microtask queue
  // per hook, which the label check's profile showed among its costs.
  app.addHook('onRequest', (request, _reply, done) => {
    request.actor = ANONYMOUS;
    request.auditActor = { userId: null, label: 'anonymous', ip: request.ip };
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return done();
    opts.auth.resolveSession(token).then((resolved) => {
      if (resolved) {
        request.actor = resolved.actor;
        request.session = { id: resolved.sessionId, csrfToken: resolved.csrfToken, token, mustChangePassword: resolved.user.mustChangePassword };
        request.auditActor = { userId: resolved.user.id, label: resolved.user.email, ip: request.ip };
      }
      done();
    }, done);
  });

  // preValidation: an unauthorised caller learns nothing, not even whether its input was valid.
  app.addHook('preValidation', (request, _reply, done) => done(refusal(request)));
});

/** Why the caller may not go on with this request; undefined when it may. */
function refusal(request: FastifyRequest): AppError | undefined {
  const access = request.routeOptions.config.access;
  if (access === undefined) return undefined; // static files and the docs UI
  const decision = checkRouteAccess(request.actor, access);
  if (decision === 'unauthenticated') return unauthenticated();
  if (decision === 'forbidden') return forbidden();
  // A one-time password (set by an administrator or at first start) opens nothing but the
  // change of password itself, whatever client is used (ASVS 2.1.x, 2.5.x).
  if (request.session?.mustChangePassword && access !== 'public' && !request.routeOptions.config.beforePasswordChange) {
    return new AppError('forbidden', 'password_change_required', {
      vi: 'Cần đổi mật khẩu dùng một lần trước khi tiếp tục.',
      en: 'Change your one-time password before going on.',
    });
  }
  if (request.session && STATE_CHANGING.has(request.method) && request.headers[CSRF_HEADER] !== request.session.csrfToken) {
    return new AppError('forbidden', 'csrf', {
      vi: 'Phiên làm việc không hợp lệ. Tải lại trang và thử lại.',
      en: 'Missing or wrong CSRF token. Reload the page and try again.',
    });
  }
  return undefined;
}
