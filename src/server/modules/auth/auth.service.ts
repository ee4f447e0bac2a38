import { AppError, invalid, unauthenticated } from '../../../domain/errors.js';
import type { UserActor } from '../../../domain/policies/index.js';
import type { AppConfig } from '../../config.js';
import type { Db } from '../../db/client.js';
import { dummyPasswordHash, hashPassword, verifyPassword } from '../../lib/passwords.js';
import { assertAcceptablePassword } from '../../lib/password-policy.js';
import { randomToken, sha256 } from '../../lib/tokens.js';
import { usersRepository } from '../users/users.repository.js';
import { presentProfile } from './auth.presenter.js';
import { authRepository as repo } from './auth.repository.js';

const INVALID_CREDENTIALS = new AppError('unauthenticated', 'invalid_credentials', {
  vi: 'Email hoặc mật khẩu không đúng.',
  en: 'Wrong e-mail or password.',
});

function lockedError(until: Date, now: Date) {
  const minutes = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
  return new AppError('too_many_requests', 'account_locked', {
    vi: `Đăng nhập sai nhiều lần từ địa chỉ này. Thử lại sau ${minutes} phút.`,
    en: `Too many failed sign-ins from this address. Try again in ${minutes} minute(s).`,
  });
}

/** Failures are forgotten a day after the first of a streak, so the growing delay resets. */
const FAILURE_MEMORY_MS = 24 * 3_600_000;

/**
 * How long an (account, address) pair waits after its n-th failure in a streak: nothing below the
 * limit, then one minute, doubling with every further failure up to the configured maximum. The
 * delay grows for a guesser who keeps trying, while an owner who mistyped a few times waits a minute.
 */
export function lockDurationMs(failures: number, maxFailures: number, maxLockMinutes: number): number {
  if (failures < maxFailures) return 0;
  return Math.min(maxLockMinutes, 2 ** Math.min(failures - maxFailures, 20)) * 60_000;
}

export type LoginResult = { userId: string; token: string; csrfToken: string; expiresAt: Date };

/**
 * Sessions and the sign-in throttle run on wall time, not on the application's clock: that clock
 * dates the programme's acts and rules (and tests move it by months under signed-in accounts), while
 * how long a session lives or a lock holds is real elapsed time.
 */
export function createAuthService(db: Db, config: AppConfig) {
  const ttlMs = config.sessionTtlHours * 3_600_000;
  const idleMs = config.sessionIdleMinutes * 60_000;
  /** A session stays alive for the idle time after its last use, never past its absolute lifetime (ASVS 3.3.2). */
  const idleEnd = (createdAt: Date, lastUse: Date) => new Date(Math.min(createdAt.getTime() + ttlMs, lastUse.getTime() + idleMs));

  async function startSession(userId: string, meta: { ip: string; userAgent: string | undefined }, now: Date): Promise<LoginResult> {
    const token = randomToken();
    const csrfToken = randomToken();
    const endsAt = new Date(now.getTime() + ttlMs);
    const expiresAt = idleEnd(now, now);
    await repo.createSession(db, {
      id: sha256(token),
      userId,
      csrfToken,
      expiresAt,
      createdAt: now,
      ip: meta.ip,
      userAgent: meta.userAgent?.slice(0, 300) ?? null,
    });
    // The cookie lasts the absolute lifetime; the server ends the session sooner when it sits idle.
    return { userId, token, csrfToken, expiresAt: endsAt };
  }

  return {
    /**
     * Verifies the password with a failure counter per account and client address kept in the
     * database, so the throttle holds across processes and restarts, and nobody can lock an owner
     * out from an address the owner does not use (ASVS 2.2.1). Unknown e-mails cost the same hashing time.
     */
    async login(email: string, password: string, meta: { ip: string; userAgent: string | undefined; previousToken: string | undefined }, now = new Date()) {
      const attempts = await repo.getAttempts(db, email, meta.ip);
      if (attempts?.lockedUntil && attempts.lockedUntil > now) throw lockedError(attempts.lockedUntil, now);

      const user = await repo.findUserByEmail(db, email);
      const ok = user ? await verifyPassword(user.passwordHash, password) : (await verifyPassword(await dummyPasswordHash(), password), false);
      if (!user || !ok || !user.active) {
        const failures = await repo.recordFailure(db, email, meta.ip, now, new Date(now.getTime() - FAILURE_MEMORY_MS));
        const wait = lockDurationMs(failures, config.loginMaxFailures, config.loginLockMinutes);
        if (wait > 0) {
          const until = new Date(now.getTime() + wait);
          await repo.lock(db, email, meta.ip, until);
          throw lockedError(until, now);
        }
        throw INVALID_CREDENTIALS;
      }
      await repo.clearAttempts(db, email, meta.ip);
      // Rotation: whatever session the browser held before is ended, and a fresh id is issued.
      if (meta.previousToken) await repo.deleteSession(db, sha256(meta.previousToken));
      await repo.deleteExpiredSessions(db, now);
      return startSession(user.id, meta, now);
    },

    /** The signed-in user as the web app needs it. */
    async profile(userId: string) {
      const account = await usersRepository.get(db, userId);
      if (!account || !account.active) throw unauthenticated();
      return presentProfile(account);
    },

    logout: (token: string) => repo.deleteSession(db, sha256(token)),

    async resolveSession(token: string, now = new Date()) {
      const found = await repo.findSession(db, sha256(token), now);
      if (!found || !found.user.active) return undefined;
      const { user: account, session, communeCodes } = found;
      // Each use pushes the idle end forward; at most one write a minute per session.
      const extended = idleEnd(session.createdAt, now);
      if (extended.getTime() - session.expiresAt.getTime() > 60_000) await repo.extendSession(db, session.id, extended);
      // Who the session's account is; what it may do is decided by the policies from this actor.
      const actor: UserActor = {
        kind: 'user',
        userId: account.id,
        role: account.role,
        provinceCode: account.provinceCode,
        communeCodes,
        subjectId: account.subjectId,
      };
      return { actor, user: account, communeCodes, csrfToken: session.csrfToken, sessionId: session.id };
    },

    /** Changing one's password ends every session of the account and starts a fresh one here. */
    async changePassword(userId: string, email: string, currentPassword: string, newPassword: string, meta: { ip: string; userAgent: string | undefined }) {
      const user = await repo.findUserByEmail(db, email);
      if (!user || user.id !== userId || !(await verifyPassword(user.passwordHash, currentPassword)))
        throw invalid(
          'wrong_password',
          { vi: 'Mật khẩu hiện tại không đúng.', en: 'The current password is wrong.' },
          {
            currentPassword: { vi: 'Mật khẩu hiện tại không đúng.', en: 'The current password is wrong.' },
          },
        );
      assertAcceptablePassword(newPassword, { email: user.email, fullName: user.fullName, current: currentPassword }, 'newPassword');
      await db.transaction(async (tx) => {
        await repo.setPassword(tx, userId, await hashPassword(newPassword), false);
        await repo.deleteUserSessions(tx, userId);
      });
      return startSession(userId, meta, new Date());
    },
  };
}
export type AuthService = ReturnType<typeof createAuthService>;
