import type { DistributionListing, EcommerceListing, WhereToBuy } from '../../../contracts/market.js';
import { vietnameseSortKey } from '../../../domain/text/vietnamese.js';
import type { DistributionRow, EcommerceRow, listingsRepository } from './listings.repository.js';

type Found = Awaited<ReturnType<(typeof listingsRepository)['whereToBuy']>>;

/** An e-commerce listing with its product and producer. */
export const presentEcommerceListing = (row: EcommerceRow): EcommerceListing => ({
  id: row.id,
  productId: row.productId,
  productName: row.productName,
  productCode: row.productCode,
  subjectId: row.subjectId,
  subjectName: row.subjectName,
  communeCode: row.communeCode,
  platform: row.platform as EcommerceListing['platform'],
  url: row.url,
  status: row.status as EcommerceListing['status'],
  active: row.active,
  lastCheckedOn: row.lastCheckedOn,
  reviewNote: row.reviewNote,
  reviewedAt: row.reviewedAt?.toISOString() ?? null,
  updatedAt: row.updatedAt.toISOString(),
});

/** A chain listing with its product and producer. */
export const presentDistributionListing = (row: DistributionRow): DistributionListing => ({
  id: row.id,
  productId: row.productId,
  productName: row.productName,
  productCode: row.productCode,
  subjectId: row.subjectId,
  subjectName: row.subjectName,
  communeCode: row.communeCode,
  chain: row.chain,
  channel: row.channel as DistributionListing['channel'],
  stores: row.stores,
  since: row.since,
  active: row.active,
  note: row.note,
  updatedAt: row.updatedAt.toISOString(),
});

/** Where to buy a product; the sales points in Vietnamese order of their names. */
export function presentWhereToBuy(found: Found): WhereToBuy {
  const points = found.points.map((p) => ({ p, key: vietnameseSortKey(p.name) })).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return {
    salesPoints: points.map(({ p }) => ({ ...p, kind: p.kind as WhereToBuy['salesPoints'][number]['kind'] })),
    chains: found.chains.map((c) => ({ ...c, channel: c.channel as WhereToBuy['chains'][number]['channel'] })),
    online: found.online.map((o) => ({ ...o, platform: o.platform as WhereToBuy['online'][number]['platform'] })),
  };
}
