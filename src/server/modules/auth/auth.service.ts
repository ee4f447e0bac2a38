import { AppError, invalid, unauthenticated } from '../../../domain/errors.js';
import type { UserActor } from '../../../domain/policies/index.js';
import type { AppConfig } from '../../config.js';
import type { Db } from '../../db/client.js';
import { dummyPasswordHash, hashPassword, verifyPassword } from '../../lib/passwords.js';
import { randomToken, sha256 } from '../../lib/tokens.js';
import { usersRepository } from '../users/users.repository.js';
import { presentProfile } from './auth.presenter.js';
import { authRepository as repo } from './auth.repository.js';

const INVALID_CREDENTIALS = new AppError('unauthenticated', 'invalid_credentials', {
  vi: 'Email hoặc mật khẩu không đúng.',
  en: 'Wrong e-mail or password.',
});

function lockedError(until: Date) {
  const minutes = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 60_000));
  return new AppError('too_many_requests', 'account_locked', {
    vi: `Tài khoản tạm khoá do đăng nhập sai nhiều lần. Thử lại sau ${minutes} phút.`,
    en: `Too many failed sign-ins. Try again in ${minutes} minute(s).`,
  });
}

export type LoginResult = { userId: string; token: string; csrfToken: string; expiresAt: Date };

export function createAuthService(db: Db, config: AppConfig) {
  const lockWindowMs = config.loginLockMinutes * 60_000;

  async function startSession(userId: string, meta: { ip: string; userAgent: string | undefined }, now: Date): Promise<LoginResult> {
    const token = randomToken();
    const csrfToken = randomToken();
    const expiresAt = new Date(now.getTime() + config.sessionTtlHours * 3_600_000);
    await repo.createSession(db, { id: sha256(token), userId, csrfToken, expiresAt, ip: meta.ip, userAgent: meta.userAgent?.slice(0, 300) ?? null });
    return { userId, token, csrfToken, expiresAt };
  }

  return {
    /**
     * Verifies the password with a per-account failure counter kept in the database, so the
     * lockout holds across processes and restarts. Unknown e-mails cost the same hashing time.
     */
    async login(email: string, password: string, meta: { ip: string; userAgent: string | undefined; previousToken: string | undefined }, now = new Date()) {
      const attempts = await repo.getAttempts(db, email);
      if (attempts?.lockedUntil && attempts.lockedUntil > now) throw lockedError(attempts.lockedUntil);

      const user = await repo.findUserByEmail(db, email);
      const ok = user ? await verifyPassword(user.passwordHash, password) : (await verifyPassword(await dummyPasswordHash(), password), false);
      if (!user || !ok || !user.active) {
        const failures = await repo.recordFailure(db, email, now, new Date(now.getTime() - lockWindowMs));
        if (failures >= config.loginMaxFailures) {
          const until = new Date(now.getTime() + lockWindowMs);
          await repo.lock(db, email, until);
          throw lockedError(until);
        }
        throw INVALID_CREDENTIALS;
      }
      await repo.clearAttempts(db, email);
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
      await db.transaction(async (tx) => {
        await repo.setPassword(tx, userId, await hashPassword(newPassword), false);
        await repo.deleteUserSessions(tx, userId);
      });
      return startSession(userId, meta, new Date());
    },
  };
}
export type AuthService = ReturnType<typeof createAuthService>;
