import { certificateStatus, isInForce, type CertificateStatus } from '../../../domain/certificates/validity.js';
import { CURRENT_CRITERIA_BASIS } from '../../../domain/criteria/legal-bases.js';
import { vietnamDate } from '../../../domain/dates/calendar.js';
import { notFound } from '../../../domain/errors.js';
import { foldVietnamese } from '../../../domain/text/vietnamese.js';
import type { CatalogueQuery, PublicProduct, PublicProductList, PublicStanding } from '../../../contracts/portal.js';
import type { Db } from '../../db/client.js';
import type { FileStorage } from '../../lib/file-storage.js';
import { createTtlCache } from '../../lib/ttl-cache.js';
import type { LabelRegister } from '../certificates/label-register.js';
import { portalRepository as repo, type CatalogueFilter, type CatalogueRow } from './portal.repository.js';

const PRODUCT = { vi: 'sản phẩm OCOP', en: 'OCOP product' };
const PRODUCER = { vi: 'chủ thể OCOP', en: 'OCOP producer' };

/** A search's words as the catalogue holds them: folded syllables, in order, each once ("Bánh-phồng tôm" → banh, phong, tom). */
export const wordsOf = (query: string | undefined): string[] => [
  ...new Set(
    foldVietnamese(query ?? '')
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean),
  ),
];

/** The four words of the label check; the exact status (due for re-rating, extended…) goes beside. */
export function standingOf(status: CertificateStatus): PublicStanding {
  if (isInForce(status)) return 'valid';
  return status === 'revoked' ? 'revoked' : status === 'superseded' ? 'superseded' : 'expired';
}

/** "Ủy ban nhân dân tỉnh Đồng Tháp", or the ministry for 5★ (Art. 7, Decision 26/2026/QĐ-TTg). */
export const issuerOf = (level: 'province' | 'ministry', provinceName: string) =>
  level === 'ministry' ? 'Bộ Nông nghiệp và Môi trường' : `Ủy ban nhân dân tỉnh ${provinceName.replace(/^(Tỉnh|Thành phố)\s+/i, '')}`;

export type CriteriaSetInfo = { number: number; name: string; sector: string; sectorEn: string | null };
/** A sector's Vietnamese name and its English twin (null when the criteria file gives none). */
export type SectorName = { sector: string; sectorEn: string | null };
export type PortalFigures = {
  provinceName: string;
  inForce: number;
  byStar: Record<3 | 4 | 5, number>;
  bySector: (SectorName & { n: number })[];
  producers: number;
  byCommune: Map<string, number>;
  communes: { code: string; name: string }[];
};

/**
 * The public portal: the catalogue of certified products, their pages (with where to buy them),
 * producers, the province's figures, its sales points and the open-data list. Answers are cached for
 * a short while (and dropped when a certificate is issued or revoked, or a market record changes),
 * because the same few pages are asked for by many phones.
 */
