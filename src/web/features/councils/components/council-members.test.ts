import { describe, expect, it } from 'vitest';
import { scoresOnCouncil } from './council-members.js';

describe('who scores on a council', () => {
  it.each([
    ['the chair, always', { position: 'chair', voting: false }, true],
    ['a member, by default', { position: 'member', voting: null }, true],
    ['the secretary, not by default', { position: 'secretary', voting: null }, false],
    ['a secretary appointed a member (ủy viên thư ký)', { position: 'secretary', voting: true }, true],
    ['a vice-chair left out by hand', { position: 'vice_chair', voting: false }, false],
    ['nobody without a position', { position: null, voting: null }, false],
  ] as const)('%s', (_label, member, scores) => expect(scoresOnCouncil(member)).toBe(scores));
});
