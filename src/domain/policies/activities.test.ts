import { describe, expect, it } from 'vitest';
import { mayCreateActivity } from './activities.js';
import type { UserActor } from './actors.js';

const user = (role: UserActor['role'], provinceCode: string | null, communeCodes: string[] = []): UserActor => ({
  kind: 'user',
  userId: 'u',
  role,
  provinceCode,
  communeCodes,
  subjectId: role === 'producer' ? 's' : null,
});

describe('mayCreateActivity', () => {
  it("lets the office create (an account without a province acts for the deployment's)", () => {
    expect(mayCreateActivity(user('admin', '82'), '82')).toBe(true);
    expect(mayCreateActivity(user('admin', null), '82')).toBe(true);
  });

  it('lets a commune officer create only when they have a commune of the province', () => {
    expect(mayCreateActivity(user('officer', '82', ['30037']), '82')).toBe(true);
    expect(mayCreateActivity(user('officer', '82', []), '82')).toBe(false);
  });

  it('refuses producers and council members', () => {
    expect(mayCreateActivity(user('producer', '82', ['30037']), '82')).toBe(false);
    expect(mayCreateActivity(user('council', '82'), '82')).toBe(false);
  });
});
