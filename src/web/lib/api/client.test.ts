import { describe, expect, it } from 'vitest';
import { attachmentName, toQueryString } from './client.js';

describe('attachmentName', () => {
  it('prefers the UTF-8 name, keeping Vietnamese letters', () => {
    expect(attachmentName(`attachment; filename="chu-the-2026-11-29.xlsx"; filename*=UTF-8''${encodeURIComponent('chủ-thể-2026-11-29.xlsx')}`, 'x')).toBe(
      'chủ-thể-2026-11-29.xlsx',
    );
  });

  it('falls back to the plain name, then to the given one', () => {
    expect(attachmentName('attachment; filename="san-pham-2026-11-29.csv"', 'x')).toBe('san-pham-2026-11-29.csv');
    expect(attachmentName(`attachment; filename="a.csv"; filename*=UTF-8''%E0%A4%A`, 'x')).toBe('a.csv');
    expect(attachmentName(null, 'subjects-export')).toBe('subjects-export');
  });
});

describe('toQueryString', () => {
  it('leaves out empty filters, so an export gets the same query as its list', () => {
    expect(toQueryString({ q: '', legalForm: null, communeCode: '29905', status: undefined, format: 'csv' })).toBe('?communeCode=29905&format=csv');
  });
});
