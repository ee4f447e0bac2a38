import { setTimeout as sleep } from 'node:timers/promises';
import { AppError } from '../../../domain/errors.js';
import { mayIssueResetLink, RESET_LINK_MINUTES, resetLinkExpiry, resetLinkState } from '../../../domain/policies/password-reset.js';
import { publicOrigin, type AppConfig } from '../../config.js';
import type { Db } from '../../db/client.js';
import { hashPassword } from '../../lib/passwords.js';
import { assertAcceptablePassword } from '../../lib/password-policy.js';
import { randomToken, sha256 } from '../../lib/tokens.js';
import { recordAudit, type AuditActor } from '../audit/audit.service.js';
import { notificationsRepository } from '../notifications/notifications.repository.js';
import { usersRepository } from '../users/users.repository.js';
import { authRepository } from './auth.repository.js';
import { passwordResetRepository as repo } from './password-reset.repository.js';

/**
 * The least time an answer to "send me a link" takes, whether or not the e-mail has an account, so
 * the time of the answer does not tell either (ASVS 2.5.x: recovery reveals no account).
 */
export const RESET_REQUEST_FLOOR_MS = 400;

const LINK_ERRORS = {
  unknown: new AppError('invalid', 'reset_link_invalid', {
    vi: 'Liên kết đặt lại mật khẩu không hợp lệ. Hãy kiểm tra lại liên kết trong thư, hoặc yêu cầu liên kết mới.',
    en: 'This password reset link is not valid. Check the link in the e-mail, or ask for a new one.',
  }),
  used: new AppError('invalid', 'reset_link_used', {
    vi: 'Liên kết đặt lại mật khẩu này đã được dùng. Mỗi liên kết chỉ dùng được một lần: hãy yêu cầu liên kết mới nếu cần.',
    en: 'This password reset link has already been used. Each link works once: ask for a new one if you need to.',
  }),
  expired: new AppError('invalid', 'reset_link_expired', {
    vi: `Liên kết đặt lại mật khẩu đã hết hạn (liên kết chỉ có hiệu lực ${RESET_LINK_MINUTES} phút). Hãy yêu cầu liên kết mới.`,
    en: `This password reset link has expired (a link works for ${RESET_LINK_MINUTES} minutes). Ask for a new one.`,
  }),
} as const;

function resetMail(link: string) {
  return {
    subject: '[OCOP] Đặt lại mật khẩu / Password reset',
    body: [
      'Có người (có thể là bạn) đã yêu cầu đặt lại mật khẩu tài khoản OCOP gắn với địa chỉ e-mail này.',
      `Để đặt mật khẩu mới, mở liên kết sau trong vòng ${RESET_LINK_MINUTES} phút (liên kết chỉ dùng được một lần):`,
      '',
      link,
      '',
      'Nếu bạn không yêu cầu, hãy bỏ qua thư này: mật khẩu hiện tại vẫn giữ nguyên.',
      '',
      '---',
      'Someone (perhaps you) asked to reset the password of the OCOP account with this e-mail address.',
      `To set a new password, open the link above within ${RESET_LINK_MINUTES} minutes (it works once).`,
      'If you did not ask, ignore this e-mail: your password stays as it is.',
    ].join('\n'),
  };
}

export function createPasswordResetService(db: Db, config: AppConfig, clock: () => Date = () => new Date(), floorMs = RESET_REQUEST_FLOOR_MS) {
  /** A link's row and account, or the error a holder of the link is shown. */
  async function usableLink(token: string, now: Date) {
    const row = await repo.find(db, sha256(token));
    const state = resetLinkState(row, now);
    if (state !== 'usable') throw LINK_ERRORS[state];
    const account = await usersRepository.get(db, row!.userId);
    // A deactivated account cannot be reopened by a link sent before it was closed.
    if (!account || !account.active) throw LINK_ERRORS.unknown;
    return { row: row!, account };
  }

  return {
    /**
     * Queues a link in the e-mail outbox for an active account with this e-mail; for any other
     * address nothing happens. Either way the caller gets the same answer after at least the same time.
     */
    async request(email: string, audit: AuditActor): Promise<void> {
      const started = Date.now();
      try {
        const now = clock();
        const user = await authRepository.findUserByEmail(db, email);
        if (!user || !user.active) return;
        const windowStart = new Date(now.getTime() - RESET_LINK_MINUTES * 60_000);
        if (!mayIssueResetLink(await repo.sentSince(db, user.id, windowStart))) return;
        const token = randomToken();
        const expiresAt = resetLinkExpiry(now);
        const mail = resetMail(`${publicOrigin(config)}/reset-password?token=${token}`);
        await db.transaction(async (tx) => {
          // Only the token's hash is kept: whoever reads the database cannot use a link.
          await repo.insert(tx, { id: sha256(token), userId: user.id, createdAt: now, expiresAt, ip: audit.ip });
          await notificationsRepository.queueEmails(tx, [{ to: user.email, subject: mail.subject, body: mail.body }]);
          await recordAudit(tx, audit, {
            action: 'create',
            entityType: 'password_reset',
            entityId: user.id,
            after: { email: user.email, expiresAt },
          });
        });
      } finally {
        const left = floorMs - (Date.now() - started);
        if (left > 0) await sleep(left);
      }
    },

    /** Whether a link still works, and for which account (the page shows it before asking for a password). */
    async check(token: string) {
      const { row, account } = await usableLink(token, clock());
      return { email: account.email, expiresAt: row.expiresAt.toISOString() };
    },

    /**
     * Sets the password from a link: the link and every other outstanding link of the account are
     * spent, every session of the account ends, and the change is in the audit log, all in one
     * transaction. The password rules are those of every other password (ASVS 2.1).
     */
    async reset(token: string, newPassword: string, ip: string) {
      const now = clock();
      const { account } = await usableLink(token, now);
      assertAcceptablePassword(newPassword, { email: account.email, fullName: account.fullName }, 'newPassword');
      const passwordHash = await hashPassword(newPassword);
      await db.transaction(async (tx) => {
        // Two requests with the same link: only the one that spends it goes on.
        const userId = await repo.claim(tx, sha256(token), now);
        if (userId !== account.id) throw LINK_ERRORS.used;
        await authRepository.setPassword(tx, account.id, passwordHash, false);
        await usersRepository.spendResetLinks(tx, account.id, now);
        await authRepository.deleteUserSessions(tx, account.id);
        await repo.clearLoginFailures(tx, account.email);
        await recordAudit(
          tx,
          { userId: account.id, label: account.email, ip },
          { action: 'update', entityType: 'user', entityId: account.id, before: { password: '•••' }, after: { password: 'reset by e-mail link' } },
        );
      });
    },
  };
}
export type PasswordResetService = ReturnType<typeof createPasswordResetService>;
