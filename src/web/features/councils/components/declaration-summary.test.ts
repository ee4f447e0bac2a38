import { describe, expect, it } from 'vitest';
import { summariseDeclarations } from './declaration-summary.js';

const d = (memberId: string, hasConflict: boolean) => ({ memberId, memberName: `Thành viên ${memberId}`, hasConflict });

describe('summariseDeclarations', () => {
  it('counts three "no conflict" declarations as declared, none conflicted', () => {
    expect(summariseDeclarations([d('a', false), d('b', false), d('c', false)], ['a', 'b', 'c', 'd', 'e'])).toEqual({
      declared: 3,
      total: 5,
      conflicted: 0,
      conflictedNames: [],
    });
  });

  it('counts conflicts separately, with their names', () => {
    expect(summariseDeclarations([d('a', false), d('b', true), d('c', false)], ['a', 'b', 'c', 'd', 'e'])).toEqual({
      declared: 3,
      total: 5,
      conflicted: 1,
      conflictedNames: ['Thành viên b'],
    });
  });

  it('ignores declarations of members who do not score, and has no total when the council is unknown', () => {
    expect(summariseDeclarations([d('a', true), d('x', true)], ['a', 'b']).declared).toBe(1);
    expect(summariseDeclarations([d('a', true), d('x', false)])).toMatchObject({ declared: 2, total: null, conflicted: 1 });
  });
});
