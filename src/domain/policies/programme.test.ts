import { describe, expect, it } from 'vitest';
import {
  accountReach,
  ANONYMOUS,
  calendarProvince,
  canChangeScoringSettings,
  canEditCalendar,
  canEditRound,
  canImportCriteria,
  canManageRounds,
  canManageUsers,
  changesAccess,
  locksOutSelf,
  seesProgramme,
  mayHaveNationalScope,
  roundOwnerProvince,
  roundsVisibleProvince,
  type Actor,
  type Role,
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
const otherProvinceAdmin = user('admin', { provinceCode: '01' });
const officer = user('officer', { communeCodes: ['29905'] });
const producer = user('producer', { subjectId: 's1' });
const council = user('council');

describe('rounds (Art. 5)', () => {
  it.each<[string, Actor, 'province' | 'ministry', boolean]>([
    ['province admin, province round', provinceAdmin, 'province', true],
    ['province admin, national round', provinceAdmin, 'ministry', false],
    ['ministry admin, province round', ministryAdmin, 'province', true],
    ['ministry admin, national round', ministryAdmin, 'ministry', true],
    ['officer', officer, 'province', false],
    ['producer', producer, 'province', false],
    ['council', council, 'ministry', false],
    ['anonymous', ANONYMOUS, 'province', false],
  ])('manage: %s → %s', (_label, actor, level, expected) => {
    expect(canManageRounds(actor, level)).toBe(expected);
  });

  it.each<[string, Actor, 'province' | 'ministry', string | null]>([
    ['province admin, province round', provinceAdmin, 'province', '82'],
    ['ministry admin, province round: the deployment', ministryAdmin, 'province', '79'],
    ['ministry admin, national round', ministryAdmin, 'ministry', null],
  ])('owner: %s', (_label, actor, level, expected) => {
    expect(roundOwnerProvince(actor, level, '79')).toBe(expected);
  });

  it.each<[string, Actor, { level: 'province' | 'ministry'; provinceCode: string | null }, boolean]>([
    ['province admin, own round', provinceAdmin, { level: 'province', provinceCode: '82' }, true],
    ['province admin, another province', otherProvinceAdmin, { level: 'province', provinceCode: '82' }, false],
    ['province admin, national round', provinceAdmin, { level: 'ministry', provinceCode: null }, false],
    ['ministry admin, any province', ministryAdmin, { level: 'province', provinceCode: '01' }, true],
    ['ministry admin, national round', ministryAdmin, { level: 'ministry', provinceCode: null }, true],
    ['officer', officer, { level: 'province', provinceCode: '82' }, false],
  ])('edit: %s', (_label, actor, round, expected) => {
    expect(canEditRound(actor, round)).toBe(expected);
  });

  it.each<[string, Actor, string | null]>([
    ['province account: its province (and the national rounds)', officer, '82'],
    ['ministry: every round', ministryAdmin, null],
    ['anonymous: no filter (the route is for accounts)', ANONYMOUS, null],
  ])('visible: %s', (_label, actor, expected) => {
    expect(roundsVisibleProvince(actor)).toBe(expected);
  });
});

describe('calendar (Art. 7.2 working days)', () => {
  it.each<[string, Actor, boolean, string | null]>([
    ['province admin edits its province', provinceAdmin, true, '82'],
    ['ministry admin edits the national calendar', ministryAdmin, true, null],
    ['officer reads its province', officer, false, '82'],
    ['producer', producer, false, '82'],
    ['anonymous reads the national calendar', ANONYMOUS, false, null],
  ])('%s', (_label, actor, edit, province) => {
    expect(canEditCalendar(actor)).toBe(edit);
    expect(calendarProvince(actor)).toBe(province);
  });
});

describe('office acts', () => {
  it.each<[string, Actor, boolean]>([
    ['province admin', provinceAdmin, true],
    ['ministry admin', ministryAdmin, true],
    ['officer', officer, false],
    ['council', council, false],
    ['producer', producer, false],
    ['anonymous', ANONYMOUS, false],
  ])('%s', (_label, actor, expected) => {
    expect(canManageUsers(actor)).toBe(expected);
    expect(canImportCriteria(actor)).toBe(expected);
    expect(canChangeScoringSettings(actor, '82')).toBe(expected);
  });

  it('a province office changes only its own scoring rules; the ministry any', () => {
    expect(canChangeScoringSettings(otherProvinceAdmin, '82')).toBe(false);
    expect(canChangeScoringSettings(ministryAdmin, '01')).toBe(true);
  });
});

describe('national scope (Art. 7.4b)', () => {
  it.each<[Role, boolean]>([
    ['admin', true],
    ['council', true],
    ['officer', false],
    ['producer', false],
  ])('%s → %s', (role, expected) => {
    expect(mayHaveNationalScope(role)).toBe(expected);
  });
});

describe('accounts', () => {
  it.each<[Role, ReturnType<typeof accountReach>]>([
    ['admin', 'area'],
    ['officer', 'communes'],
    ['producer', 'subject'],
    ['council', 'seats'],
  ])('an account of role %s reaches its %s', (role, reach) => {
    expect(accountReach(role)).toBe(reach);
  });

  it('keeps an administrator from deactivating themselves or giving up their own administrator role', () => {
    expect(locksOutSelf(provinceAdmin, provinceAdmin.userId, { role: 'officer', active: true })).toBe(true);
    expect(locksOutSelf(provinceAdmin, provinceAdmin.userId, { role: 'admin', active: false })).toBe(true);
    expect(locksOutSelf(provinceAdmin, provinceAdmin.userId, { role: 'admin', active: true })).toBe(false);
    expect(locksOutSelf(provinceAdmin, 'someone-else', { role: 'officer', active: false })).toBe(false);
  });

  it('ends the sessions of an account deactivated or given another role', () => {
    expect(changesAccess({ role: 'officer' }, { role: 'officer', active: true })).toBe(false);
    expect(changesAccess({ role: 'officer' }, { role: 'admin', active: true })).toBe(true);
    expect(changesAccess({ role: 'officer' }, { role: 'officer', active: false })).toBe(true);
  });
});

describe('programme views', () => {
  it.each<[string, Actor, boolean]>([
    ['province admin', provinceAdmin, true],
    ['ministry admin', ministryAdmin, true],
    ['officer', officer, true],
    ['council', council, false],
    ['producer', producer, false],
    ['anonymous', ANONYMOUS, false],
  ])('%s', (_label, actor, expected) => {
    expect(seesProgramme(actor)).toBe(expected);
  });
});
