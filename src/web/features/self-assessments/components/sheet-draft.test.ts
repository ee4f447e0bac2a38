import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../lib/api/client.js';
import type { Criterion } from '../../criteria/index.js';
import { criterionErrors, toDraftBody, withCase, withChoice, withNote, type SheetDraft } from './sheet-draft.js';

const criterion = (code: string, cases: ('a' | 'b' | null)[]): Criterion => ({
  kind: 'criterion',
  code,
  label: code,
  maxPoints: 3,
  requirementNote: null,
  optionsNote: null,
  options: cases.map((c, i) => ({ label: `${code}/${i}`, points: i, minStar: null, case: c })),
});

const empty: SheetDraft = { choices: {}, case: null, notes: {}, generalNote: '' };

describe('sheet draft', () => {
  it('records choices and notes without touching the previous draft', () => {
    const next = withNote(withChoice(empty, '1.1', 2), '1.1', 'HTX có hợp đồng');
    expect(next).toEqual({ choices: { '1.1': 2 }, case: null, notes: { '1.1': 'HTX có hợp đồng' }, generalNote: '' });
    expect(empty.choices).toEqual({});
  });

  it('drops the choices of the other case when the case changes', () => {
    const criteria = [criterion('7', [null, null]), criterion('8', ['a', 'a', 'b', 'b'])];
    const draft = { ...empty, case: 'a' as const, choices: { '7': 1, '8': 1 } };
    expect(withCase(draft, criteria, 'b').choices).toEqual({ '7': 1 });
    expect(withCase(draft, criteria, 'a').choices).toEqual({ '7': 1, '8': 1 });
  });

  it('sends an empty general note as null', () => {
    expect(toDraftBody({ ...empty, generalNote: '  ' }).generalNote).toBeNull();
  });

  it('reads criterion codes from the server’s field errors', () => {
    const error = new ApiError(400, 'invalid_score_sheet', 'Phiếu chưa đủ', { 'choices.1.1': 'Chưa chọn 1.1', 'choices.6.1.1': 'Chưa chọn 6.1.1', case: 'x' });
    expect(criterionErrors(error)).toEqual({ '1.1': 'Chưa chọn 1.1', '6.1.1': 'Chưa chọn 6.1.1' });
    expect(criterionErrors(new Error('x'))).toEqual({});
  });
});
