import { describe, expect, it } from 'vitest';
import { breakdownLabel } from './breakdowns.js';
import { INDICATOR_GROUP_LABELS, INDICATOR_UNIT_LABELS, INDICATORS, indicatorByCode } from './catalogue.js';

describe('indicator catalogue', () => {
  it('has unique snake_case codes', () => {
    const codes = INDICATORS.map((x) => x.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const c of codes) expect(c).toMatch(/^[a-z][a-z0-9_]*$/);
  });
  it('names and defines every indicator in Vietnamese and English', () => {
    for (const x of INDICATORS) for (const t of [x.name.vi, x.name.en, x.definition.vi, x.definition.en]) expect(t.trim().length).toBeGreaterThan(3);
  });
  it('looks indicators up by code', () => {
    expect(indicatorByCode('products_evaluated')?.unit).toBe('products');
    expect(indicatorByCode('nope')).toBeUndefined();
  });
  it('labels every unit and group it uses', () => {
    for (const x of INDICATORS) {
      expect(INDICATOR_UNIT_LABELS[x.unit].vi.length).toBeGreaterThan(0);
      expect(INDICATOR_GROUP_LABELS[x.group].en.length).toBeGreaterThan(0);
    }
  });
  it('names breakdown keys from the domain’s lists, and an unknown key as it is', () => {
    expect(breakdownLabel('platform', 'tiktok_shop')).toEqual({ vi: 'TikTok Shop', en: 'TikTok Shop' });
    expect(breakdownLabel('channel', 'convenience').vi).toBe('Cửa hàng tiện lợi');
    expect(breakdownLabel('legalForm', 'HTX').vi).toBe('Hợp tác xã');
    expect(breakdownLabel('star', '4')).toEqual({ vi: '4 sao', en: '4★' });
    expect(breakdownLabel('supportArea', 'toString')).toEqual({ vi: 'toString', en: 'toString' });
  });
});
