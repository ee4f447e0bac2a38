import { describe, expect, it } from 'vitest';
import {
  certificateExpiry,
  certificateStatus,
  isInForce,
  isRevocable,
  reratingFiledInTime,
  reratingWindow,
  revokingAuthority,
  verificationCode,
} from './validity.js';

const issuedOn = '2026-06-15';
const expiresOn = certificateExpiry(issuedOn);

describe('certificate validity (Art. 4.3, 7.6, 8, 12 of Decision 26/2026/QĐ-TTg)', () => {
  it('lasts 36 months from the issue date', () => {
    expect(expiresOn).toBe('2029-06-15');
    expect(certificateExpiry('2026-08-31')).toBe('2029-08-31');
    expect(certificateExpiry('2028-02-29')).toBe('2031-02-28');
  });

  it('opens the re-rating window 180 days and closes it 120 days before expiry', () => {
    expect(reratingWindow(expiresOn)).toEqual({ opens: '2028-12-17', closes: '2029-02-15' });
  });

  it.each([
    ['2026-06-15', 'valid'],
    ['2028-12-16', 'valid'],
    ['2028-12-17', 'due_for_rerating'],
    ['2029-02-15', 'due_for_rerating'],
    ['2029-02-16', 'expiring'],
    ['2029-06-15', 'expiring'],
    ['2029-06-16', 'expired'],
  ])('on %s it is %s', (today, status) => expect(certificateStatus({ issuedOn, expiresOn }, today)).toBe(status));

  it('holds up to 180 days past expiry while a re-rating is pending, then expires', () => {
    const pending = { issuedOn, expiresOn, reratingPendingSince: '2029-03-01' };
    expect(certificateStatus(pending, '2029-06-16')).toBe('extended');
    expect(certificateStatus(pending, '2029-12-12')).toBe('extended');
    expect(certificateStatus(pending, '2029-12-13')).toBe('expired');
  });

  it.each([
    ['filed in the window (decided within 45 days, Art. 7.6)', '2029-01-10', 'expired'],
    ['filed on the window’s last day', '2029-02-15', 'expired'],
    ['filed the day after the window closed', '2029-02-16', 'extended'],
    ['filed late, the day before expiry', '2029-06-14', 'extended'],
    ['filed on the expiry date', '2029-06-15', 'extended'],
    ['filed the day after expiry', '2029-06-16', 'expired'],
    ['filed 17 days after expiry', '2029-07-02', 'expired'],
  ])('a re-rating %s (%s) keeps it in force after expiry: %s', (_label, filedOn, status) =>
    expect(certificateStatus({ issuedOn, expiresOn, reratingPendingSince: filedOn }, '2029-07-10')).toBe(status),
  );

  it('is revoked or superseded from that day on, whatever the dates', () => {
    expect(certificateStatus({ issuedOn, expiresOn, revokedOn: '2027-03-01' }, '2027-02-28')).toBe('valid');
    expect(certificateStatus({ issuedOn, expiresOn, revokedOn: '2027-03-01' }, '2027-03-01')).toBe('revoked');
    expect(certificateStatus({ issuedOn, expiresOn, supersededOn: '2028-01-01' }, '2028-06-01')).toBe('superseded');
  });

  it('counts valid, due, expiring and extended as in force', () => {
    expect(['valid', 'due_for_rerating', 'expiring', 'extended'].every((s) => isInForce(s as never))).toBe(true);
    expect(['expired', 'revoked', 'superseded'].some((s) => isInForce(s as never))).toBe(false);
  });

  it('judges a re-rating filing against the window', () => {
    expect(reratingFiledInTime(expiresOn, '2028-12-16')).toBe('early');
    expect(reratingFiledInTime(expiresOn, '2029-01-10')).toBe('in_time');
    expect(reratingFiledInTime(expiresOn, '2029-02-16')).toBe('late');
  });

  it.each([
    ['valid', true],
    ['due_for_rerating', true],
    ['expiring', true],
    ['extended', true],
    ['expired', false],
    ['revoked', false],
    ['superseded', false],
  ] as const)('revokes only a certificate in force (Art. 8.1): %s → %s', (status, revocable) => {
    expect(isRevocable(status)).toBe(revocable);
  });

  it('sends 5★ revocations to the ministry, 3–4★ to the province', () => {
    expect([3, 4, 5].map((s) => revokingAuthority(s as 3 | 4 | 5))).toEqual(['province', 'province', 'ministry']);
  });

  it('makes URL-safe verification codes of 96 random bits', () => {
    const code = verificationCode(() => new Uint8Array(12).fill(255));
    expect(code).toBe('____________'.padEnd(16, '_'));
    expect(verificationCode((n) => Uint8Array.from({ length: n }, (_, i) => i * 37))).toMatch(/^[A-Za-z0-9_-]{16}$/);
  });
});
