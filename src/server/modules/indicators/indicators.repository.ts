import { sql, type SQL } from 'drizzle-orm';
import { LEGAL_BASES, RECOGNISING_LEVELS } from '../../../domain/evaluation/historical-results.js';
import { queryRows, type DbOrTx } from '../../db/client.js';

/**
 * The SQL of the programme's figures: the evaluation results every figure starts from, one query per
 * tracked indicator of the catalogue (src/domain/indicators), and the dashboard's other counts.
 */

/** The area a figure covers: a province, or some of its communes. */
export type Area = { provinceCode: string; communeCodes: readonly string[] | null };

export const areaWhere = (area: Area, subject = sql.raw('s')): SQL =>
  area.communeCodes
    ? sql`${subject}.province_code = ${area.provinceCode} and ${subject}.commune_code in (${
        area.communeCodes.length
          ? sql.join(
              area.communeCodes.map((c) => sql`${c}`),
              sql`, `,
            )
          : sql`null`
      })`
    : sql`${subject}.province_code = ${area.provinceCode}`;

/** (basis, level) pairs that recognise, from the domain's table: SQL repeats no rule of its own. */
const recognisingPairs = sql.join(
  LEGAL_BASES.flatMap((basis) => RECOGNISING_LEVELS[basis].map((level) => sql`(${basis}, ${level})`)),
  sql`, `,
);

/**
 * Common table expressions every evaluation figure starts from:
 * - `results`: every result, recorded from earlier years (historical_results) or decided on the
 *   platform (recognition decisions only — an approval for the ministry is not a result: province
 *   decisions are the province level, ministry ones the centre), each with the score that counts as
 *   "90 points or more" (`province_score`: the recorded score of an earlier result; on the platform the
 *   provincial council's, from its locked sheets only, whatever the ministry then gave);
 * - `counting`: the results of the area at a level able to recognise under their basis, a central
 *   result only for the 5★ it gave (isRecognisingResult in the domain);
 * - `last_result`: each product's last counting result of the year — a central 5★ first (the
 *   ministry's result wins for the star it gives), then by decision date, then round, then level
 *   (district < province < centre) when dates are missing.
 */
export function evaluationResults(area: Area, year: number): SQL {
  return sql`
    with results as (
      select h.product_id, h.year, h.round, h.level, h.kind, h.score, h.star, h.legal_basis, h.decision_date, h.decision_no,
             h.score as province_score
        from historical_results h
      union all
      select di.product_id, extract(year from d.signed_on)::int, null, case when d.level = 'ministry' then 'central' else 'province' end,
             ds.kind, di.score, di.star, ds.legal_basis, d.signed_on, d.number,
             (select cr.score from council_results cr where cr.dossier_id = di.dossier_id and cr.level = 'province')
        from decision_items di
        join decisions d on d.id = di.decision_id and d.kind = 'recognition'
        join dossiers ds on ds.id = di.dossier_id
    ),
    counting as (
      select r.*, s.id as subject_id, s.commune_code, s.legal_form, p.criteria_set_number,
             case r.level when 'central' then 3 when 'province' then 2 when 'district' then 1 else 0 end as level_rank,
             (r.level = 'central' and r.star = 5) as central_five
        from results r
        join products p on p.id = r.product_id
        join subjects s on s.id = p.subject_id
       where ${areaWhere(area)}
         and (r.legal_basis, r.level) in (${recognisingPairs})
         and (r.level <> 'central' or r.star = 5)
    ),
    last_result as (
      select distinct on (product_id) *
        from counting
       where year = ${year}
       order by product_id, central_five desc, decision_date desc nulls last, round desc nulls last, level_rank desc
    ),
    standing as (
      -- Each product's latest counting result up to the end of the year: what it holds as OCOP then.
      select distinct on (product_id) *
        from counting
       where year <= ${year}
       order by product_id, year desc, central_five desc, decision_date desc nulls last, round desc nulls last, level_rank desc
    )`;
}

/**
 * Products holding a recognition at the end of the year: their standing result recognised 3★ or
 * more within the 36 months before 31/12 (Art. 4.3; certificates under earlier rules ran 36 months
 * too), and no certificate of theirs was revoked by then.
 */
export const holdsRecognition = (year: number) => sql`
  star >= 3
  and coalesce(decision_date, make_date(year, 12, 31)) + interval '36 months' > make_date(${year}, 12, 31)
  and not exists (select 1 from certificates c where c.product_id = standing.product_id and c.revoked_on <= make_date(${year}, 12, 31))`;

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

/** The figures' reads, for the indicators service and the annual report. */
export const indicatorsRepository = {
  /** Every tracked indicator's rows for the area and year, in one statement. */
  figureRows: (db: DbOrTx, area: Area, year: number, codes: readonly string[]) => queryRows<FigureRow>(db, allFiguresQuery(area, year, codes)),

  /** Products holding a recognition at year end, with their commune, star, producer and legal form. */
  standing: (db: DbOrTx, area: Area, year: number) =>
    queryRows<{ commune_code: string; star: number; legal_form: string; subject_id: string }>(db, standingQuery(area, year)),

  /** Products recognised (3★ or more) in the year, by criteria set and star. */
  async recognisedBySetAndStar(db: DbOrTx, area: Area, year: number) {
    const rows = await queryRows<{ set_number: number | null; star: number; n: number }>(
      db,
      sql`${evaluationResults(area, year)}
          select criteria_set_number as set_number, star, count(*)::int as n from last_result where star >= 3 group by 1, 2 order by 1, 2`,
    );
    return rows.map((r) => ({ setNumber: r.set_number, star: r.star, products: Number(r.n) }));
  },

  /** The province's recognition decisions of the year: not the ministry's, not one recognising nothing. */
  async provinceDecisionNumbers(db: DbOrTx, area: Area, year: number) {
    const rows = await queryRows<{ decision_no: string }>(
      db,
      sql`${evaluationResults(area, year)} select distinct decision_no from counting where year = ${year} and level = 'province' and star >= 3 and decision_no is not null order by 1`,
    );
    return rows.map((r) => r.decision_no);
  },

  /** Producers of the area by commune. */
  async subjectsByCommune(db: DbOrTx, area: Area) {
    const rows = await queryRows<{ commune_code: string; n: number }>(
      db,
      sql`select s.commune_code, count(*)::int as n from subjects s where ${areaWhere(area)} group by s.commune_code`,
    );
    return new Map(rows.map((r) => [r.commune_code, Number(r.n)]));
  },

  /** Certificates in force that expire in each month of the year ('YYYY-MM'). */
  async certificatesDueByMonth(db: DbOrTx, area: Area, year: number) {
    const rows = await queryRows<{ month: string; n: number }>(
      db,
      sql`select to_char(c.expires_on, 'YYYY-MM') as month, count(*)::int as n
            from certificates c join products p on p.id = c.product_id join subjects s on s.id = p.subject_id
           where ${areaWhere(area)} and c.revoked_on is null and c.superseded_on is null
             and c.expires_on between make_date(${year}, 1, 1) and make_date(${year}, 12, 31)
           group by 1 order by 1`,
    );
    return new Map(rows.map((d) => [d.month, Number(d.n)]));
  },
};
