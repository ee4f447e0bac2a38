import { describe, expect, it } from 'vitest';
import { ApiError } from '../../lib/api/client.js';
import type { Criterion } from './criteria-tree.js';
import { criterionErrors, withCase, withChoice, type Choosing } from './sheet-draft.js';

const criterion = (code: string, cases: ('a' | 'b' | null)[]): Criterion => ({
  kind: 'criterion',
  code,
  label: code,
  maxPoints: 3,
  requirementNote: null,
  optionsNote: null,
  optionsNoteEn: null,
  options: cases.map((c, i) => ({ label: `${code}/${i}`, points: i, minStar: null, case: c })),
});

const empty: Choosing = { choices: {}, case: null };

describe('score sheet draft', () => {
  it('records a choice without touching the previous draft', () => {
    expect(withChoice(empty, '1.1', 2)).toEqual({ choices: { '1.1': 2 }, case: null });
    expect(empty.choices).toEqual({});
  });

  it('drops the choices of the other case when the case changes', () => {
    const criteria = [criterion('7', [null, null]), criterion('8', ['a', 'a', 'b', 'b'])];
    const draft = { ...empty, case: 'a' as const, choices: { '7': 1, '8': 1 } };
    expect(withCase(draft, criteria, 'b').choices).toEqual({ '7': 1 });
    expect(withCase(draft, criteria, 'a').choices).toEqual({ '7': 1, '8': 1 });
  });

  it('reads criterion codes from the server’s field errors', () => {
    const error = new ApiError(400, 'invalid_score_sheet', 'Phiếu chưa đủ', { 'choices.1.1': 'Chưa chọn 1.1', 'choices.6.1.1': 'Chưa chọn 6.1.1', case: 'x' });
    expect(criterionErrors(error)).toEqual({ '1.1': 'Chưa chọn 1.1', '6.1.1': 'Chưa chọn 6.1.1' });
    expect(criterionErrors(new Error('x'))).toEqual({});
  });
});
