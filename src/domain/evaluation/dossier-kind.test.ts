import { describe, expect, it } from 'vitest';
import { checkDossierKind, type CurrentCertificate } from './dossier-kind.js';

const cert = (star: number, status: NonNullable<CurrentCertificate>['status'] = 'valid'): CurrentCertificate => ({ star, expiresOn: '2029-06-15', status });

describe('kind of dossier a product may open', () => {
  it.each<[string, 'first' | 'upgrade' | 'rerating', CurrentCertificate, string, boolean]>([
    ['first, no certificate', 'first', null, '2027-01-01', true],
    ['first, while a certificate is in force', 'first', cert(3), '2027-01-01', false],
    ['first, after it expired', 'first', cert(3, 'expired'), '2030-01-01', true],
    ['upgrade from 3★', 'upgrade', cert(3), '2027-01-01', true],
    ['upgrade from 5★', 'upgrade', cert(5), '2027-01-01', false],
    ['upgrade without a certificate', 'upgrade', null, '2027-01-01', false],
    ['re-rating too early', 'rerating', cert(4), '2028-12-16', false],
    ['re-rating in the window', 'rerating', cert(4, 'due_for_rerating'), '2028-12-17', true],
    ['re-rating without a certificate', 'rerating', null, '2028-12-17', false],
    ['re-rating on the expiry date', 'rerating', cert(4, 'expiring'), '2029-06-15', true],
    ['re-rating the day after expiry', 'rerating', cert(4, 'expired'), '2029-06-16', false],
    ['re-rating 17 days after expiry (never revives it)', 'rerating', cert(4, 'expired'), '2029-07-02', false],
  ])('%s', (_label, kind, certificate, today, ok) => expect(checkDossierKind(kind, certificate, today).ok).toBe(ok));

  it('marks a re-rating filed after the window closed as late', () => {
    expect(checkDossierKind('rerating', cert(4, 'expiring'), '2029-03-01')).toEqual({ ok: true, late: true });
  });
});
