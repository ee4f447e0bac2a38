/**
 * Units of amounts in đồng, as people write them after a number ("1,5 triệu", "2 tỷ", "500 nghìn")
 * or in a column's header ("Kinh phí (triệu đồng)"), with or without the currency ("đ", "VNĐ").
 */
const MONEY_UNITS: readonly [RegExp, number][] = [
  [/(ty|ti)$/, 1e9],
  [/(trieu|tr)$/, 1e6],
  [/(nghin|ngan|k)$/, 1e3],
];
const CURRENCY = /(dong|vnd|d|₫)$/;
/** The largest amount the API takes (contracts: money). */
export const MONEY_MAX = 1e15;

/** The multiplier a unit written after an amount or in a header names: "triệu đồng" → 1e6, "đồng" → 1; null for anything else. */
export function moneyUnit(text: string): number | null {
  let s = text.normalize('NFD').toLowerCase().replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/[\s.]/g, '');
  if (s === '') return 1;
  const currency = CURRENCY.exec(s);
  if (currency) s = s.slice(0, -currency[0].length);
  if (s === '') return 1;
  for (const [unit, factor] of MONEY_UNITS) if (unit.test(s) && s.replace(unit, '') === '') return factor;
  return null;
}
