import { sql, type SQL } from 'drizzle-orm';
import { areaWhere, evaluationResults, holdsRecognition, type Area } from './evaluation-results.js';

/** One row of a figure: per commune, optionally per breakdown key (legal form, star, set). */
export type FigureRow = { commune_code: string; key: string | null; value: number };
export type IndicatorQuery = (area: Area, year: number) => SQL;

const fromLast = (area: Area, year: number, select: SQL, where: SQL = sql`true`, key: SQL = sql`null`) => sql`
  ${evaluationResults(area, year)}
  select commune_code, ${key}::text as key, ${select}::float8 as value
    from last_result
   where ${where}
   group by 1, 2`;

const products = sql`count(*)`;
const producers = sql`count(distinct subject_id)`;
const hadEarlierResult = (year: number) => sql`exists (select 1 from counting c where c.subject_id = last_result.subject_id and c.year < ${year})`;

/** Certificates of the area (by their producer's commune). */
const fromCertificates = (area: Area, where: SQL) => sql`
  select s.commune_code, null::text as key, count(*)::float8 as value
    from certificates c
    join products p on p.id = c.product_id
    join subjects s on s.id = p.subject_id
   where ${areaWhere(area)} and ${where}
   group by s.commune_code`;
const yearEnd = (year: number) => sql`make_date(${year}, 12, 31)`;
const inYear = (column: SQL, year: number) => sql`${column} between make_date(${year}, 1, 1) and ${yearEnd(year)}`;

/**
 * The SQL of every tracked indicator of the catalogue (src/domain/indicators), by code. A test checks
 * the two lists match: a new indicator is one catalogue entry and one query here.
 */
export const INDICATOR_QUERIES: Record<string, IndicatorQuery> = {
  products_evaluated: (a, y) => fromLast(a, y, products),
  products_evaluated_first: (a, y) => fromLast(a, y, products, sql`kind = 'first'`),
  products_evaluated_upgrade: (a, y) => fromLast(a, y, products, sql`kind = 'upgrade'`),
  products_evaluated_rerating: (a, y) => fromLast(a, y, products, sql`kind = 'rerating'`),
  subjects_evaluated: (a, y) => fromLast(a, y, producers),
  subjects_new: (a, y) => fromLast(a, y, producers, sql`not ${hadEarlierResult(y)}`),
  subjects_returning: (a, y) => fromLast(a, y, producers, hadEarlierResult(y)),
  products_recognised: (a, y) => fromLast(a, y, products, sql`star >= 3`, sql`star`),
  products_3_star: (a, y) => fromLast(a, y, products, sql`star = 3`),
  products_4_star: (a, y) => fromLast(a, y, products, sql`star = 4`),
  products_5_star: (a, y) => fromLast(a, y, products, sql`star = 5`),
  products_score_90: (a, y) => fromLast(a, y, products, sql`score >= 90`),
  subjects_recognised: (a, y) => fromLast(a, y, producers, sql`star >= 3`, sql`legal_form`),
  products_recognised_by_set: (a, y) => fromLast(a, y, products, sql`star >= 3`, sql`criteria_set_number`),
  certificates_valid: (a, y) =>
    fromCertificates(a, sql`c.issued_on <= ${yearEnd(y)} and c.expires_on >= ${yearEnd(y)} and (c.revoked_on is null or c.revoked_on > ${yearEnd(y)}) and (c.superseded_on is null or c.superseded_on > ${yearEnd(y)})`),
  certificates_expiring: (a, y) => fromCertificates(a, inYear(sql`c.expires_on`, y)),
  certificates_lapsed: (a, y) =>
    fromCertificates(a, sql`${inYear(sql`c.expires_on`, y)} and c.expires_on < current_date and c.superseded_on is null and (c.revoked_on is null or c.revoked_on > c.expires_on)`),
  certificates_revoked: (a, y) => fromCertificates(a, inYear(sql`c.revoked_on`, y)),
};

/** Products (and their producers) holding a recognition at year end, by commune and star or legal form. */
export const standingQuery = (area: Area, year: number) => sql`
  ${evaluationResults(area, year)}
  select commune_code, star, legal_form, subject_id::text as subject_id, criteria_set_number
    from standing
   where ${holdsRecognition(year)}`;
