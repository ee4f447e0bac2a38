import { sql } from 'drizzle-orm';
import { RERATING_WINDOW_CLOSES_DAYS, RERATING_WINDOW_OPENS_DAYS } from '../../../domain/certificates/validity.js';
import { queryRows, type DbOrTx } from '../../db/client.js';

/**
 * The national view's reads, from the counts the database keeps current on every write (migration
 * 0022, src/server/db/schema/national.ts): two small statements whatever the registry's size.
 */

/** One province's figures for a year and a day (null columns: nothing counted). */
export type NationalRow = {
  province_code: string;
  name: string;
  name_en: string;
  evaluated: number | null;
  first: number | null;
  upgrade: number | null;
  rerating: number | null;
  s3: number | null;
  s4: number | null;
  s5: number | null;
  by_set: Record<string, number> | null;
  valid: number | null;
  due: number | null;
  expiring: number | null;
  extended: number | null;
  expired: number | null;
  revoked: number | null;
  superseded: number | null;
  f3: number | null;
  f4: number | null;
  f5: number | null;
  holders: number | null;
};

/**
 * Every province with its figures: the year's results (national_result_counts), the certificates'
 * standing on the day and the producers holding one in force then. The certificates' statuses mirror
 * certificateStatus (src/domain/certificates/validity.ts) over the days each count row is keyed by:
 * revoked from the revocation day, else replaced from the replacement day; after expiry extended up
 * to its end, else expired; before it, valid until the re-rating window opens, due inside it,
 * expiring after it. The API test checks them against the domain function, certificate by certificate.
 * Each count row gets one status (a CASE in the domain's order), then the statuses are summed per province.
 */
export const nationalFiguresQuery = (year: number, day: string) => {
  const d = sql`${day}::date`;
  const count = (status: string) => sql.raw(`coalesce(sum(n) filter (where status = '${status}'), 0)::int`);
  const inForce = (star: number) => sql.raw(`coalesce(sum(n) filter (where star = ${star} and status in ('valid', 'due', 'expiring', 'extended')), 0)::int`);
  return sql`
    with year_rows as materialized (
      select province_code, kind, star, set_number, products from national_result_counts where year = ${year}
    ),
    results as (
      select province_code,
             sum(products)::int as evaluated,
             sum(products) filter (where kind = 'first')::int as first,
             sum(products) filter (where kind = 'upgrade')::int as upgrade,
             sum(products) filter (where kind = 'rerating')::int as rerating,
             sum(products) filter (where star = 3)::int as s3,
             sum(products) filter (where star = 4)::int as s4,
             sum(products) filter (where star = 5)::int as s5
        from year_rows
       group by province_code
    ),
    sets as (
      select province_code, jsonb_object_agg(set_number::text, n) as by_set
        from (select province_code, set_number, sum(products)::int as n from year_rows where star >= 3 group by 1, 2) x
       group by province_code
    ),
    statuses as (
      -- Each count row's status on the day, in certificateStatus's order.
      select province_code, star,
             case when revoked_on <= ${d} then 'revoked'
                  when superseded_on <= ${d} then 'superseded'
                  when ${d} > expires_on then case when extended_until >= ${d} then 'extended' else 'expired' end
                  when ${d} < expires_on - ${RERATING_WINDOW_OPENS_DAYS}::int then 'valid'
                  when ${d} <= expires_on - ${RERATING_WINDOW_CLOSES_DAYS}::int then 'due'
                  else 'expiring' end as status,
             sum(certificates) as n
        from national_certificate_counts
       group by 1, 2, 3
    ),
    certs as (
      select province_code, ${count('valid')} as valid, ${count('due')} as due, ${count('expiring')} as expiring, ${count('extended')} as extended,
             ${count('expired')} as expired, ${count('revoked')} as revoked, ${count('superseded')} as superseded,
             ${inForce(3)} as f3, ${inForce(4)} as f4, ${inForce(5)} as f5
        from statuses
       group by province_code
    ),
    holders as (
      select province_code, sum(producers)::int as holders from national_holder_counts where in_force_until >= ${d} group by province_code
    )
    select p.code as province_code, p.name, p.name_en, r.evaluated, r.first, r.upgrade, r.rerating, r.s3, r.s4, r.s5, s.by_set,
           c.valid, c.due, c.expiring, c.extended, c.expired, c.revoked, c.superseded, c.f3, c.f4, c.f5, h.holders
      from provinces p
      left join results r on r.province_code = p.code
      left join sets s on s.province_code = p.code
      left join certs c on c.province_code = p.code
      left join holders h on h.province_code = p.code
     order by p.sort_key, p.code`;
};

/** Every province round with its dossiers per state (none when it has none yet). */
export const nationalRoundsQuery = () => sql`
  select r.id, r.province_code, r.name, r.year, r.number, r.proposal_deadline::text as proposal_deadline, r.result_deadline::text as result_deadline,
         coalesce((select jsonb_object_agg(c.state, c.dossiers) from national_dossier_counts c where c.round_id = r.id), '{}'::jsonb) as by_state
    from evaluation_rounds r
   where r.level = 'province' and r.province_code is not null`;

export type NationalRoundRow = {
  id: string;
  province_code: string;
  name: string;
  year: number;
  number: number;
  proposal_deadline: string;
  result_deadline: string;
  by_state: Record<string, number>;
};

export const nationalRepository = {
  figures: (db: DbOrTx, year: number, day: string) => queryRows<NationalRow>(db, nationalFiguresQuery(year, day)),
  rounds: (db: DbOrTx) => queryRows<NationalRoundRow>(db, nationalRoundsQuery()),
  /** Writes every national figure again from the tables (national_rebuild of migration 0022). */
  rebuild: async (db: DbOrTx) => {
    await db.execute(sql`select national_rebuild()`);
  },
};