export function createPortalService(
  db: Db,
  opts: { provinceCode: string; storage: FileStorage; labels: Pick<LabelRegister, 'verify' | 'changed'>; clock: () => Date; cacheTtlMs?: number },
) {
  const today = () => vietnamDate(opts.clock());
  const ttl = opts.cacheTtlMs ?? 30_000;
  const cache = createTtlCache<unknown>(ttl, 1_000);
  const cached = <T>(key: string, load: () => Promise<T>) => cache.get(`${today()}|${key}`, load) as Promise<T>;
  // A product's card, shared by every page that lists it (null: no longer certified).
  const cards = createTtlCache<PublicProduct | null>(ttl, 5_000);
  const cardKey = (productId: string) => `${today()}|${productId}`;

  const criteriaSets = () => cached('sets', () => repo.criteriaSets(db, CURRENT_CRITERIA_BASIS));
  async function sectors(): Promise<SectorName[]> {
    const byName = new Map<string, SectorName>();
    for (const s of await criteriaSets()) if (!byName.has(s.sector)) byName.set(s.sector, { sector: s.sector, sectorEn: s.sectorEn });
    return [...byName.values()];
  }

  function present(row: CatalogueRow, sets: CriteriaSetInfo[]): PublicProduct {
    const status = certificateStatus(row, today());
    const set = sets.find((s) => s.number === row.criteriaSetNumber);
    return {
      id: row.productId,
      name: row.productName,
      ocopCode: row.ocopCode,
      url: `/san-pham/${row.productId}`,
      description: row.description,
      criteriaSet: set ? { number: set.number, name: set.name, sector: set.sector } : null,
      producer: { id: row.subjectId, name: row.subjectName, legalForm: row.legalForm, url: `/chu-the/${row.subjectId}` },
      commune: { code: row.communeCode, name: row.communeName },
      province: { code: row.provinceCode, name: row.provinceName },
      certificate: {
        number: row.certificateNumber,
        star: row.star,
        issuer: issuerOf(row.level, row.provinceName),
        level: row.level,
        issuedOn: row.issuedOn,
        expiresOn: row.expiresOn,
        standing: standingOf(status),
        status,
        verificationUrl: `/v/${row.verificationCode}`,
        decision: null,
      },
      photoUrl: row.photoId ? `/anh/${row.photoId}` : null,
    };
  }

  async function filterOf(q: CatalogueQuery): Promise<CatalogueFilter> {
    const sets = await criteriaSets();
    const sectorName = q.sector ? (await sectors())[q.sector - 1]?.sector : undefined;
    const setNumbers = q.set ? [q.set] : sectorName ? sets.filter((s) => s.sector === sectorName).map((s) => s.number) : undefined;
    return {
      star: q.star,
      // A sector with no set (cannot happen with shipped data) must match nothing, not everything.
      setNumbers: setNumbers && !setNumbers.length ? [-1] : setNumbers,
      communeCode: q.commune,
      legalForm: q.form,
      inForceOn: q.valid === '1' ? today() : undefined,
    };
  }

  const counted = (f: CatalogueFilter) => cached(`count|${JSON.stringify(f)}`, () => repo.count(db, f));
  const matched = (f: CatalogueFilter, words: readonly string[]) => cached(`matches|${JSON.stringify([f, words])}`, () => repo.matches(db, f, { words }));

  /**
   * The words a query looks for: its own when some certified product holds them all (accent-
   * insensitive); otherwise each read as the catalogue's word spelled most nearly like it, so "banh
   * phong tomm" still finds "Bánh phồng tôm"; null when nothing can match.
   */
  async function searchedWords(f: CatalogueFilter, query: string | undefined): Promise<readonly string[] | null> {
    const words = wordsOf(query);
    if (!words.length || (await matched(f, words)).total) return words;
    const nearest = await cached(`nearest|${words.join(' ')}`, () => repo.nearestWords(db, words));
    return nearest.length && nearest.join(' ') !== words.join(' ') ? nearest : null;
  }

  /** The cards of these products, in this order: those not kept are read together, in one query. */
  async function cardsOf(ids: readonly string[], sets: CriteriaSetInfo[]): Promise<PublicProduct[]> {
    const read = async (wanted: readonly string[]) => new Map((await repo.entries(db, wanted)).map((r) => [r.productId, present(r, sets)]));
    const missing = new Set(ids.filter((id) => !cards.has(cardKey(id))));
    const together = missing.size ? read([...missing]) : undefined;
    const found = await Promise.all(
      ids.map((id) =>
        // One that expired since it was looked at is read on its own.
        cards.get(cardKey(id), async () => (together && missing.has(id) ? await together : await read([id])).get(id) ?? null),
      ),
    );
    return found.filter((p) => p !== null);
  }

  return {
    criteriaSets,
    sectors,

    /**
     * A page of the catalogue. What it lists is kept by what it looks for (the filter, the words
     * searched as found, the order, the page) and each product's card apart, shared by every page
     * that lists it: a national catalogue is browsed in many ways over the same few thousand cards.
     */
    async catalogue(q: CatalogueQuery): Promise<PublicProductList> {
      const [filter, sets] = await Promise.all([filterOf(q), criteriaSets()]);
      const words = await searchedWords(filter, q.q);
      if (!words) return { items: [], total: 0, page: q.page, pageSize: q.pageSize };
      const page = { limit: q.pageSize, offset: (q.page - 1) * q.pageSize };
      const listed = words.length
        ? await matched(filter, words).then((found) => ({ ids: found.ids[q.sort].slice(page.offset, page.offset + page.limit), total: found.total }))
        : await cached(`listed|${JSON.stringify([filter, q.sort, page])}`, async () => {
            const [rows, total] = await Promise.all([repo.page(db, filter, q.sort, page), counted(filter)]);
            for (const r of rows) void cards.get(cardKey(r.productId), () => Promise.resolve(present(r, sets)));
            return { ids: rows.map((r) => r.productId), total };
          });
      return { items: await cardsOf(listed.ids, sets), total: listed.total, page: q.page, pageSize: q.pageSize };
    },

    /** A certified product with its photos and every certificate it held; 404 for anything not certified. */
    async product(productId: string) {
      return cached(`product|${productId}`, async () => {
        const [found, details, sets] = await Promise.all([
          repo.page(db, { productId }, 'newest', { limit: 1, offset: 0 }),
          repo.details(db, productId, today()),
          criteriaSets(),
        ]);
        const row = found[0];
        if (!row) throw notFound(PRODUCT);
        const { photos, history, salesPoints, chains, online } = details;
        const product = present(row, sets);
        const standing = history.find((c) => c.id === row.certificateId);
        if (standing?.decisionNumber && standing.decisionSignedOn)
          product.certificate.decision = { number: standing.decisionNumber, signedOn: standing.decisionSignedOn };
        return {
          product,
          photos: photos.map((p) => ({ url: `/anh/${p.id}`, width: p.width, height: p.height })),
          certificates: history.map((c) => {
            const status = certificateStatus({ ...c, reratingPendingSince: row.reratingPendingSince }, today());
            return { number: c.number, star: c.star, issuedOn: c.issuedOn, expiresOn: c.expiresOn, standing: standingOf(status), status };
          }),
          whereToBuy: { salesPoints, chains, online },
        };
      });
    },

    async producer(subjectId: string) {
      return cached(`producer|${subjectId}`, async () => {
        const card = await repo.producer(db, subjectId);
        if (!card) throw notFound(PRODUCER);
        const [sets, products] = await Promise.all([criteriaSets(), repo.page(db, { subjectId }, 'star', { limit: 200, offset: 0 })]);
        return { producer: card, products: products.map((r) => present(r, sets)) };
      });
    },

    async figures(): Promise<PortalFigures> {
      return cached('figures', async () => {
        const [raw, sets, communes, provinceName] = await Promise.all([
          repo.figures(db, opts.provinceCode, today()),
          criteriaSets(),
          repo.communesOf(db, opts.provinceCode),
          repo.provinceName(db, opts.provinceCode),
        ]);
        const byStar = { 3: 0, 4: 0, 5: 0 } as Record<3 | 4 | 5, number>;
        for (const r of raw.byStar) if (r.star === 3 || r.star === 4 || r.star === 5) byStar[r.star] += r.n;
        const bySectorMap = new Map<string, SectorName & { n: number }>();
        for (const r of raw.bySet) {
          const set = sets.find((s) => s.number === r.setNumber);
          const entry = bySectorMap.get(set?.sector ?? 'Khác') ?? { sector: set?.sector ?? 'Khác', sectorEn: set ? set.sectorEn : 'Other', n: 0 };
          bySectorMap.set(entry.sector, { ...entry, n: entry.n + r.n });
        }
        return {
          provinceName: provinceName ?? '',
          inForce: byStar[3] + byStar[4] + byStar[5],
          byStar,
          bySector: [...bySectorMap.values()].sort((a, b) => b.n - a.n),
          producers: raw.producers,
          byCommune: new Map(raw.byCommune.map((r) => [r.communeCode, r.n])),
          communes,
        };
      });
    },

    /** The province's open sales points with coordinates, for the map page and its JSON. */
    salesPoints: () => cached('salesPoints', () => repo.mapSalesPoints(db, opts.provinceCode, today())),

    /** Certified products in force to show first: the highest stars, the latest recognised, with a photo. */
    async featured(limit = 6) {
      const list = await this.catalogue({ valid: '1', sort: 'newest', page: 1, pageSize: 60 } as CatalogueQuery);
      return list.items
        .filter((p) => p.photoUrl)
        .sort((a, b) => b.certificate.star - a.certificate.star || b.certificate.issuedOn.localeCompare(a.certificate.issuedOn))
        .slice(0, limit);
    },

    /**
     * What a label's code stands for: the same answer for the page and its JSON twin. Not cached: the
     * register answers from memory in a few microseconds, and labels are scanned in no useful order,
     * so a cache of answers missed most checks and kept each answer just long enough to be copied
     * into the old generation (a fifth of the label check's time went to collecting them).
     */
    verify: (code: string) => opts.labels.verify(code),

    thumb: (key: string) => opts.storage.get(key),

    /** A photo's thumbnail, only of a certified product. */
    async photo(photoId: string) {
      const found = await repo.publicThumb(db, photoId);
      if (!found) throw notFound({ vi: 'ảnh', en: 'photo' });
      return opts.storage.get(found.thumbKey);
    },

    /**
     * Drops every cached answer: a certificate was issued, replaced or revoked, or a sales point, its
     * products or a listing changed (product pages and the map show where to buy).
     */
    invalidate: () => {
      cache.clear();
      cards.clear();
      opts.labels.changed();
    },
  };
}
export type PortalService = ReturnType<typeof createPortalService>;
