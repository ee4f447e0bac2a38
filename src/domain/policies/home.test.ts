import { describe, expect, it } from 'vitest';
import { ANONYMOUS, checkRouteAccess, type UserActor } from './actors.js';
import { ownSubjectOf } from './activities.js';
import { COUNCIL_HOME_ACCESS, homeOf, homeSeatsOf, PRODUCER_HOME_ACCESS } from './home.js';

const user = (role: UserActor['role'], extra: Partial<UserActor> = {}): UserActor => ({
  kind: 'user',
  userId: `u-${role}`,
  role,
  provinceCode: '82',
  communeCodes: [],
  subjectId: null,
  ...extra,
});

describe('own home pages', () => {
  it.each([
    ['a producer with its subject', user('producer', { subjectId: 's1' }), 'producer'],
    ['a producer account without a subject', user('producer'), 'office'],
    ['a council member', user('council'), 'council'],
    ['an officer', user('officer', { communeCodes: ['29905'] }), 'office'],
    ['the province office', user('admin'), 'office'],
    ['the ministry office', user('admin', { provinceCode: null }), 'office'],
    ['nobody signed in', ANONYMOUS, 'office'],
  ] as const)('%s gets the %s home', (_, actor, home) => expect(homeOf(actor)).toBe(home));

  it('shows a producer only its own subject, a member only their own seats', () => {
    expect(ownSubjectOf(user('producer', { subjectId: 's1' }))).toBe('s1');
    expect(ownSubjectOf(user('admin'))).toBeNull();
    expect(ownSubjectOf(user('council'))).toBeNull();
    expect(homeSeatsOf(user('council'))).toBe('u-council');
    expect(homeSeatsOf(user('admin'))).toBeNull();
    expect(homeSeatsOf(ANONYMOUS)).toBeNull();
  });

  it('opens each own page to its role only', () => {
    for (const role of ['admin', 'officer', 'council', 'producer'] as const) {
      expect(checkRouteAccess(user(role), PRODUCER_HOME_ACCESS)).toBe(role === 'producer' ? 'allow' : 'forbidden');
      expect(checkRouteAccess(user(role), COUNCIL_HOME_ACCESS)).toBe(role === 'council' ? 'allow' : 'forbidden');
    }
    expect(checkRouteAccess(ANONYMOUS, PRODUCER_HOME_ACCESS)).toBe('unauthenticated');
  });
});
