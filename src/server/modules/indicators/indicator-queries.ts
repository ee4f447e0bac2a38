import { sql, type SQL } from 'drizzle-orm';
import { areaWhere, evaluationResults, holdsRecognition, type Area } from './evaluation-results.js';

/** One row of a figure: per commune, optionally per breakdown key (legal form, star, set). */
export type FigureRow = { code: string; commune_code: string; key: string | null; value: number };
/**
 * A select giving (commune_code, key, value) rows; it may read the common tables of
 * evaluationResults (`counting`, `last_result`, `standing`), which are built once for all figures.
 */
export type IndicatorQuery = (area: Area, year: number) => SQL;

const fromLast = (select: SQL, where: SQL = sql`true`, key: SQL = sql`null`) => sql`
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
  products_evaluated: () => fromLast(products),
  products_evaluated_first: () => fromLast(products, sql`kind = 'first'`),
  products_evaluated_upgrade: () => fromLast(products, sql`kind = 'upgrade'`),
  products_evaluated_rerating: () => fromLast(products, sql`kind = 'rerating'`),
  subjects_evaluated: () => fromLast(producers),
  subjects_new: (_a, y) => fromLast(producers, sql`not ${hadEarlierResult(y)}`),
  subjects_returning: (_a, y) => fromLast(producers, hadEarlierResult(y)),
  products_recognised: () => fromLast(products, sql`star >= 3`, sql`star`),
  products_3_star: () => fromLast(products, sql`star = 3`),
  products_4_star: () => fromLast(products, sql`star = 4`),
  products_5_star: () => fromLast(products, sql`star = 5`),
  // The provincial council's score (from its locked sheets), whatever the ministry then gave.
  products_score_90: () => fromLast(products, sql`province_score >= 90`),
  subjects_recognised: () => fromLast(producers, sql`star >= 3`, sql`legal_form`),
  products_recognised_by_set: () => fromLast(products, sql`star >= 3`, sql`criteria_set_number`),
  certificates_valid: (a, y) =>
    fromCertificates(
      a,
      sql`c.issued_on <= ${yearEnd(y)} and c.expires_on >= ${yearEnd(y)} and (c.revoked_on is null or c.revoked_on > ${yearEnd(y)}) and (c.superseded_on is null or c.superseded_on > ${yearEnd(y)})`,
    ),
  certificates_expiring: (a, y) => fromCertificates(a, inYear(sql`c.expires_on`, y)),
  certificates_lapsed: (a, y) =>
    fromCertificates(
      a,
      sql`${inYear(sql`c.expires_on`, y)} and c.expires_on < current_date and c.superseded_on is null and (c.revoked_on is null or c.revoked_on > c.expires_on)`,
    ),
  certificates_revoked: (a, y) => fromCertificates(a, inYear(sql`c.revoked_on`, y)),
};

/**
 * Every tracked indicator of the year in one statement: the evaluation tables are built once and each
 * indicator's rows are tagged with its code (one statement instead of one per indicator: ten times
 * faster for a province; see docs/performance.md).
 */
export function allFiguresQuery(area: Area, year: number, codes: readonly string[]): SQL {
  const parts = codes.map((code) => sql`select ${code}::text as code, q.* from (${INDICATOR_QUERIES[code]!(area, year)}) q`);
  return sql`${evaluationResults(area, year)} ${sql.join(parts, sql` union all `)}`;
}

/** Products (and their producers) holding a recognition at year end, by commune and star or legal form. */
export const standingQuery = (area: Area, year: number) => sql`
  ${evaluationResults(area, year)}
  select commune_code, star, legal_form, subject_id::text as subject_id, criteria_set_number
    from standing
   where ${holdsRecognition(year)}`;
