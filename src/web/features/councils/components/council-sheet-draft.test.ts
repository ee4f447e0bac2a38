import { describe, expect, it } from 'vitest';
import { councilDraftOf, toSheetChoices } from './council-sheet-draft.js';

const progress = { answered: 0, of: 2, missing: [], total: 0, maxTotal: 100, parts: [], groups: [], bandStar: 1, case: 'b' as const };

describe('council sheet draft', () => {
  it('takes the case of the options when the sheet has none', () => {
    expect(councilDraftOf({ choices: { '1.1': 2 }, case: null, disqualifiedReason: null, progress })).toEqual({
      choices: { '1.1': 2 },
      case: 'b',
      disqualified: false,
      disqualifiedReason: '',
    });
  });

  it('sends a disqualification only when ticked and explained', () => {
    const draft = { choices: {}, case: null, disqualified: true, disqualifiedReason: '  Hồ sơ giả mạo  ' };
    expect(toSheetChoices(draft).disqualifiedReason).toBe('Hồ sơ giả mạo');
    expect(toSheetChoices({ ...draft, disqualified: false }).disqualifiedReason).toBeNull();
    expect(toSheetChoices({ ...draft, disqualifiedReason: ' ' }).disqualifiedReason).toBeNull();
  });
});
