import type { ComboboxParsedItem } from '@mantine/core';
import { describe, expect, it } from 'vitest';
import { accentInsensitiveFilter } from './text.js';

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
