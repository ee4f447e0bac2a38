import type { ComboboxParsedItem } from '@mantine/core';
import { describe, expect, it } from 'vitest';
import { accentInsensitiveFilter, actorText, personInitials } from './text.js';

const options: ComboboxParsedItem[] = [
  { value: '29905', label: 'Sa Đéc' },
  { value: '30226', label: 'Lai Vung' },
  {
    group: 'Thực phẩm',
    items: [
      { value: '8', label: '8. Chế biến từ thịt' },
      { value: '1', label: '1. Rau, củ, quả' },
    ],
  },
];

describe('accentInsensitiveFilter', () => {
  it('matches without accents or case', () => {
    expect(accentInsensitiveFilter({ options, search: 'sa dec', limit: 100 })).toEqual([{ value: '29905', label: 'Sa Đéc' }]);
  });

  it('filters inside groups and drops empty ones', () => {
    expect(accentInsensitiveFilter({ options, search: 'che bien', limit: 100 })).toEqual([
      { group: 'Thực phẩm', items: [{ value: '8', label: '8. Chế biến từ thịt' }] },
    ]);
  });

  it('returns everything for an empty search', () => {
    expect(accentInsensitiveFilter({ options, search: ' ', limit: 100 })).toBe(options);
  });
});

describe('personInitials', () => {
  it.each([
    ['Lê Văn Sen (HTX Sen Tháp Mười)', 'LS'],
    ['Lê Văn Sen', 'LS'],
    ['Nguyễn Thị Ánh', 'NÁ'],
    ['Trần Minh Đức, Phó Giám đốc Sở', 'TĐ'],
    ['Phạm Thu Hà - Chi cục Phát triển nông thôn', 'PH'],
    ['Phạm Thu Hà – Chi cục', 'PH'],
    ['  võ   thị   út  ', 'VÚ'],
    ['Sen', 'S'],
    ['(chưa có tên)', '?'],
    ['', '?'],
    [null, '?'],
  ])('%s → %s', (name, expected) => {
    expect(personInitials(name)).toBe(expected);
  });
});

describe('actorText', () => {
  it('shows the full name with the e-mail as tooltip, or the label when there is no name', () => {
    expect(actorText({ actorLabel: 'canbo.sadec@ocop.demo', actorName: 'Nguyễn Thị Hoa' })).toEqual({ text: 'Nguyễn Thị Hoa', title: 'canbo.sadec@ocop.demo' });
    expect(actorText({ actorLabel: 'old@ocop.demo', actorName: null })).toEqual({ text: 'old@ocop.demo', title: undefined });
    expect(actorText({ actorLabel: 'system', actorName: '  ' })).toEqual({ text: 'system', title: undefined });
  });
});
