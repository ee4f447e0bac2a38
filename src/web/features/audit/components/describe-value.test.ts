import { describe, expect, it } from 'vitest';
import { describeValue } from './describe-value.js';

const texts = { yes: 'Có', no: 'Không', items: (n: number) => `${n} mục` };

describe('describeValue', () => {
  it('formats recorded values for reading', () => {
    expect(describeValue(null, texts)).toBe('—');
    expect(describeValue(true, texts)).toBe('Có');
    expect(describeValue(1200, texts)).toBe('1.200');
    expect(describeValue('2026-01-31', texts)).toBe('31/01/2026');
    expect(describeValue(['29905', '30226'], texts)).toBe('29905, 30226');
    expect(describeValue([{ kind: 'vietgap' }], texts)).toBe('1 mục');
    expect(describeValue([], texts)).toBe('—');
  });
});
