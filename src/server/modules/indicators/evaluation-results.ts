import { sql, type SQL } from 'drizzle-orm';
import { LEGAL_BASES, RECOGNISING_LEVELS } from '../../../domain/evaluation/historical-results.js';

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
