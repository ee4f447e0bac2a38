import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../../db/client.js';
import { preparedRows } from '../../db/prepared.js';
import { openReratingSince } from '../../db/rerating-sql.js';
import { likeEscape } from '../../db/sql-scope.js';
import { PENDING_RERATING_GRACE_DAYS, RERATING_WINDOW_CLOSES_DAYS } from '../../../domain/certificates/validity.js';

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

/** A sales point (alias sp) open on a day: active, opened by then (or on an unknown day), not yet closed. */
const openOn = (day: string) =>
  sql`sp.status = 'active' and (sp.opened_on is null or sp.opened_on <= ${day}::date) and (sp.closed_on is null or sp.closed_on > ${day}::date)`;

export type WhereToBuyPoint = {
  id: string;
  name: string;
  kind: string;
  address: string | null;
  communeName: string | null;
  latitude: number | null;
  longitude: number | null;
};

/** A product page's photos, certificates and where to buy it (`details`). */
export type ProductDetails = {
  photos: { id: string; width: number; height: number }[];
  history: CertificateHistoryRow[];
  salesPoints: WhereToBuyPoint[];
  chains: { chain: string; channel: string; stores: number | null }[];
  online: { platform: string; url: string }[];
};

export type CatalogueFilter = {
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
/**
 * The words (folded syllables) every result holds among the words of its product's, producer's or
 * commune's name; none: no search. The sort orders match the entries' indexes (`nulls last` included).
 */
export type CatalogueSearch = { words: readonly string[] };
/** A search's matches: how many, and their product ids in each order. */
export type SearchMatches = { total: number; ids: Record<CatalogueSort, string[]> };
const NO_SEARCH: CatalogueSearch = { words: [] };

/**
 * Certified products are read from the catalogue's entries (migration 0016): one row per product with
 * its standing certificate, what is filtered, sorted and searched on, and what a card shows, kept by
 * triggers. A page of results is read from that one table; only what changes with other records (an
 * open re-rating, photos) is looked up, for the page's rows.
 */
const COLUMNS = sql`
  e.product_id as "productId", e.product_name as "productName", e.ocop_code as "ocopCode", e.description,
  e.criteria_set_number as "criteriaSetNumber", e.subject_id as "subjectId", e.subject_name as "subjectName",
  e.legal_form as "legalForm", e.commune_code as "communeCode", e.commune_name as "communeName", e.province_code as "provinceCode",
  e.province_name as "provinceName", e.certificate_id as "certificateId", e.certificate_number as "certificateNumber", e.star, e.level,
  e.issued_on::text as "issuedOn", e.expires_on::text as "expiresOn", e.revoked_on::text as "revokedOn",
  e.superseded_on::text as "supersededOn", e.verification_code as "verificationCode"`;

/** What a page's rows need besides, read for those rows only: the re-rating each may be waiting for, its first photo. */
const EXTRAS = sql`
  ${openReratingSince(sql`e.product_id`)}::text as "reratingPendingSince",
  (select ph.id from product_photos ph where ph.product_id = e.product_id order by ph.position limit 1) as "photoId"`;

function conditions(f: CatalogueFilter, search: CatalogueSearch): SQL {
  const parts: SQL[] = [];
  if (f.star) parts.push(sql`e.star = ${f.star}`);
  if (f.setNumbers?.length)
    parts.push(
      sql`e.criteria_set_number in (${sql.join(
        f.setNumbers.map((n) => sql`${n}`),
        sql`, `,
      )})`,
    );
  if (f.communeCode) parts.push(sql`e.commune_code = ${f.communeCode}`);
  if (f.provinceCode) parts.push(sql`e.province_code = ${f.provinceCode}`);
  if (f.legalForm) parts.push(sql`e.legal_form = ${f.legalForm}`);
  if (f.subjectId) parts.push(sql`e.subject_id = ${f.subjectId}`);
  if (f.productId) parts.push(sql`e.product_id = ${f.productId}`);
  if (f.inForceOn) {
    // Mirrors isInForce(certificateStatus(…)) of the domain for the filter; the status shown is the domain's.
    const day = f.inForceOn;
    parts.push(sql`(e.revoked_on is null or e.revoked_on > ${day}::date) and (e.superseded_on is null or e.superseded_on > ${day}::date)
      and (e.expires_on >= ${day}::date or (${day}::date <= e.expires_on + ${PENDING_RERATING_GRACE_DAYS}::int
        and ${openReratingSince(sql`e.product_id`)} between e.expires_on - ${RERATING_WINDOW_CLOSES_DAYS - 1}::int and e.expires_on))`);
  }
  // The entry holds every word (the words index answers it).
  if (search.words.length)
    parts.push(
      sql`e.words @> array[${sql.join(
        search.words.map((w) => sql`${w}`),
        sql`, `,
      )}]::text[]`,
    );
  return parts.length ? sql.join(parts, sql` and `) : sql`true`;
}

function order(sort: CatalogueSort, search: CatalogueSearch): SQL {
  const byName = sql`e.sort_key, e.product_id`;
  switch (sort) {
    case 'star':
      return sql`e.star desc nulls last, ${byName}`;
    case 'name':
      return byName;
    case 'newest':
      return sql`e.issued_on desc nulls last, ${byName}`;
    case 'relevance':
      if (search.words.length) {
        const phrase = likeEscape(search.words.join(' '));
        return sql`(e.product_search like ${`${phrase}%`}) desc, (e.product_search like ${`%${phrase}%`}) desc, e.star desc, ${byName}`;
      }
      return sql`e.star desc, e.issued_on desc, ${byName}`;
  }
}

export const portalRepository = {
  /** How many certified products pass the filter. */
  async count(db: DbOrTx, f: CatalogueFilter) {
    const [row] = await preparedRows<{ n: number }>(db, sql`select count(*)::int as n from catalogue_entries e where ${conditions(f, NO_SEARCH)}`);
    return row?.n ?? 0;
  },

  /**
   * One page of them in one of the catalogue's orders, read along that order's index; what changes
   * with other records is read for its rows only.
   */
  page(db: DbOrTx, f: CatalogueFilter, sort: CatalogueSort, page: { limit: number; offset: number }) {
    const by = order(sort, NO_SEARCH);
    return preparedRows<CatalogueRow>(
      db,
      sql`select ${COLUMNS}, ${EXTRAS}
          from (select * from catalogue_entries e where ${conditions(f, NO_SEARCH)} order by ${by} limit ${page.limit} offset ${page.offset}) e
          order by ${by}`,
    );
  },

  /**
   * Every entry a search finds, as its product id, with its place in each of the catalogue's orders.
   * A search reads all its matches anyway (the words index gives them unordered), so they are read
   * once for every sort and page of that search; the orders are the database's own (collation included).
   */
  async matches(db: DbOrTx, f: CatalogueFilter, search: CatalogueSearch): Promise<SearchMatches> {
    const rank = (sort: CatalogueSort) => sql`row_number() over (order by ${order(sort, search)})::int`;
    const rows = await queryRows<{ id: string } & Record<CatalogueSort, number>>(
      db,
      sql`select e.product_id as id, ${rank('relevance')} as relevance, ${rank('star')} as star, ${rank('name')} as name, ${rank('newest')} as newest
          from catalogue_entries e where ${conditions(f, search)}`,
    );
    const inOrder = (sort: CatalogueSort) => rows.toSorted((a, b) => a[sort] - b[sort]).map((r) => r.id);
    return { total: rows.length, ids: { relevance: inOrder('relevance'), star: inOrder('star'), name: inOrder('name'), newest: inOrder('newest') } };
  },

  /**
   * The entries of these products (a page of matches), in no particular order. The ids are one
   * array value, so pages of any length are one prepared statement.
   */
  entries: (db: DbOrTx, productIds: readonly string[]) =>
    preparedRows<CatalogueRow>(db, sql`select ${COLUMNS}, ${EXTRAS} from catalogue_entries e where e.product_id = any(${sql.param(productIds)}::uuid[])`),

  /**
   * Each word of a search as the catalogue's word spelled most nearly like it (trigram similarity over
   * the catalogue's vocabulary), so "banh phong tomm" looks for "banh phong tom". A word with no near
   * spelling is left out.
   */
  async nearestWords(db: DbOrTx, words: readonly string[]): Promise<string[]> {
    const rows = await queryRows<{ word: string }>(
      db,
      sql`select near.word
          from unnest(array[${sql.join(
            words.map((w) => sql`${w}`),
            sql`, `,
          )}]::text[]) with ordinality as q(word, position)
          cross join lateral (select cw.word from catalogue_words cw where cw.word % q.word
                              order by similarity(cw.word, q.word) desc, abs(length(cw.word) - length(q.word)), cw.word limit 1) near
          order by q.position`,
    );
    return rows.map((r) => r.word);
  },

  /**
   * What a product's page shows besides its entry, read in one statement (each part a JSON array):
   * its photos; every certificate it held with its decision, latest first; and where it is sold on
   * `day`, as the public may see it: open sales points carrying it whose producer consented, the
   * chains stocking it (active listings), its approved, active e-commerce pages. Six statements
   * before, each planned and answered apart, for every product page not in the cache.
   */
  async details(db: DbOrTx, productId: string, day: string): Promise<ProductDetails> {
    const list = (object: SQL, orderBy: SQL, from: SQL) => sql`(select coalesce(json_agg(${object} order by ${orderBy}), '[]'::json) ${from})`;
    const [row] = await preparedRows<ProductDetails>(
      db,
      sql`select
        ${list(sql`json_build_object('id', ph.id, 'width', ph.width, 'height', ph.height)`, sql`ph.position, ph.created_at`, sql`from product_photos ph where ph.product_id = ${productId}`)} as photos,
        ${list(
          sql`json_build_object('id', c.id, 'number', c.number, 'star', c.star, 'level', c.level, 'issuedOn', c.issued_on::text,
            'expiresOn', c.expires_on::text, 'revokedOn', c.revoked_on::text, 'supersededOn', c.superseded_on::text,
            'verificationCode', c.verification_code, 'decisionNumber', d.number, 'decisionSignedOn', d.signed_on::text)`,
          sql`c.issued_on desc, c.number desc`,
          sql`from certificates c left join decisions d on d.id = c.decision_id where c.product_id = ${productId}`,
        )} as history,
        ${list(
          sql`json_build_object('id', sp.id, 'name', sp.name, 'kind', sp.kind, 'address', sp.address, 'communeName', coalesce(cm.name, op.name),
            'latitude', sp.latitude, 'longitude', sp.longitude)`,
          sql`sp.placement = 'in_province' desc, sp.name_search, sp.id`,
          sql`from sales_point_products spp
            join sales_points sp on sp.id = spp.sales_point_id
            left join communes cm on cm.code = sp.commune_code
            left join provinces op on op.code = sp.other_province_code
            where spp.product_id = ${productId} and spp.consent = 'given' and ${openOn(day)}`,
        )} as "salesPoints",
        ${list(
          sql`json_build_object('chain', dl.chain, 'channel', dl.channel, 'stores', dl.stores)`,
          sql`dl.chain_key`,
          sql`from distribution_listings dl where dl.product_id = ${productId} and dl.active`,
        )} as chains,
        ${list(
          sql`json_build_object('platform', el.platform, 'url', el.url)`,
          sql`el.platform, el.url`,
          sql`from ecommerce_listings el where el.product_id = ${productId} and el.status = 'approved' and el.active`,
        )} as online`,
    );
    return row!;
  },

  /** A photo's thumbnail key, only when its product holds a certificate (nothing else is public). */
  publicThumb: async (db: DbOrTx, photoId: string) =>
    (
      await preparedRows<{ thumbKey: string }>(
        db,
        sql`select ph.thumb_key as "thumbKey" from product_photos ph
            where ph.id = ${photoId} and exists (select 1 from catalogue_entries e where e.product_id = ph.product_id)`,
      )
    )[0],

  producer: async (db: DbOrTx, subjectId: string) =>
    (
      await preparedRows<ProducerCardRow>(
        db,
        sql`select s.id, s.name, s.legal_form as "legalForm", s.address, s.phone, s.email, cm.name as "communeName", pv.name as "provinceName"
            from subjects s join communes cm on cm.code = s.commune_code join provinces pv on pv.code = s.province_code
            where s.id = ${subjectId} and exists (select 1 from catalogue_entries e where e.subject_id = s.id)`,
      )
    )[0],

  /** Products in force by star, by criteria set, the producers behind them and the communes with any (home page, map). */
  async figures(db: DbOrTx, provinceCode: string, day: string) {
    const inForce = conditions({ provinceCode, inForceOn: day }, NO_SEARCH);
    const [byStar, bySet, byCommune, producers] = await Promise.all([
      queryRows<{ star: number; n: number }>(db, sql`select e.star, count(*)::int as n from catalogue_entries e where ${inForce} group by e.star`),
      queryRows<{ setNumber: number | null; n: number }>(
        db,
        sql`select e.criteria_set_number as "setNumber", count(*)::int as n from catalogue_entries e where ${inForce} group by e.criteria_set_number`,
      ),
      queryRows<{ communeCode: string; n: number }>(
        db,
        sql`select e.commune_code as "communeCode", count(*)::int as n from catalogue_entries e where ${inForce} group by e.commune_code`,
      ),
      queryRows<{ n: number }>(db, sql`select count(distinct e.subject_id)::int as n from catalogue_entries e where ${inForce}`),
    ]);
    return { byStar, bySet, byCommune, producers: producers[0]?.n ?? 0 };
  },

  /** The province's open sales points that have coordinates: the public map's points (no record id: the map names places, not records). */
  mapSalesPoints: (db: DbOrTx, provinceCode: string, day: string) =>
    queryRows<{ name: string; kind: string; address: string | null; communeName: string | null; latitude: number; longitude: number }>(
      db,
      sql`select sp.name, sp.kind, sp.address, cm.name as "communeName", sp.latitude, sp.longitude
          from sales_points sp left join communes cm on cm.code = sp.commune_code
          where sp.province_code = ${provinceCode} and sp.placement = 'in_province' and sp.latitude is not null and sp.longitude is not null and ${openOn(day)}
          order by sp.name_search, sp.id`,
    ),

  communesOf: (db: DbOrTx, provinceCode: string) =>
    queryRows<{ code: string; name: string }>(db, sql`select code, name from communes where province_code = ${provinceCode} order by sort_key`),

  provinceName: async (db: DbOrTx, provinceCode: string) =>
    (await queryRows<{ name: string }>(db, sql`select name from provinces where code = ${provinceCode}`))[0]?.name,

  criteriaSets: (db: DbOrTx, legalBasis: string) =>
    queryRows<{ number: number; name: string; sector: string; sectorEn: string | null }>(
      db,
      sql`select number, name, sector, sector_en as "sectorEn" from criteria_sets where legal_basis = ${legalBasis} order by number`,
    ),
};
