import { sql, type SQL } from 'drizzle-orm';
import { CLOSED_STATES } from '../../../domain/evaluation/dossier-workflow.js';
import { queryRows, type DbOrTx } from '../../db/client.js';
import { likeEscape } from '../../db/sql-scope.js';

/**
 * The public portal reads certified products: a product with at least one certificate, shown with
 * its standing certificate (the latest issued). Everything here is public by law (the province's
 * recognition decisions are published); nothing else of a dossier or producer is read.
 */
export type CatalogueRow = {
  productId: string;
  productName: string;
  ocopCode: string;
  description: string | null;
  criteriaSetNumber: number | null;
  subjectId: string;
  subjectName: string;
  legalForm: string;
  communeCode: string;
  communeName: string;
  provinceCode: string;
  provinceName: string;
  certificateId: string;
  certificateNumber: string;
  star: number;
  level: 'province' | 'ministry';
  issuedOn: string;
  expiresOn: string;
  revokedOn: string | null;
  supersededOn: string | null;
  verificationCode: string;
  /** The day a re-rating dossier of the product was filed and is still open (Art. 12.3 extension). */
  reratingPendingSince: string | null;
  photoId: string | null;
};

/** A certificate as the product page lists it. */
export type CertificateHistoryRow = Pick<CatalogueRow, 'star' | 'level' | 'issuedOn' | 'expiresOn' | 'revokedOn' | 'supersededOn' | 'verificationCode'> & {
  id: string;
  number: string;
  decisionNumber: string | null;
  decisionSignedOn: string | null;
};

/** A producer's public card: name, form, commune, and the contacts it gives for buyers. */
export type ProducerCardRow = {
  id: string;
  name: string;
  legalForm: string;
  address: string | null;
  phone: string | null;
  email: string | null;
  communeName: string;
  provinceName: string;
};

export type CatalogueFilter = {
  /** foldVietnamese(q), words separated by one space. */
  folded?: string | undefined;
  star?: number | undefined;
  setNumbers?: readonly number[] | undefined;
  communeCode?: string | undefined;
  provinceCode?: string | undefined;
  legalForm?: string | undefined;
  subjectId?: string | undefined;
  productId?: string | undefined;
  /** Only certificates in force on this day (not revoked, not superseded, not past expiry unless extended). */
  inForceOn?: string | undefined;
};
export type CatalogueSort = 'relevance' | 'star' | 'name' | 'newest';
/** Whether text is searched: every word contained, near spellings, or none. */
type Search = 'strict' | 'fuzzy' | 'none';

const closedStates = sql.join(
  CLOSED_STATES.map((s) => sql`${s}`),
  sql`, `,
);

/**
 * The standing certificate of each product (its latest: issued last, the higher number on the same
 * day) is the certificate no other of the product follows. As a condition rather than a `distinct on`
 * over every certificate, the other filters narrow the rows first and the check is an anti-join.
 */
const IS_STANDING = sql`not exists (select 1 from certificates later
  where later.product_id = c.product_id and (later.issued_on, later.number) > (c.issued_on, c.number))`;

const FROM = sql`from certificates c
  join products p on p.id = c.product_id
  join subjects s on s.id = p.subject_id
  join communes cm on cm.code = s.commune_code`;

const SELECT = sql`
  select p.id as "productId", coalesce(c.product_name, p.name) as "productName", p.ocop_code as "ocopCode", p.description,
    p.criteria_set_number as "criteriaSetNumber", s.id as "subjectId", coalesce(c.subject_name, s.name) as "subjectName",
    s.legal_form as "legalForm", s.commune_code as "communeCode", cm.name as "communeName", s.province_code as "provinceCode",
    pv.name as "provinceName", c.id as "certificateId", c.number as "certificateNumber", c.star, c.level,
    c.issued_on::text as "issuedOn", c.expires_on::text as "expiresOn", c.revoked_on::text as "revokedOn",
    c.superseded_on::text as "supersededOn", c.verification_code as "verificationCode"
  ${FROM}
  join provinces pv on pv.code = s.province_code`;

type PageRow = Omit<CatalogueRow, 'reratingPendingSince' | 'photoId'>;

