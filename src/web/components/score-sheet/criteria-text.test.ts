import { describe, expect, it } from 'vitest';
import { leadMinistryText, optionsNoteText, sectorText } from './criteria-text.js';

const set = {
  sector: 'I. Thực phẩm',
  sectorEn: 'food',
  leadMinistry: 'Bộ Nông nghiệp và Môi trường; Bộ Công Thương',
  leadMinistryEn: 'Ministry of Agriculture and Environment; Ministry of Industry and Trade',
};

describe('criteria display fields by language', () => {
  it.each([
    ['vi', set, 'I. Thực phẩm'],
    ['en', set, 'I. Food'],
    ['en', { sector: 'VI. Dịch vụ du lịch', sectorEn: 'community tourism, eco-tourism' }, 'VI. Community tourism, eco-tourism'],
    ['en', { sector: 'Thực phẩm', sectorEn: 'food' }, 'Food'],
    ['en', { sector: 'Thực phẩm', sectorEn: '' }, 'Thực phẩm'],
    ['en', { sector: 'Thực phẩm', sectorEn: null }, 'Thực phẩm'],
  ] as const)('sector in %s: %o → %s', (lang, s, expected) => {
    expect(sectorText(s, lang)).toBe(expected);
  });

  it('shows each language its own lead ministry, never the other', () => {
    expect(leadMinistryText(set, 'vi')).toBe('Bộ Nông nghiệp và Môi trường; Bộ Công Thương');
    expect(leadMinistryText(set, 'en')).toBe('Ministry of Agriculture and Environment; Ministry of Industry and Trade');
    expect(leadMinistryText({ leadMinistry: null, leadMinistryEn: null }, 'en')).toBe('');
  });

  it('shows the options note in the interface language, Vietnamese when there is no English', () => {
    const c = { optionsNote: 'Quyết định chỉ quy định điểm tối đa', optionsNoteEn: 'The decision gives only the maximum' };
    expect(optionsNoteText(c, 'vi')).toBe('Quyết định chỉ quy định điểm tối đa');
    expect(optionsNoteText(c, 'en')).toBe('The decision gives only the maximum');
    expect(optionsNoteText({ optionsNote: 'Ghi chú', optionsNoteEn: null }, 'en')).toBe('Ghi chú');
    expect(optionsNoteText({ optionsNote: null, optionsNoteEn: null }, 'vi')).toBeNull();
  });
});
