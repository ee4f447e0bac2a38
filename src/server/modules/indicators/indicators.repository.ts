import { sql, type SQL } from 'drizzle-orm';
import { LEGAL_BASES, RECOGNISING_LEVELS } from '../../../domain/evaluation/historical-results.js';
import { indicatorByCode } from '../../../domain/indicators/index.js';
import { queryRows, type DbOrTx } from '../../db/client.js';

/**
 * The SQL of the programme's figures: the evaluation results every figure starts from, one query per
 * indicator of the catalogue (src/domain/indicators), the funnel of the OCOP cycle, and the
 * dashboard's and the annual report's other reads.
 */

/** The area a figure covers: a province, or some of its communes. */
export type Area = { provinceCode: string; communeCodes: readonly string[] | null };

const communeList = (codes: readonly string[]) =>
  codes.length
    ? sql.join(
        codes.map((c) => sql`${c}`),
        sql`, `,
      )
    : sql`null`;

export const areaWhere = (area: Area, subject = sql.raw('s')): SQL =>
  area.communeCodes
    ? sql`${subject}.province_code = ${area.provinceCode} and ${subject}.commune_code in (${communeList(area.communeCodes)})`
    : sql`${subject}.province_code = ${area.provinceCode}`;

/** A record placed in a commune of the province (a sales point, an idea, a course): any of the province's for the whole province. */
const inCommunes = (area: Area, column: SQL): SQL => (area.communeCodes ? sql`${column} in (${communeList(area.communeCodes)})` : sql`true`);

/** Records of the whole province (communication, support budgets): counted for the province only. */
const provinceOnly = (area: Area): SQL => (area.communeCodes ? sql`false` : sql`true`);

/** (basis, level) pairs that recognise, from the domain's table: SQL repeats no rule of its own. */
const recognisingPairs = sql.join(
  LEGAL_BASES.flatMap((basis) => RECOGNISING_LEVELS[basis].map((level) => sql`(${basis}, ${level})`)),
  sql`, `,
);

/** The area's products, by their producer's place (the result tables hold every province's). */
const areaProducts = (area: Area) => sql`(select p.id from products p join subjects s on s.id = p.subject_id where ${areaWhere(area)})`;

/**
 * Every result of some products (a subquery of their ids), recorded from earlier years (historical_results) or decided
 * on the platform (recognition decisions only — an approval for the ministry is not a result:
 * province decisions are the province level, ministry ones the centre), each with the score that
 * counts as "90 points or more" (`province_score`: the recorded score of an earlier result; on the
 * platform the provincial council's, from its locked sheets only, whatever the ministry then gave).
 * Read for the products asked about only: over the whole country's results a province's dashboard
 * took 1.6 s.
 */
const results = (productIds: SQL) => sql`results as (
      select h.product_id, h.year, h.round, h.level, h.kind, h.score, h.star, h.legal_basis, h.decision_date, h.decision_no,
             h.score as province_score
        from historical_results h
       where h.product_id in ${productIds}
      union all
      select di.product_id, extract(year from d.signed_on)::int, null, case when d.level = 'ministry' then 'central' else 'province' end,
             ds.kind, di.score, di.star, ds.legal_basis, d.signed_on, d.number,
             (select cr.score from council_results cr where cr.dossier_id = di.dossier_id and cr.level = 'province')
        from decision_items di
        join decisions d on d.id = di.decision_id and d.kind = 'recognition'
        join dossiers ds on ds.id = di.dossier_id
       where di.product_id in ${productIds}
    )`;

/** A result (alias r) at a level able to recognise under its basis, a central one only for the 5★ it gave (isRecognisingResult). */
const RECOGNISING = sql`(r.legal_basis, r.level) in (${recognisingPairs}) and (r.level <> 'central' or r.star = 5)`;

/**
 * Common table expressions every evaluation figure starts from:
 * - `results` (above);
 * - `counting`: the results of the area at a level able to recognise under their basis, a central
 *   result only for the 5★ it gave (isRecognisingResult in the domain);
 * - `last_result`: each product's last counting result of the year — a central 5★ first (the
 *   ministry's result wins for the star it gives), then by decision date, then round, then level
 *   (district < province < centre) when dates are missing.
 */
