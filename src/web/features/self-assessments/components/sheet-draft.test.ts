import { describe, expect, it } from 'vitest';
import { withChoice } from '../../../components/score-sheet/index.js';
import { toDraftBody, withNote, type SheetDraft } from './sheet-draft.js';

const empty: SheetDraft = { choices: {}, case: null, notes: {}, generalNote: '' };

describe('sheet draft', () => {
  it('records choices and notes without touching the previous draft', () => {
    const next = withNote(withChoice(empty, '1.1', 2), '1.1', 'HTX có hợp đồng');
    expect(next).toEqual({ choices: { '1.1': 2 }, case: null, notes: { '1.1': 'HTX có hợp đồng' }, generalNote: '' });
    expect(empty.choices).toEqual({});
  });

  it('sends an empty general note as null', () => {
    expect(toDraftBody({ ...empty, generalNote: '  ' }).generalNote).toBeNull();
  });
});