/** What the page's rows need besides: the re-rating each may be waiting for, its first photo; read for those rows only. */
async function withExtras(db: DbOrTx, rows: PageRow[]): Promise<CatalogueRow[]> {
  if (!rows.length) return [];
  const extras = await queryRows<{ productId: string; reratingPendingSince: string | null; photoId: string | null }>(
    db,
    sql`select p.id as "productId",
          (select min(d.submitted_on)::text from dossiers d
             where d.product_id = p.id and d.kind = 'rerating' and d.submitted_on is not null and d.state not in (${closedStates})) as "reratingPendingSince",
          (select ph.id from product_photos ph where ph.product_id = p.id order by ph.position limit 1) as "photoId"
        from products p where p.id in (${sql.join(
          rows.map((r) => sql`${r.productId}`),
          sql`, `,
        )})`,
  );
  const byProduct = new Map(extras.map((e) => [e.productId, e]));
  return rows.map((row) => ({
    ...row,
    reratingPendingSince: byProduct.get(row.productId)?.reratingPendingSince ?? null,
    photoId: byProduct.get(row.productId)?.photoId ?? null,
  }));
}

/**
 * The commune's name folded as the stored columns are, by the body of ocop_unaccent() written out: that
 * function, an immutable wrapper of the stable unaccent() for indexes, is never inlined, and called per
 * row it cost ten times as much.
 */
const FOLDED_COMMUNE = sql`lower(public.unaccent('public.unaccent'::regdictionary, cm.name))`;
/** What a visitor searches: the product, its producer and its commune, folded. */
const SEARCH_TEXT = sql`(p.name_search || ' ' || s.name_search || ' ' || ${FOLDED_COMMUNE})`;
/**
 * The empty piece of the certificate's number ties a text condition to the certificate: it is then
 * checked once the standing certificates that pass the other filters are known, not first for every
 * product of the registry (the planner cannot tell how few rows a text condition keeps).
 */
const TIED = sql`left(c.number, 0)`;

function conditions(f: CatalogueFilter, search: Search): SQL {
  const parts: SQL[] = [IS_STANDING];
  if (f.star) parts.push(sql`c.star = ${f.star}`);
  if (f.setNumbers?.length)
    parts.push(
      sql`p.criteria_set_number in (${sql.join(
        f.setNumbers.map((n) => sql`${n}`),
        sql`, `,
      )})`,
    );
  if (f.communeCode) parts.push(sql`s.commune_code = ${f.communeCode}`);
  if (f.provinceCode) parts.push(sql`s.province_code = ${f.provinceCode}`);
  if (f.legalForm) parts.push(sql`s.legal_form = ${f.legalForm}`);
  if (f.subjectId) parts.push(sql`s.id = ${f.subjectId}`);
  if (f.productId) parts.push(sql`p.id = ${f.productId}`);
  if (f.inForceOn) {
    // Mirrors isInForce(certificateStatus(…)) of the domain for the filter; the status shown is the domain's.
    const day = f.inForceOn;
    parts.push(sql`(c.revoked_on is null or c.revoked_on > ${day}::date) and (c.superseded_on is null or c.superseded_on > ${day}::date)
      and (c.expires_on >= ${day}::date or (${day}::date <= c.expires_on + 180 and exists (select 1 from dossiers d
        where d.product_id = p.id and d.kind = 'rerating' and d.submitted_on <= c.expires_on and d.state not in (${closedStates}))))`);
  }
  const words = f.folded?.split(' ').filter(Boolean) ?? [];
  // Every word in the product's name, the producer's or the commune's: a word has no space, so it is found in one
  // of them exactly when it is found in SEARCH_TEXT, and the commune's name is folded only when the others lack it.
  for (const w of search === 'strict' ? words : []) {
    const like = `%${likeEscape(w)}%`;
    parts.push(sql`(p.name_search like ${like} or s.name_search like ${like} or (${FOLDED_COMMUNE} || ${TIED}) like ${like})`);
  }
  if (search === 'fuzzy' && words.length) parts.push(sql`${f.folded!} <% (${SEARCH_TEXT} || ${TIED})`);
  return sql.join(parts, sql` and `);
}

function order(sort: CatalogueSort, f: CatalogueFilter, search: Search): SQL {
  const byName = sql`p.sort_key, p.id`;
  switch (sort) {
    case 'star':
      return sql`c.star desc, ${byName}`;
    case 'name':
      return byName;
    case 'newest':
      return sql`c.issued_on desc, ${byName}`;
    case 'relevance':
      if (search === 'fuzzy') return sql`word_similarity(${f.folded!}, ${SEARCH_TEXT}) desc, c.star desc, ${byName}`;
      if (search === 'strict') {
        const phrase = likeEscape(f.folded!);
        return sql`(p.name_search like ${`${phrase}%`}) desc, (p.name_search like ${`%${phrase}%`}) desc, c.star desc, ${byName}`;
      }
      return sql`c.star desc, c.issued_on desc, ${byName}`;
  }
}

