import { describe, expect, it } from 'vitest';
import {
  administersCouncil,
  ANONYMOUS,
  canDecide,
  canRecordHistoricalResult,
  canRevokeCertificate,
  canRunSession,
  canSetUpCouncil,
  councilScope,
  decisionScope,
  mayAnswerQuestions,
  mayAskQuestions,
  mayOrderRescoring,
  mayPackageForMinistry,
  mayReadCouncil,
  mayReadDecision,
  mayReadDossier,
  mayReadFiling,
  mayReadPaper,
  mayReadReview,
  readsThroughSeat,
  reviewsDossier,
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

const provinceOffice = user('admin');
const otherProvinceOffice = user('admin', { provinceCode: '01' });
const ministryOffice = user('admin', { provinceCode: null });
const officer = user('officer', { communeCodes: ['29905'] });
const producer = user('producer', { subjectId: 's1' });
const councilMember = user('council');

/** A dossier of subject s1, in Sa Đéc (Đồng Tháp, 82). */
const dossier = { id: 's1', provinceCode: '82', communeCode: '29905' };
const provincialCouncil = { level: 'province' as const, provinceCode: '82' };
const centralCouncil = { level: 'ministry' as const, provinceCode: null };

describe('dossiers (Art. 6, 7.1)', () => {
  it.each<[string, Actor, boolean, boolean, boolean]>([
    // label, actor, reads the dossier, reads the filing unseated, reads it seated
    ['the province office', provinceOffice, true, true, true],
    ['another province office', otherProvinceOffice, false, false, false],
    ['the ministry office', ministryOffice, true, true, true],
    ['the commune officer', officer, true, true, true],
    ['the producer', producer, true, true, true],
    ['a council member', councilMember, false, false, true],
    ['the public', ANONYMOUS, false, false, false],
  ])('%s', (_label, actor, reads, filing, seatedFiling) => {
    expect(mayReadDossier(actor, dossier)).toBe(reads);
    expect(mayReadFiling(actor, dossier, false)).toBe(filing);
    expect(mayReadFiling(actor, dossier, true)).toBe(seatedFiling);
    expect(mayReadPaper(actor, dossier, false)).toBe(filing);
    expect(mayReadPaper(actor, dossier, true)).toBe(seatedFiling);
  });

  it('lets a seat count only for accounts of the council role', () => {
    expect(readsThroughSeat(councilMember)).toBe(true);
    expect([provinceOffice, officer, producer, ANONYMOUS].some(readsThroughSeat)).toBe(false);
    // An officer seated on a council reads a dossier outside its communes through neither rule.
    expect(mayReadFiling(user('officer', { communeCodes: ['30037'] }), dossier, true)).toBe(false);
  });

  it.each<[string, Actor, boolean]>([
    ['the province office', provinceOffice, true],
    ['the ministry office', ministryOffice, true],
    ['another province office', otherProvinceOffice, false],
    ['the commune officer', officer, false],
    ['the producer', producer, false],
    ['the public', ANONYMOUS, false],
  ])('packages for the ministry (Art. 6.3a): %s → %s', (_label, actor, ok) => expect(mayPackageForMinistry(actor, dossier)).toBe(ok));
});

describe('review of a dossier (Art. 7.3c, 7.4c)', () => {
  it.each<[string, Actor, boolean, boolean]>([
    ['the province office', provinceOffice, true, false],
    ['the ministry office', ministryOffice, true, true],
    ['another province office', otherProvinceOffice, false, false],
    ['the commune officer', officer, false, false],
    ['a council member', councilMember, false, false],
  ])('advisory team: %s → province %s, ministry %s', (_label, actor, province, ministry) => {
    expect(reviewsDossier(actor, dossier, 'province')).toBe(province);
    expect(reviewsDossier(actor, dossier, 'ministry')).toBe(ministry);
  });

  it.each<[string, Actor, boolean, boolean, boolean]>([
    // label, actor, seated, reads, asks (provincial stage)
    ['the province office', provinceOffice, false, true, true],
    ['the producer', producer, false, true, false],
    ['the commune officer', officer, false, true, false],
    ['a seated council member', councilMember, true, true, true],
    ['a council member without a seat', councilMember, false, false, false],
    ['another province office, seated', otherProvinceOffice, true, true, true],
    ['the public', ANONYMOUS, false, false, false],
  ])('%s', (_label, actor, seated, reads, asks) => {
    expect(mayReadReview(actor, dossier, seated)).toBe(reads);
    expect(mayAskQuestions(actor, dossier, 'province', seated)).toBe(asks);
  });

  it.each<[string, Actor, boolean]>([
    ['the producer', producer, true],
    ['another producer', user('producer', { subjectId: 's2' }), false],
    ['the commune officer', officer, true],
    ['an officer of another commune', user('officer', { communeCodes: ['30037'] }), false],
    ['the office', provinceOffice, false],
    ['the public', ANONYMOUS, false],
  ])('answers (Art. 6.2): %s → %s', (_label, actor, ok) => expect(mayAnswerQuestions(actor, dossier)).toBe(ok));
});

describe('councils (Art. 7.3b, 7.4b)', () => {
  it.each<[string, Actor, boolean, boolean]>([
    ['the province office', provinceOffice, true, false],
    ['the ministry office', ministryOffice, true, true],
    ['an officer', officer, false, false],
    ['a council member', councilMember, false, false],
    ['the public', ANONYMOUS, false, false],
  ])('sets up: %s → province %s, ministry %s', (_label, actor, province, ministry) => {
    expect(canSetUpCouncil(actor, 'province')).toBe(province);
    expect(canSetUpCouncil(actor, 'ministry')).toBe(ministry);
  });

  it.each<[string, Actor, boolean, boolean]>([
    ['the province office', provinceOffice, true, false],
    ['another province office', otherProvinceOffice, false, false],
    ['the ministry office', ministryOffice, true, true],
    ['a council member', councilMember, false, false],
  ])('administers: %s → provincial %s, central %s', (_label, actor, provincial, central) => {
    expect(administersCouncil(actor, provincialCouncil)).toBe(provincial);
    expect(administersCouncil(actor, centralCouncil)).toBe(central);
    expect(mayReadCouncil(actor, provincialCouncil, false)).toBe(provincial);
    expect(mayReadCouncil(actor, centralCouncil, true)).toBe(true);
  });

  it.each<[string, Actor, ReturnType<typeof councilScope>]>([
    ['the province office', provinceOffice, { kind: 'province', provinceCode: '82' }],
    ['the ministry office', ministryOffice, { kind: 'all' }],
    ['a council member', councilMember, { kind: 'member', userId: 'u-council' }],
    ['an officer', officer, { kind: 'member', userId: 'u-officer' }],
    ['the public', ANONYMOUS, { kind: 'none' }],
  ])('lists: %s', (_label, actor, scope) => expect(councilScope(actor)).toEqual(scope));

  it.each<[string | null, boolean, boolean, boolean]>([
    ['chair', false, true, true],
    ['secretary', false, true, false],
    ['vice_chair', false, false, false],
    ['member', false, false, false],
    [null, true, true, true],
    [null, false, false, false],
  ])('%s (office: %s) runs the sitting: %s, orders re-scoring: %s', (position, office, runs, rescores) => {
    expect(canRunSession(position as Parameters<typeof canRunSession>[0], office)).toBe(runs);
    expect(mayOrderRescoring(position, office)).toBe(rescores);
  });
});

describe('decisions (Art. 7.3e, 7.4e)', () => {
  it.each<[string, Actor, boolean, boolean]>([
    ['the province office', provinceOffice, true, false],
    ['the ministry office (never as a province: Art. 7.3e)', ministryOffice, false, true],
    ['an officer', officer, false, false],
    ['a producer', producer, false, false],
    ['the public', ANONYMOUS, false, false],
  ])('drafts: %s → province %s, ministry %s', (_label, actor, province, ministry) => {
    expect(canDecide(actor, 'province')).toBe(province);
    expect(canDecide(actor, 'ministry')).toBe(ministry);
  });

  it.each<[string, Actor, ReturnType<typeof decisionScope>, boolean, boolean, boolean]>([
    // label, actor, scope, reads its province's, another province's, the Minister's
    ['the province office', provinceOffice, { kind: 'province', provinceCode: '82' }, true, false, true],
    ['the ministry office', ministryOffice, { kind: 'all' }, true, true, true],
    ['an officer', officer, { kind: 'none' }, false, false, false],
    ['the public', ANONYMOUS, { kind: 'none' }, false, false, false],
  ])('%s', (_label, actor, scope, own, other, minister) => {
    expect(decisionScope(actor)).toEqual(scope);
    expect(mayReadDecision(actor, { provinceCode: '82' })).toBe(own);
    expect(mayReadDecision(actor, { provinceCode: '01' })).toBe(other);
    expect(mayReadDecision(actor, { provinceCode: null })).toBe(minister);
  });
});

describe('revocation (Art. 8.2)', () => {
  it.each<[string, Actor, number, boolean]>([
    ['the province revokes its 4★', provinceOffice, 4, true],
    ['not a 5★, the Minister’s', provinceOffice, 5, false],
    ['the ministry revokes a 5★', ministryOffice, 5, true],
    ['the ministry may act for a province', ministryOffice, 3, true],
    ['another province does not', otherProvinceOffice, 3, false],
    ['an officer does not', officer, 3, false],
    ['nor the public', ANONYMOUS, 3, false],
  ])('%s', (_label, actor, star, ok) => expect(canRevokeCertificate(actor, { star, provinceCode: '82' })).toBe(ok));
});

describe('earlier results', () => {
  it.each<[string, Actor, boolean]>([
    ['the province office, its product', provinceOffice, true],
    ['the ministry office', ministryOffice, true],
    ['another province office', otherProvinceOffice, false],
    ['the commune officer', officer, false],
    ['the producer', producer, false],
    ['the public', ANONYMOUS, false],
  ])('%s → %s', (_label, actor, ok) => expect(canRecordHistoricalResult(actor, dossier)).toBe(ok));
});
