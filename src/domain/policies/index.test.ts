import { describe, expect, it } from 'vitest';
import {
  canManageProgramme,
  canRevokeCertificate,
  reportingArea,
  ANONYMOUS,
  canCreateSubject,
  canDeleteProduct,
  canDeleteSubject,
  canEditSubject,
  canManageSubjectPlacement,
  canManageUser,
  canReadSubject,
  canViewAudit,
  checkRouteAccess,
  registryScope,
  type Actor,
  type UserActor,
} from './index.js';

const user = (role: UserActor['role'], extra: Partial<UserActor> = {}): UserActor => ({
  kind: 'user',
  userId: `u-${role}`,
  role,
  provinceCode: '82',
  communeCodes: [],
  subjectId: null,
  ...extra,
});

const provinceAdmin = user('admin');
const ministryAdmin = user('admin', { provinceCode: null });
const officer = user('officer', { communeCodes: ['29905', '30226'] });
const producer = user('producer', { subjectId: 's1' });
const council = user('council');

const inSaDec = { id: 's2', provinceCode: '82', communeCode: '29905' };
const ownSubject = { id: 's1', provinceCode: '82', communeCode: '30037' };
const inHanoi = { id: 's3', provinceCode: '01', communeCode: '00004' };

describe('route access', () => {
  it.each<[Actor, Parameters<typeof checkRouteAccess>[1], string]>([
    [ANONYMOUS, 'public', 'allow'],
    [ANONYMOUS, 'authenticated', 'unauthenticated'],
    [ANONYMOUS, ['admin'], 'unauthenticated'],
    [council, 'authenticated', 'allow'],
    [council, ['admin', 'officer', 'producer'], 'forbidden'],
    [producer, ['admin', 'officer', 'producer'], 'allow'],
    [officer, ['admin'], 'forbidden'],
  ])('%#: %o on %o → %s', (actor, access, expected) => {
    expect(checkRouteAccess(actor, access)).toBe(expected);
  });
});

describe('registry scope', () => {
  it.each<[string, Actor, typeof inSaDec, boolean]>([
    ['province admin, own province', provinceAdmin, inSaDec, true],
    ['province admin, another province', provinceAdmin, inHanoi, false],
    ['ministry admin, anywhere', ministryAdmin, inHanoi, true],
    ['officer, assigned commune', officer, inSaDec, true],
    ['officer, other commune of the province', officer, ownSubject, false],
    ['producer, own subject', producer, ownSubject, true],
    ['producer, another subject', producer, inSaDec, false],
    ['council member (assignments come with evaluation)', council, inSaDec, false],
    ['anonymous', ANONYMOUS, inSaDec, false],
  ])('%s → read %s', (_label, actor, subject, expected) => {
    expect(canReadSubject(actor, subject)).toBe(expected);
    expect(canEditSubject(actor, subject)).toBe(expected);
  });

  it('gives a producer without a subject nothing', () => {
    expect(registryScope(user('producer'))).toEqual({ kind: 'none' });
  });

  it('lets only admins and officers register subjects, in their scope', () => {
    expect(canCreateSubject(provinceAdmin, inSaDec)).toBe(true);
    expect(canCreateSubject(officer, inSaDec)).toBe(true);
    expect(canCreateSubject(officer, ownSubject)).toBe(false);
    expect(canCreateSubject(producer, ownSubject)).toBe(false);
    expect(canCreateSubject(ANONYMOUS, inSaDec)).toBe(false);
  });

  it('keeps commune moves and status changes with the administration', () => {
    expect(canManageSubjectPlacement(producer, ownSubject)).toBe(false);
    expect(canManageSubjectPlacement(officer, inSaDec)).toBe(true);
    expect(canManageSubjectPlacement(officer, ownSubject)).toBe(false);
  });

  it('limits deletion: subjects by admins, products by admins and officers', () => {
    expect(canDeleteSubject(provinceAdmin, inSaDec)).toBe(true);
    expect(canDeleteSubject(officer, inSaDec)).toBe(false);
    expect(canDeleteProduct(officer, inSaDec)).toBe(true);
    expect(canDeleteProduct(producer, ownSubject)).toBe(false);
  });

  it('shows history to admins only', () => {
    expect(canViewAudit(provinceAdmin)).toBe(true);
    expect([officer, producer, council, ANONYMOUS].some(canViewAudit)).toBe(false);
  });
});

describe('account management', () => {
  it.each<[string, Actor, { role: UserActor['role']; provinceCode: string | null }, boolean]>([
    ['province admin, own province', provinceAdmin, { role: 'officer', provinceCode: '82' }, true],
    ['province admin, other province', provinceAdmin, { role: 'officer', provinceCode: '01' }, false],
    ['province admin, a ministry admin', provinceAdmin, { role: 'admin', provinceCode: null }, false],
    ['ministry admin, anyone', ministryAdmin, { role: 'admin', provinceCode: '01' }, true],
    ['officer', officer, { role: 'producer', provinceCode: '82' }, false],
  ])('%s → %s', (_label, actor, target, expected) => {
    expect(canManageUser(actor, target)).toBe(expected);
  });
});

describe('programme figures', () => {
  const base = { kind: 'user' as const, userId: 'u', communeCodes: [] as string[], subjectId: null };
  it.each<[string, Actor, { provinceCode: string; communeCodes: readonly string[] | null } | null, boolean]>([
    ['the province office', { ...base, role: 'admin', provinceCode: '82' }, { provinceCode: '82', communeCodes: null }, true],
    ['the national office', { ...base, role: 'admin', provinceCode: null }, { provinceCode: '82', communeCodes: null }, true],
    ['another province office', { ...base, role: 'admin', provinceCode: '01' }, null, false],
    ['a commune officer', { ...base, role: 'officer', provinceCode: '82', communeCodes: ['29905'] }, { provinceCode: '82', communeCodes: ['29905'] }, false],
    ['a council member', { ...base, role: 'council', provinceCode: '82' }, null, false],
    ['a producer', { ...base, role: 'producer', provinceCode: '82', subjectId: 's' }, null, false],
    ['the public', { kind: 'anonymous' }, null, false],
  ])('%s', (_label, actor, area, manages) => {
    expect(reportingArea(actor, '82')).toEqual(area);
    expect(canManageProgramme(actor, '82')).toBe(manages);
  });
});

describe('revocation (Art. 8.2)', () => {
  it.each<[string, Actor, number, boolean]>([
    ['the province revokes its 4★', user('admin'), 4, true],
    ['not a 5★, the Minister’s', user('admin'), 5, false],
    ['the ministry revokes a 5★', user('admin', { provinceCode: null }), 5, true],
    ['another province does not', user('admin', { provinceCode: '01' }), 3, false],
    ['an officer does not', user('officer', { communeCodes: ['29905'] }), 3, false],
    ['nor the public', ANONYMOUS, 3, false],
  ])('%s', (_label, actor, star, ok) => expect(canRevokeCertificate(actor, { star, provinceCode: '82' })).toBe(ok));
});