export const portalRepository = {
  /**
   * One page of certified products. A query first has to find every word (accent-insensitive);
   * only when that finds nothing are near spellings tried (trigram word similarity), so "banh phong
   * tomm" still finds "Bánh phồng tôm".
   */
  async catalogue(db: DbOrTx, f: CatalogueFilter, sort: CatalogueSort, page: { limit: number; offset: number }) {
    const run = async (search: Search) => {
      const where = conditions(f, search);
      const by = order(sort, f, search);
      // The page is chosen on the sort keys alone; only its rows are then read in full. One product has one
      // standing certificate: its first page is the whole result, and no count is needed (the product page).
      const single = f.productId !== undefined && page.offset === 0 && page.limit > 0;
      const [rows, totals] = await Promise.all([
        queryRows<PageRow>(
          db,
          sql`${SELECT} where c.id in (select c.id ${FROM} where ${where} order by ${by} limit ${page.limit} offset ${page.offset})
              order by ${by}`,
        ),
        single ? undefined : queryRows<{ n: number }>(db, sql`select count(*)::int as n ${FROM} where ${where}`),
      ]);
      return { items: await withExtras(db, rows), total: totals ? (totals[0]?.n ?? 0) : rows.length };
    };
    if (!f.folded) return run('none');
    const strict = await run('strict');
    return strict.total > 0 ? strict : run('fuzzy');
  },

  /** Every certificate of a product, latest first (the product page's history). */
  certificatesOf: (db: DbOrTx, productId: string) =>
    queryRows<CertificateHistoryRow>(
      db,
      sql`select c.id, c.number, c.star, c.level, c.issued_on::text as "issuedOn", c.expires_on::text as "expiresOn",
            c.revoked_on::text as "revokedOn", c.superseded_on::text as "supersededOn", c.verification_code as "verificationCode",
            d.number as "decisionNumber", d.signed_on::text as "decisionSignedOn"
          from certificates c left join decisions d on d.id = c.decision_id
          where c.product_id = ${productId} order by c.issued_on desc, c.number desc`,
    ),

  photosOf: (db: DbOrTx, productId: string) =>
    queryRows<{ id: string; width: number; height: number }>(
      db,
      sql`select id, width, height from product_photos where product_id = ${productId} order by position, created_at`,
    ),

  /** A photo's thumbnail key, only when its product holds a certificate (nothing else is public). */
  publicThumb: async (db: DbOrTx, photoId: string) =>
    (
      await queryRows<{ thumbKey: string }>(
        db,
        sql`select ph.thumb_key as "thumbKey" from product_photos ph
            where ph.id = ${photoId} and exists (select 1 from certificates c where c.product_id = ph.product_id)`,
      )
    )[0],

  producer: async (db: DbOrTx, subjectId: string) =>
    (
      await queryRows<ProducerCardRow>(
        db,
        sql`select s.id, s.name, s.legal_form as "legalForm", s.address, s.phone, s.email, cm.name as "communeName", pv.name as "provinceName"
            from subjects s join communes cm on cm.code = s.commune_code join provinces pv on pv.code = s.province_code
            where s.id = ${subjectId} and exists (select 1 from certificates c join products p on p.id = c.product_id where p.subject_id = s.id)`,
      )
    )[0],

  /** Products in force by star, by criteria set, the producers behind them and the communes with any (home page, map). */
  async figures(db: DbOrTx, provinceCode: string, day: string) {
    const inForce = conditions({ provinceCode, inForceOn: day }, 'none');
    const [byStar, bySet, byCommune, producers] = await Promise.all([
      queryRows<{ star: number; n: number }>(db, sql`select c.star, count(*)::int as n ${FROM} where ${inForce} group by c.star`),
      queryRows<{ setNumber: number | null; n: number }>(
        db,
        sql`select p.criteria_set_number as "setNumber", count(*)::int as n ${FROM} where ${inForce} group by p.criteria_set_number`,
      ),
      queryRows<{ communeCode: string; n: number }>(
        db,
        sql`select s.commune_code as "communeCode", count(*)::int as n ${FROM} where ${inForce} group by s.commune_code`,
      ),
      queryRows<{ n: number }>(db, sql`select count(distinct s.id)::int as n ${FROM} where ${inForce}`),
    ]);
    return { byStar, bySet, byCommune, producers: producers[0]?.n ?? 0 };
  },

  communesOf: (db: DbOrTx, provinceCode: string) =>
    queryRows<{ code: string; name: string }>(db, sql`select code, name from communes where province_code = ${provinceCode} order by sort_key`),

  provinceName: async (db: DbOrTx, provinceCode: string) =>
    (await queryRows<{ name: string }>(db, sql`select name from provinces where code = ${provinceCode}`))[0]?.name,

  criteriaSets: (db: DbOrTx, legalBasis: string) =>
    queryRows<{ number: number; name: string; sector: string }>(
      db,
      sql`select number, name, sector from criteria_sets where legal_basis = ${legalBasis} order by number`,
    ),
};
