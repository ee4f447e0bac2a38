/**
 * Recovering a forgotten password with a link sent by e-mail (OWASP ASVS 4.0.3 §2.3.1 and §2.5:
 * a random, short-lived, single-use recovery secret; OWASP Forgot Password Cheat Sheet).
 */

/** How long a link works after it was sent. */
export const RESET_LINK_MINUTES = 30;

/**
 * Links one account may be sent within one lifetime of a link. More requests get the same answer
 * but no further e-mail, so nobody can fill a mailbox (or the outbox) by asking again and again.
 */
export const RESET_LINKS_PER_WINDOW = 3;

export type ResetLinkState = 'unknown' | 'used' | 'expired' | 'usable';

/** The instant a link sent at `sentAt` stops working. */
export const resetLinkExpiry = (sentAt: Date): Date => new Date(sentAt.getTime() + RESET_LINK_MINUTES * 60_000);

/**
 * Whether a link can set a password now: spent links stay spent, and a link is dead from its
 * expiry instant on (at exactly 30 minutes it no longer works).
 */
export function resetLinkState(link: { expiresAt: Date; usedAt: Date | null } | undefined, now: Date): ResetLinkState {
  if (!link) return 'unknown';
  if (link.usedAt) return 'used';
  if (now.getTime() >= link.expiresAt.getTime()) return 'expired';
  return 'usable';
}

/** Whether another link may be sent to an account that was sent `recent` links in the last window. */
export const mayIssueResetLink = (recent: number): boolean => recent < RESET_LINKS_PER_WINDOW;
