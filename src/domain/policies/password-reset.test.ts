import { describe, expect, it } from 'vitest';
import { mayIssueResetLink, resetLinkExpiry, resetLinkState, RESET_LINK_MINUTES, type ResetLinkState } from './password-reset.js';

const sent = new Date('2026-03-02T01:00:00Z');
const at = (minutes: number) => new Date(sent.getTime() + minutes * 60_000);
const link = (usedAt: Date | null = null) => ({ expiresAt: resetLinkExpiry(sent), usedAt });

describe('password reset links', () => {
  it('last 30 minutes', () => {
    expect(RESET_LINK_MINUTES).toBe(30);
    expect(resetLinkExpiry(sent).toISOString()).toBe('2026-03-02T01:30:00.000Z');
  });

  it.each<[string, ReturnType<typeof link> | undefined, Date, ResetLinkState]>([
    ['no such link', undefined, at(1), 'unknown'],
    ['just sent', link(), at(0), 'usable'],
    ['a second before expiry', link(), new Date(at(30).getTime() - 1_000), 'usable'],
    ['at expiry', link(), at(30), 'expired'],
    ['after expiry', link(), at(31), 'expired'],
    ['spent, still within its time', link(at(5)), at(6), 'used'],
    ['spent and expired', link(at(5)), at(60), 'used'],
  ])('%s', (_name, row, now, expected) => {
    expect(resetLinkState(row, now)).toBe(expected);
  });

  it.each([
    [0, true],
    [2, true],
    [3, false],
    [10, false],
  ])('after %i recent links, another may be sent: %s', (recent, expected) => {
    expect(mayIssueResetLink(recent)).toBe(expected);
  });
});