export function evaluationResults(area: Area, year: number): SQL {
  return sql`
    with ${results(areaProducts(area))},
    counting as (
      select r.*, s.id as subject_id, s.commune_code, s.legal_form, p.criteria_set_number,
             case r.level when 'central' then 3 when 'province' then 2 when 'district' then 1 else 0 end as level_rank,
             (r.level = 'central' and r.star = 5) as central_five
        from results r
        join products p on p.id = r.product_id
        join subjects s on s.id = p.subject_id
       where ${areaWhere(area)} and ${RECOGNISING}
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

/**
 * One row of a figure: per commune (null for a record of the whole province: an event or a sales
 * point outside it, a communication item, a policy's budget), optionally per breakdown key. A share
 * (unit percent) gives its numerator as `value` and its denominator as `base`, so that shares of
 * communes add up to the area's (a sum of percentages would not).
 */
export type FigureRow = { code: string; commune_code: string | null; key: string | null; value: number; base: number | null };
/**
 * A select giving (commune_code, key, value) rows, and `base` for a share; it may read the common
 * tables of evaluationResults (`counting`, `last_result`, `standing`), built once for all figures.
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
/** The calendar day of a timestamp in Vietnam, where the records are kept. */
const localDay = (column: SQL) => sql`(${column} at time zone 'Asia/Ho_Chi_Minh')::date`;

/**
 * A chain listing (alias dl) on the shelves at the end of the year: still active, since a day on or
 * before 31/12 (the day it was recorded when its start is unknown). Listings keep no end date, so an
 * active listing is taken to have been active since it started.
 */
const chainListed = (year: number) => sql`dl.active and coalesce(dl.since, ${localDay(sql`dl.created_at`)}) <= ${yearEnd(year)}`;
/** An e-commerce listing (alias el) approved, still active, approved (or recorded) on or before 31/12. */
const ecommerceListed = (year: number) =>
  sql`el.status = 'approved' and el.active and ${localDay(sql`coalesce(el.reviewed_at, el.created_at)`)} <= ${yearEnd(year)}`;

/**
 * Of the producers holding a recognition at year end (holdsRecognition), those (value) with a
 * product listed as `listed` says, out of all of them (base).
 */
const producersShare = (year: number, listed: SQL) => sql`
  select commune_code, null::text as key,
         count(distinct subject_id) filter (where ${listed})::float8 as value,
         count(distinct subject_id)::float8 as base
    from standing
   where ${holdsRecognition(year)}
   group by commune_code`;

/**
 * Sales points (alias sp) open at the end of the year: opened on or before 31/12 (recorded then,
 * when the opening day is unknown) and not closed by then — a point closed on 31/12 is closed at year
 * end; a point marked closed without a day is taken as closed. A commune area counts the points in
 * its communes; points outside the province count for the province only.
 */
const openSalesPoints = (area: Area, year: number) => sql`
  sales_points sp
  where sp.province_code = ${area.provinceCode}
    and coalesce(sp.opened_on, ${localDay(sql`sp.created_at`)}) <= ${yearEnd(year)}
    and ((sp.closed_on is null and sp.status <> 'closed') or sp.closed_on > ${yearEnd(year)})
    and ${area.communeCodes ? sql`sp.placement = 'in_province' and ${inCommunes(area, sql`sp.commune_code`)}` : sql`true`}`;

/** Products of the area's producers (aliases p, s), joined to a listing's product_id. */
const ofAreaProducts = (area: Area, productId: SQL) =>
  sql`join products p on p.id = ${productId} join subjects s on s.id = p.subject_id and ${areaWhere(area)}`;

/**
 * Trade events (alias te) that started in the year: for the province every event it recorded, for
 * communes those in which a producer of theirs took part.
 */
const areaEvent = (area: Area, year: number) => sql`
  te.province_code = ${area.provinceCode} and ${inYear(sql`te.starts_on`, year)}
  and ${
    area.communeCodes
      ? sql`exists (select 1 from trade_event_participants tp join subjects s on s.id = tp.subject_id where tp.event_id = te.id and ${areaWhere(area)})`
      : sql`true`
  }`;
const areaEvents = (area: Area, year: number) => sql`trade_events te where ${areaEvent(area, year)}`;

/** Participations (aliases te, tp, s) of the area's producers in the events that started in the year. */
const areaParticipations = (area: Area, year: number) => sql`
  trade_events te
  join trade_event_participants tp on tp.event_id = te.id
  join subjects s on s.id = tp.subject_id
  where te.province_code = ${area.provinceCode} and ${inYear(sql`te.starts_on`, year)} and ${areaWhere(area)}`;

/** Training courses (alias tc) that started in the year: the province's all; a commune area's held there or attended by its producers. */
const areaCourses = (area: Area, year: number) => sql`
  training_courses tc
  where tc.province_code = ${area.provinceCode} and ${inYear(sql`tc.starts_on`, year)}
    and ${
      area.communeCodes
        ? sql`(${inCommunes(area, sql`tc.commune_code`)}
               or exists (select 1 from training_attendees ta join subjects s on s.id = ta.subject_id where ta.course_id = tc.id and ${areaWhere(area)}))`
        : sql`true`
    }`;

/** Grants (aliases g, pol, s) made in the year to the area's producers and paid. */
const paidGrants = (area: Area, year: number) => sql`
  support_grants g
  join support_policies pol on pol.id = g.policy_id
  join subjects s on s.id = g.subject_id
  where pol.province_code = ${area.provinceCode} and ${areaWhere(area)} and g.status = 'disbursed' and ${inYear(sql`g.granted_on`, year)}`;

/** A product idea (alias i) received in the year by one of the area's communes. */
const areaIdea = (area: Area, year: number) =>
  sql`i.province_code = ${area.provinceCode} and ${inCommunes(area, sql`i.commune_code`)} and ${inYear(sql`i.received_on`, year)}`;
const areaIdeas = (area: Area, year: number) => sql`product_ideas i where ${areaIdea(area, year)}`;

/**
 * The SQL of every indicator of the catalogue (src/domain/indicators), by code. A test checks
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

  ideas_received: (a, y) => sql`select i.commune_code, null::text as key, count(*)::float8 as value from ${areaIdeas(a, y)} group by 1`,
  ideas_accepted: (a, y) =>
    sql`select i.commune_code, null::text as key, count(*)::float8 as value from ${areaIdeas(a, y)} and i.status = 'accepted' group by 1`,
  business_plans: (a, y) => sql`
    select i.commune_code, null::text as key, count(*)::float8 as value
      from business_plans bp join product_ideas i on i.id = bp.idea_id
     where i.province_code = ${a.provinceCode} and ${inCommunes(a, sql`i.commune_code`)} and ${inYear(sql`bp.submitted_on`, y)}
     group by 1`,

  subjects_modern_channels_share: (_a, y) =>
    producersShare(
      y,
      sql`exists (select 1 from distribution_listings dl join products lp on lp.id = dl.product_id where lp.subject_id = standing.subject_id and ${chainListed(y)})`,
    ),
  subjects_ecommerce_share: (_a, y) =>
    producersShare(
      y,
      sql`exists (select 1 from ecommerce_listings el join products lp on lp.id = el.product_id where lp.subject_id = standing.subject_id and ${ecommerceListed(y)})`,
    ),
  sales_points: (a, y) => sql`select sp.commune_code, sp.kind as key, count(*)::float8 as value from ${openSalesPoints(a, y)} group by 1, 2`,
  sales_points_outside: (a, y) =>
    sql`select sp.commune_code, null::text as key, count(*)::float8 as value from ${openSalesPoints(a, y)} and sp.placement <> 'in_province' group by 1`,
  chain_listings: (a, y) => sql`
    select s.commune_code, dl.channel as key, count(*)::float8 as value
      from distribution_listings dl ${ofAreaProducts(a, sql`dl.product_id`)}
     where ${chainListed(y)}
     group by 1, 2`,
  ecommerce_listings: (a, y) => sql`
    select s.commune_code, el.platform as key, count(*)::float8 as value
      from ecommerce_listings el ${ofAreaProducts(a, sql`el.product_id`)}
     where ${ecommerceListed(y)}
     group by 1, 2`,
  // Events by where they were held: each event once, however many of the area's producers took part.
  fairs: (a, y) => sql`select te.commune_code, te.kind as key, count(*)::float8 as value from ${areaEvents(a, y)} group by 1, 2`,
  fair_visitors: (a, y) => sql`select te.commune_code, null::text as key, coalesce(sum(te.visitors), 0)::float8 as value from ${areaEvents(a, y)} group by 1`,
  trade_event_contracts: (a, y) =>
    sql`select te.commune_code, null::text as key, coalesce(sum(te.contracts), 0)::float8 as value from ${areaEvents(a, y)} group by 1`,
  fair_producers: (a, y) => sql`select s.commune_code, null::text as key, count(distinct s.id)::float8 as value from ${areaParticipations(a, y)} group by 1`,
  fair_revenue: (a, y) =>
    a.communeCodes
      ? sql`select s.commune_code, null::text as key, coalesce(sum(tp.revenue_vnd), 0)::float8 as value from ${areaParticipations(a, y)} group by 1`
      : sql`
        select te.commune_code, null::text as key,
               coalesce(sum(coalesce(te.revenue_vnd, (select sum(tp.revenue_vnd) from trade_event_participants tp where tp.event_id = te.id))), 0)::float8 as value
          from ${areaEvents(a, y)}
         group by 1`,

  support_budget: (a, y) => sql`
    select null::text as commune_code, pol.area as key, coalesce(sum(pol.budget_vnd), 0)::float8 as value
      from support_policies pol
     where pol.province_code = ${a.provinceCode} and pol.year = ${y} and ${provinceOnly(a)}
     group by 2`,
  support_granted: (a, y) => sql`select s.commune_code, pol.area as key, sum(g.amount_vnd)::float8 as value from ${paidGrants(a, y)} group by 1, 2`,
  grants_count: (a, y) => sql`select s.commune_code, pol.area as key, count(*)::float8 as value from ${paidGrants(a, y)} group by 1, 2`,
  subjects_supported: (a, y) => sql`select s.commune_code, null::text as key, count(distinct s.id)::float8 as value from ${paidGrants(a, y)} group by 1`,

  communication_items: (a, y) => sql`
    select null::text as commune_code, ci.kind as key, sum(ci.quantity)::float8 as value
      from communication_items ci
     where ci.province_code = ${a.provinceCode} and ${inYear(sql`ci.published_on`, y)} and ${provinceOnly(a)}
     group by 2`,

  training_courses: (a, y) => sql`select tc.commune_code, null::text as key, count(*)::float8 as value from ${areaCourses(a, y)} group by 1`,
  people_trained: (a, y) => sql`select tc.commune_code, null::text as key, sum(tc.participants)::float8 as value from ${areaCourses(a, y)} group by 1`,
  producers_trained: (a, y) => sql`
    select s.commune_code, null::text as key, count(distinct s.id)::float8 as value
      from training_courses tc
      join training_attendees ta on ta.course_id = tc.id
      join subjects s on s.id = ta.subject_id
     where tc.province_code = ${a.provinceCode} and ${inYear(sql`tc.starts_on`, y)} and ${areaWhere(a)}
     group by 1`,
};

/**
 * Every indicator of the year in one statement: the evaluation tables are built once and each
 * indicator's rows are tagged with its code (one statement instead of one per indicator: ten times
 * faster for a province; see docs/performance.md). Only shares give a base.
 */
export function allFiguresQuery(area: Area, year: number, codes: readonly string[]): SQL {
  const parts = codes.map((code) => {
    const base = indicatorByCode(code)?.unit === 'percent' ? sql`q.base` : sql`null::float8`;
    return sql`select ${code}::text as code, q.commune_code::text as commune_code, q.key, q.value, ${base} as base from (${INDICATOR_QUERIES[code]!(area, year)}) q`;
  });
  return sql`${evaluationResults(area, year)} ${sql.join(parts, sql` union all `)}`;
}

/**
 * The ideas received in the year by the area's communes, each with how far it went (the funnel of
 * funnelCounts, src/domain/programme/funnel.ts): accepted; with a business plan; the plan's product
 * evaluated — a recognising result, recorded or decided on the platform, a certificate, or a dossier
 * that reached the provincial council; recognised — such a result of 3★ or more, or a certificate.
 * The product's later history counts whatever the year: the funnel follows the year's ideas to
 * where they are now.
 */
export const funnelQuery = (area: Area, year: number) => sql`
  with ${results(sql`(select product_id from business_plans)`)},
  recognising as (select r.product_id, r.star from results r where ${RECOGNISING}),
  reached as (
    select bp.idea_id,
           bool_or(exists (select 1 from recognising x where x.product_id = bp.product_id)
                   or exists (select 1 from certificates c where c.product_id = bp.product_id)
                   or exists (select 1 from dossiers d join dossier_events e on e.dossier_id = d.id and e.to_state = 'in_council'
                               where d.product_id = bp.product_id)) as evaluated,
           bool_or(exists (select 1 from recognising x where x.product_id = bp.product_id and x.star >= 3)
                   or exists (select 1 from certificates c where c.product_id = bp.product_id)) as recognised
      from business_plans bp
     group by bp.idea_id
  )
  select i.commune_code, cm.name as commune_name, i.status = 'accepted' as accepted, r.idea_id is not null as has_plan,
         coalesce(r.evaluated, false) as evaluated, coalesce(r.recognised, false) as recognised
    from product_ideas i
    join communes cm on cm.code = i.commune_code
    left join reached r on r.idea_id = i.id
   where ${areaIdea(area, year)}
   order by cm.sort_key, i.commune_code`;

/** Products (and their producers) holding a recognition at year end, by commune and star or legal form. */
export const standingQuery = (area: Area, year: number) => sql`
  ${evaluationResults(area, year)}
  select commune_code, star, legal_form, subject_id::text as subject_id, criteria_set_number
    from standing
   where ${holdsRecognition(year)}`;

/** The figures' reads, for the indicators service and the annual report. */
export const indicatorsRepository = {
  /** Every indicator's rows for the area and year, in one statement. */
  figureRows: (db: DbOrTx, area: Area, year: number, codes: readonly string[]) => queryRows<FigureRow>(db, allFiguresQuery(area, year, codes)),

  /** The ideas of the year with the stages each reached, in the communes' order (funnelCounts keeps it). */
  async funnelIdeas(db: DbOrTx, area: Area, year: number) {
    const rows = await queryRows<{ commune_code: string; commune_name: string; accepted: boolean; has_plan: boolean; evaluated: boolean; recognised: boolean }>(
      db,
      funnelQuery(area, year),
    );
    return rows.map((r) => ({
      communeCode: r.commune_code,
      communeName: r.commune_name,
      accepted: r.accepted,
      hasPlan: r.has_plan,
      evaluated: r.evaluated,
      recognised: r.recognised,
    }));
  },

  /** The trade events that started in the year (the fairs figure's), with their producers and results: the annual report's table. */
  tradeEventsOfYear: (db: DbOrTx, area: Area, year: number) =>
    queryRows<{
      name: string;
      kind: string;
      startsOn: string;
      endsOn: string;
      placement: string;
      place: string | null;
      communeName: string | null;
      otherProvinceName: string | null;
      country: string | null;
      producers: number;
      visitors: number | null;
      revenueVnd: number | null;
      contracts: number | null;
    }>(
      db,
      sql`select te.name, te.kind, te.starts_on::text as "startsOn", te.ends_on::text as "endsOn", te.placement, te.place,
                 cm.name as "communeName", op.name as "otherProvinceName", te.country,
                 (select count(*)::int from trade_event_participants tp where tp.event_id = te.id) as producers,
                 te.visitors, te.contracts,
                 coalesce(te.revenue_vnd, (select sum(tp.revenue_vnd) from trade_event_participants tp where tp.event_id = te.id))::float8 as "revenueVnd"
            from trade_events te
            left join communes cm on cm.code = te.commune_code
            left join provinces op on op.code = te.other_province_code
           where ${areaEvent(area, year)}
           order by te.starts_on, te.name`,
    ),

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
