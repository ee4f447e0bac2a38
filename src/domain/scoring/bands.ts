import type { CriteriaVersion, Star, StarBand } from '../criteria/types.js';
import type { GatePolicy, RecognisingLevel, StarDecision } from './types.js';

/**
 * Art. 3.3, Decision 26/2026/QĐ-TTg (same numbers under 1048 and 148): 5★ "từ 90 đến 100", 4★ "từ
 * 70 đến dưới 90", 3★ "từ 50 đến dưới 70", 2★ "từ 30 đến dưới 50", 1★ "dưới 30". Used when a caller
 * has no version at hand; the engine itself always takes the version's own bands.
 */
export const ART3_STAR_BANDS: readonly StarBand[] = [
  { star: 5, min: 90, max: 100, maxInclusive: true },
  { star: 4, min: 70, max: 90, maxInclusive: false },
  { star: 3, min: 50, max: 70, maxInclusive: false },
  { star: 2, min: 30, max: 50, maxInclusive: false },
  { star: 1, min: 0, max: 30, maxInclusive: false },
];

/**
 * Totals are sums of points and, for a council, means of member totals ("tổng điểm trung bình"), so
 * they are fractional. Floating-point noise (69.99999999999999 for a mean that is 70 in decimal) must
 * not drop a product a band; genuine fractions are never this close to a bound (a mean of n integer
 * totals is at least 1/n away from an integer it does not equal).
 */
const EPSILON = 1e-9;

/** The star of the band a total falls in: half-open bands [min, max), the top band closed at 100. */
export function starForTotal(total: number, bands: readonly StarBand[] = ART3_STAR_BANDS): Star {
  if (!Number.isFinite(total)) throw new RangeError(`Total must be a finite number, got ${total}`);
  for (const band of bands) {
    const aboveMin = total + EPSILON >= band.min;
    const belowMax = band.maxInclusive ? total <= band.max + EPSILON : total + EPSILON < band.max;
    if (aboveMin && belowMax) return band.star;
  }
  throw new RangeError(`Total ${total} lies outside every star band (0–100)`);
}

/** Lower bound of a star's band. */
export function bandMinimum(star: Star, bands: readonly StarBand[]): number {
  const band = bands.find((b) => b.star === star);
  if (!band) throw new RangeError(`No band for ${star}★`);
  return band.min;
}

/**
 * Art. 4.1, Decision 26/2026/QĐ-TTg: the provincial People's Committee recognises 3★ and 4★; the
 * Ministry of Agriculture and Environment recognises 5★; 1–2★ get no decision. 1048/QĐ-TTg had the
 * same split between province and central level (ocop-rules.md §7.5), so one rule serves both
 * versions encoded today. (148/QĐ-TTg before 1489/2025 had districts recognise 3★: add a rule per
 * legal basis if that version is ever encoded.)
 */
export function recognisingLevel(star: Star | null, version: Pick<CriteriaVersion, 'certifiedStars'>): RecognisingLevel | null {
  if (star === null || !version.certifiedStars.includes(star)) return null;
  return star === 5 ? 'ministry' : 'province';
}

/**
 * Combines the band, the minimum markers and the dossier flag into the awarded star.
 *
 * - cap: the highest N ≤ bandStar whose minimums at every level ≤ N are met, i.e.
 *   min(bandStar, gateCeiling). Raising any answer can only raise this (monotone).
 * - not-achieved: a missed minimum at or below the band means the product is not recognised
 *   (star null). Not monotone: adding points can move a product into a band whose minimum it misses.
 * - A disqualified dossier is not ranked whatever the policy.
 */
export function decideStar(
  version: Pick<CriteriaVersion, 'certifiedStars'>,
  bandStar: Star,
  gateCeiling: Star,
  gatePolicy: GatePolicy,
  disqualified: boolean,
): StarDecision {
  let star: Star | null;
  let outcome: StarDecision['outcome'];
  if (disqualified) {
    star = null;
    outcome = 'disqualified';
  } else if (gateCeiling >= bandStar) {
    star = bandStar;
    outcome = 'ranked';
  } else if (gatePolicy === 'cap') {
    star = gateCeiling;
    outcome = 'ranked';
  } else {
    star = null;
    outcome = 'not-achieved';
  }
  const level = recognisingLevel(star, version);
  return { bandStar, gateCeiling, gatePolicy, outcome, star, certifiable: level !== null, recognisingLevel: level };
}
