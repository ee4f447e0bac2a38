import { describe, expect, it } from 'vitest';
import { mayReadAllSheets, mayRunSession, mayScore } from './council-rules.js';

describe('council rules', () => {
  it.each([
    [{ organisation: 'Sở Công Thương' }, undefined, 'declare_first'],
    [{ organisation: 'Sở Công Thương' }, { hasConflict: false }, 'yes'],
    [{ organisation: 'Sở Công Thương' }, { hasConflict: true }, 'conflicted'],
    [{ organisation: 'HỢP TÁC XÃ QUÝT HỒNG LAI VUNG ' }, { hasConflict: false }, 'own_organisation'],
  ])('member of %o with %o → %s', (member, declaration, expected) => {
    expect(mayScore(member, 'Hợp tác xã Quýt hồng Lai Vung', declaration)).toBe(expected);
  });

  it('hides other members’ sheets until the session closes, except from those who run it', () => {
    expect(mayReadAllSheets('member', 'open', false)).toBe(false);
    expect(mayReadAllSheets('member', 'closed', false)).toBe(true);
    expect(mayReadAllSheets('chair', 'open', false)).toBe(true);
    expect(mayRunSession('vice_chair', false)).toBe(false);
    expect(mayRunSession('secretary', false)).toBe(true);
  });
});
