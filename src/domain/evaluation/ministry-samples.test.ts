import { describe, expect, it } from 'vitest';
import { checkSamplesSent } from './ministry-samples.js';

describe('samples sent to the ministry (Art. 6.3a)', () => {
  it.each<[string, number, number, boolean]>([
    ['none for a food product', 1, 0, false],
    ['four for a food product', 1, 4, false],
    ['five for a food product', 1, 5, true],
    ['six for a food product', 7, 6, true],
    ['none for a tourism service', 26, 0, true],
  ])('%s', (_label, setNumber, sent, ok) => expect(checkSamplesSent(setNumber, sent) === null).toBe(ok));
  it('says how many are needed', () => expect(checkSamplesSent(1, 0)?.vi).toContain('05 sản phẩm mẫu'));
});
