import { describe, expect, it } from 'vitest';
import { casesToChoose, criteriaOfSet, criterionAnchor, noteLines, optionAppliesToCase, type CriteriaSetDetail, type Criterion } from './criteria-tree.js';

const option = (label: string, points: number, extra: Partial<Criterion['options'][number]> = {}) => ({ label, points, minStar: null, case: null, ...extra });
const criterion = (code: string, options: Criterion['options']): Criterion => ({
  kind: 'criterion',
  code,
  label: `Tiêu chí ${code}`,
  maxPoints: 3,
  requirementNote: null,
  optionsNote: null,
  optionsNoteEn: null,
  options,
});

const set: CriteriaSetDetail['set'] = {
  number: 26,
  code: 'du-lich',
  name: 'Du lịch',
  sector: 'VI',
  sectorEn: 'tourism',
  productGroup: 'same',
  leadMinistry: 'VHTTDL',
  leadMinistryEn: '',
  disqualifiers: [],
  parts: [
    {
      code: 'A',
      label: 'SẢN PHẨM',
      maxPoints: 40,
      items: [
        {
          kind: 'group',
          code: '6',
          label: 'NHÓM',
          maxPoints: 6,
          requirementNote: null,
          children: [
            { kind: 'group', code: '6.1', label: 'NHÓM CON', maxPoints: 3, requirementNote: null, children: [criterion('6.1.1', [option('Có', 1)])] },
            criterion('6.2', [option('Không', 0)]),
          ],
        },
      ],
    },
    {
      code: 'C',
      label: 'CHẤT LƯỢNG',
      maxPoints: 35,
      items: [criterion('8', [option('Cộng đồng', 1, { case: 'b' }), option('Điểm du lịch', 3, { case: 'a', minStar: 4 })])],
    },
  ],
};

describe('criteria tree', () => {
  it('lists scorable criteria in sheet order through nested groups', () => {
    expect(criteriaOfSet(set).map((c) => c.code)).toEqual(['6.1.1', '6.2', '8']);
  });

  it('finds the cases a sheet must choose between', () => {
    expect(casesToChoose(set)).toEqual(['a', 'b']);
    expect(casesToChoose({ ...set, parts: [set.parts[0]!] })).toEqual([]);
  });

  it('offers case options only under their case', () => {
    expect(optionAppliesToCase(option('x', 1), null)).toBe(true);
    // With no case chosen yet every option applies: the sheet takes the case of the first case option
    // chosen (the domain's rule, src/domain/criteria/queries.ts; the server scores the same way).
    expect(optionAppliesToCase(option('x', 1, { case: 'a' }), null)).toBe(true);
    expect(optionAppliesToCase(option('x', 1, { case: 'a' }), 'a')).toBe(true);
    expect(optionAppliesToCase(option('x', 1, { case: 'a' }), 'b')).toBe(false);
  });

  it('splits requirement notes at the sheet’s line breaks', () => {
    expect(noteLines('Lựa chọn một trong hai trường hợp sau: | a. Trường hợp 1 | b. Trường hợp 2')).toEqual([
      'Lựa chọn một trong hai trường hợp sau:',
      'a. Trường hợp 1',
      'b. Trường hợp 2',
    ]);
    expect(noteLines(null)).toEqual([]);
  });

  it('makes element ids from criterion codes', () => {
    expect(criterionAnchor('6.1.1')).toBe('criterion-6-1-1');
  });
});
