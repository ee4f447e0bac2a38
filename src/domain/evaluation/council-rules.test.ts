import { describe, expect, it } from 'vitest';
import { checkCouncilComposition, maySeeOthersScores, mayRunSession, mayScore, votesByDefault, type CouncilMemberDraft } from './council-rules.js';

describe('council rules', () => {
  it.each([
    [{ organisation: 'Sở Công Thương', voting: true }, undefined, 'declare_first'],
    [{ organisation: 'Sở Công Thương', voting: true }, { hasConflict: false }, 'yes'],
    [{ organisation: 'Sở Công Thương', voting: true }, { hasConflict: true }, 'conflicted'],
    [{ organisation: 'HỢP TÁC XÃ QUÝT HỒNG LAI VUNG ', voting: true }, { hasConflict: false }, 'own_organisation'],
    [{ organisation: 'Văn phòng Điều phối', voting: false }, { hasConflict: false }, 'not_voting'],
  ])('member of %o with %o → %s', (member, declaration, expected) => {
    expect(mayScore(member, 'Hợp tác xã Quýt hồng Lai Vung', declaration)).toBe(expected);
  });

  it('hides every member’s scores from everyone until the session closes', () => {
    expect(maySeeOthersScores('open')).toBe(false);
    expect(maySeeOthersScores('closed')).toBe(true);
    expect(mayRunSession('vice_chair', false)).toBe(false);
    expect(mayRunSession('secretary', false)).toBe(true);
    expect(mayRunSession(null, true)).toBe(true);
  });

  it('makes a secretary non-voting unless appointed a member', () => {
    expect(votesByDefault('secretary')).toBe(false);
    expect(votesByDefault('member')).toBe(true);
  });

  describe('composition (Art. 7.3b)', () => {
    const seat = (
      position: CouncilMemberDraft['position'],
      userId: string | null,
      userRole: string | null = 'council',
      voting = votesByDefault(position),
    ): CouncilMemberDraft => ({ position, voting, userId, userRole });
    const five = [
      seat('chair', 'u1'),
      seat('member', 'u2'),
      seat('member', 'u3'),
      seat('member', 'u4'),
      seat('member', null, null),
      seat('secretary', 'u6', 'admin'),
    ];

    it('accepts a chair, a secretary and enough scoring members', () =>
      expect(checkCouncilComposition(five, { minVoting: 5, needsSecretary: true })).toEqual({ ok: true }));

    it.each<[string, CouncilMemberDraft[], string]>([
      ['no chair', five.slice(1), 'members'],
      ['two chairs', [...five, seat('chair', 'u7')], 'members'],
      ['no secretary', five.slice(0, 5), 'members'],
      ['too few scoring members', [seat('chair', 'u1'), seat('secretary', 'u2'), seat('member', 'u3')], 'members'],
      ['a producer account', [...five, seat('member', 'p1', 'producer')], 'members.6.userId'],
      ['the same account twice', [...five, seat('member', 'u2')], 'members.6.userId'],
      ['a chair who does not score', [seat('chair', 'u1', 'council', false), ...five.slice(1), seat('member', 'u9')], 'members.0.voting'],
    ])('refuses %s', (_label, members, field) => {
      const check = checkCouncilComposition(members, { minVoting: 5, needsSecretary: true });
      expect(check.ok).toBe(false);
      if (!check.ok) expect(Object.keys(check.problems)).toContain(field);
    });

    it('counts an appointed secretary-member among the scoring members', () => {
      const withMemberSecretary = [
        seat('chair', 'u1'),
        seat('member', 'u2'),
        seat('member', 'u3'),
        seat('member', 'u4'),
        seat('secretary', 'u5', 'officer', true),
      ];
      expect(checkCouncilComposition(withMemberSecretary, { minVoting: 5, needsSecretary: true })).toEqual({ ok: true });
    });

    it('asks an advisory team only for its head', () => {
      expect(checkCouncilComposition([seat('chair', 'u1')], { minVoting: 1, needsSecretary: false })).toEqual({ ok: true });
    });
  });
});
