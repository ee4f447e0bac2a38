import type { z } from 'zod';
import type {
  DistributionListingInput,
  DistributionListingUpdate,
  DistributionListQuery,
  EcommerceListingInput,
  EcommerceListingUpdate,
  ListingListQuery,
  ListingReviewInput,
} from '../../../contracts/market.js';
import { vietnamDate } from '../../../domain/dates/calendar.js';
import { pastDateProblem } from '../../../domain/dates/periods.js';
import { conflict, forbidden, invalid, notFound, type FieldErrors, type Message } from '../../../domain/errors.js';
import { checkListingPlatform, earlierListingUrlForms, normaliseListingUrl, chainKey } from '../../../domain/market/index.js';
import {
  canEditProductMarket,
  canProposeListing,
  canReadProduct,
  canReviewListing,
  registryScope,
  subjectOf,
  type Actor,
} from '../../../domain/policies/index.js';
import { normalizeText } from '../../../domain/text/vietnamese.js';
import type { Db } from '../../db/client.js';
import { inPages } from '../../lib/table-export.js';
import { recordAudit, type AuditActor } from '../audit/audit.service.js';
import { presentDistributionListing, presentEcommerceListing, presentWhereToBuy } from './listings.presenter.js';
import { listingsRepository as repo, type DistributionRow, type EcommerceRow } from './listings.repository.js';

const LISTING = { vi: 'gian hàng', en: 'listing' };
const PRODUCT = { vi: 'sản phẩm', en: 'product' };

type EcommerceQuery = z.infer<typeof ListingListQuery>;
type DistributionQuery = z.infer<typeof DistributionListQuery>;
type Without<T> = Omit<T, 'page' | 'pageSize'>;

const userIdOf = (actor: Actor) => (actor.kind === 'user' ? actor.userId : null);
const failed = (fields: FieldErrors, code: string, message: Message) => {
  if (Object.keys(fields).length) throw invalid(code, message, fields);
};
const INVALID_LISTING: Message = { vi: 'Thông tin gian hàng chưa hợp lệ.', en: 'The listing has invalid details.' };

/**
 * Where a product is sold besides sales points: supermarket and retail chains (kept by the office and
 * the commune's officer) and e-commerce pages (which a producer may also propose for its own products,
 * to be approved). Each list shows the products in the caller's registry scope: the office its
 * province's, an officer their communes', a producer its own.
 */
// Listings follow their product's registry scope, not the activities' province: the deployment's province is not needed.
export function createListingsService(db: Db, _deploymentProvince: string, clock: () => Date, onPublicChange: () => void) {
  const today = () => vietnamDate(clock());

  /** A product named in a body: one the caller cannot see is answered as one that does not exist. */
  async function namedProduct(actor: Actor, productId: string) {
    const product = await repo.productRef(db, productId);
    if (!product || !canReadProduct(actor, subjectOf(product))) {
      const m = { vi: 'Không tìm thấy sản phẩm.', en: 'The product was not found.' };
      throw invalid('unknown_product', m, { productId: m });
    }
    return product;
  }

  // ——— E-commerce ———

  async function loadEcommerce(actor: Actor, id: string) {
    const row = await repo.getEcommerce(db, id);
    if (!row || !canReadProduct(actor, subjectOf(row))) throw notFound(LISTING);
    return row;
  }
  /** The office and the commune's officer change any listing; a producer only its own proposal while it waits. */
  async function loadEcommerceEditable(actor: Actor, id: string) {
    const row = await loadEcommerce(actor, id);
    const ownProposal = canProposeListing(actor, subjectOf(row)) && row.status === 'proposed';
    if (!canEditProductMarket(actor, subjectOf(row)) && !ownProposal) throw forbidden();
    return row;
  }

  /** The URL in its kept form, checked against the platform, the date checked, and unique among all listings (in any form it was stored in). */
  async function checkedUrl(actor: Actor, input: z.infer<typeof EcommerceListingUpdate>, exceptId: string | null) {
    const fields: FieldErrors = {};
    const normalised = normaliseListingUrl(input.url);
    if (!normalised.ok) fields.url = normalised.message;
    else {
      const mismatch = checkListingPlatform(input.platform, normalised.url);
      if (mismatch) fields.platform = mismatch;
    }
    const checkedLater = pastDateProblem(input.lastCheckedOn, today());
    if (checkedLater) fields.lastCheckedOn = checkedLater;
    failed(fields, 'invalid_listing', INVALID_LISTING);
    const url = (normalised as { url: string }).url;
    // Rows stored under the earlier rules keep their form: the page is looked for in each form it may have.
    let existing = await repo.ecommerceByUrl(db, url, exceptId);
    for (const form of existing ? [] : earlierListingUrlForms(input.url)) {
      existing = await repo.ecommerceByUrl(db, form, exceptId);
      if (existing) break;
    }
    if (existing) {
      // The product that has the page is named to those who may see it; others learn only that it is taken.
      const m = canReadProduct(actor, subjectOf(existing))
        ? {
            vi: `Đường dẫn này đã được ghi cho sản phẩm "${existing.productName}" (${existing.subjectName}).`,
            en: `This URL is already recorded for the product "${existing.productName}" (${existing.subjectName}).`,
          }
        : { vi: 'Đường dẫn này đã được ghi cho một sản phẩm khác.', en: 'This URL is already recorded for another product.' };
      throw conflict('duplicate_listing_url', m, { url: m });
    }
    return url;
  }

  // ——— Chains ———

  async function loadDistribution(actor: Actor, id: string) {
    const row = await repo.getDistribution(db, id);
    if (!row || !canReadProduct(actor, subjectOf(row))) throw notFound(LISTING);
    return row;
  }
  async function loadDistributionEditable(actor: Actor, id: string) {
    const row = await loadDistribution(actor, id);
    if (!canEditProductMarket(actor, subjectOf(row))) throw forbidden();
    return row;
  }
  async function distributionValues(productId: string, input: z.infer<typeof DistributionListingUpdate>, exceptId: string | null) {
    const chain = normalizeText(input.chain);
    const key = chainKey(chain);
    const fields: FieldErrors = {};
    if (!key) fields.chain = { vi: 'Tên hệ thống phải có chữ hoặc số.', en: 'The chain’s name must contain letters or digits.' };
    const sinceLater = pastDateProblem(input.since, today());
    if (sinceLater) fields.since = sinceLater;
    failed(fields, 'invalid_listing', INVALID_LISTING);
    if (await repo.chainTaken(db, productId, key, exceptId)) {
      const m = { vi: `Sản phẩm đã được ghi tại "${chain}".`, en: `The product is already recorded at "${chain}".` };
      throw conflict('duplicate_chain_listing', m, { chain: m });
    }
    return {
      chain,
      chainKey: key,
      channel: input.channel,
      stores: input.stores ?? null,
      since: input.since ?? null,
      active: input.active,
      note: input.note == null ? null : input.note.normalize('NFC').trim(),
    };
  }

  const ecommercePage = (actor: Actor, f: Without<EcommerceQuery>, page: { limit: number; offset: number }) =>
    repo.listEcommerce(db, registryScope(actor), f, page);
  const distributionPage = (actor: Actor, f: Without<DistributionQuery>, page: { limit: number; offset: number }) =>
    repo.listDistribution(db, registryScope(actor), f, page);
  const snapshot = <T extends EcommerceRow | DistributionRow>(row: T) => {
    const { productName: _p, productCode: _c, subjectId: _s, subjectName: _n, provinceCode: _v, communeCode: _m, ...rest } = row;
    return rest;
  };

  return {
    async listEcommerce(actor: Actor, q: EcommerceQuery) {
      const { items, total } = await ecommercePage(actor, q, { limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
      return { items: items.map(presentEcommerceListing), total, page: q.page, pageSize: q.pageSize };
    },
    exportEcommerce: (actor: Actor, f: Without<EcommerceQuery>) =>
      inPages(async (page) => (await ecommercePage(actor, f, page)).items.map(presentEcommerceListing)),

    /** The office's or officer's listing is approved as it is recorded; a producer's waits for their review. */
    async createEcommerce(actor: Actor, audit: AuditActor, input: z.infer<typeof EcommerceListingInput>) {
      const product = await namedProduct(actor, input.productId);
      const keeper = canEditProductMarket(actor, subjectOf(product));
      if (!keeper && !canProposeListing(actor, subjectOf(product))) throw forbidden();
      const url = await checkedUrl(actor, input, null);
      const id = await db.transaction(async (tx) => {
        const row = await repo.insertEcommerce(tx, {
          productId: product.id,
          platform: input.platform,
          url,
          active: input.active,
          lastCheckedOn: input.lastCheckedOn ?? null,
          status: keeper ? 'approved' : 'proposed',
          proposedBy: keeper ? null : userIdOf(actor),
          reviewedBy: keeper ? userIdOf(actor) : null,
          reviewedAt: keeper ? clock() : null,
        });
        await recordAudit(tx, audit, { action: 'create', entityType: 'ecommerce_listing', entityId: row.id, after: row });
        return row.id;
      });
      if (keeper) onPublicChange();
      return presentEcommerceListing((await repo.getEcommerce(db, id))!);
    },

    async updateEcommerce(actor: Actor, audit: AuditActor, id: string, input: z.infer<typeof EcommerceListingUpdate>) {
      const before = await loadEcommerceEditable(actor, id);
      const url = await checkedUrl(actor, input, id);
      await db.transaction(async (tx) => {
        const after = await repo.updateEcommerce(tx, id, { platform: input.platform, url, active: input.active, lastCheckedOn: input.lastCheckedOn ?? null });
        await recordAudit(tx, audit, { action: 'update', entityType: 'ecommerce_listing', entityId: id, before: snapshot(before), after });
      });
      if (before.status === 'approved') onPublicChange();
      return presentEcommerceListing((await repo.getEcommerce(db, id))!);
    },

    async removeEcommerce(actor: Actor, audit: AuditActor, id: string) {
      const before = await loadEcommerceEditable(actor, id);
      await db.transaction(async (tx) => {
        await repo.deleteEcommerce(tx, id);
        await recordAudit(tx, audit, { action: 'delete', entityType: 'ecommerce_listing', entityId: id, before: snapshot(before) });
      });
      if (before.status === 'approved') onPublicChange();
    },

    /** Approves or rejects a listing: the reviewer and the time are the caller and now. */
    async reviewEcommerce(actor: Actor, audit: AuditActor, id: string, input: z.infer<typeof ListingReviewInput>) {
      const before = await loadEcommerce(actor, id);
      if (!canReviewListing(actor, subjectOf(before))) throw forbidden();
      await db.transaction(async (tx) => {
        const after = await repo.updateEcommerce(tx, id, {
          status: input.decision,
          reviewedBy: userIdOf(actor),
          reviewedAt: clock(),
          reviewNote: input.note ?? null,
        });
        await recordAudit(tx, audit, { action: 'update', entityType: 'ecommerce_listing', entityId: id, before: snapshot(before), after });
      });
      if (before.status === 'approved' || input.decision === 'approved') onPublicChange();
      return presentEcommerceListing((await repo.getEcommerce(db, id))!);
    },

    async listDistribution(actor: Actor, q: DistributionQuery) {
      const { items, total } = await distributionPage(actor, q, { limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
      return { items: items.map(presentDistributionListing), total, page: q.page, pageSize: q.pageSize };
    },
    exportDistribution: (actor: Actor, f: Without<DistributionQuery>) =>
      inPages(async (page) => (await distributionPage(actor, f, page)).items.map(presentDistributionListing)),

    async createDistribution(actor: Actor, audit: AuditActor, input: z.infer<typeof DistributionListingInput>) {
      const product = await namedProduct(actor, input.productId);
      if (!canEditProductMarket(actor, subjectOf(product))) throw forbidden();
      const values = await distributionValues(product.id, input, null);
      const id = await db.transaction(async (tx) => {
        const row = await repo.insertDistribution(tx, { productId: product.id, ...values });
        await recordAudit(tx, audit, { action: 'create', entityType: 'distribution_listing', entityId: row.id, after: row });
        return row.id;
      });
      if (values.active) onPublicChange();
      return presentDistributionListing((await repo.getDistribution(db, id))!);
    },

    async updateDistribution(actor: Actor, audit: AuditActor, id: string, input: z.infer<typeof DistributionListingUpdate>) {
      const before = await loadDistributionEditable(actor, id);
      const values = await distributionValues(before.productId, input, id);
      await db.transaction(async (tx) => {
        const after = await repo.updateDistribution(tx, id, values);
        await recordAudit(tx, audit, { action: 'update', entityType: 'distribution_listing', entityId: id, before: snapshot(before), after });
      });
      if (before.active || values.active) onPublicChange();
      return presentDistributionListing((await repo.getDistribution(db, id))!);
    },

    async removeDistribution(actor: Actor, audit: AuditActor, id: string) {
      const before = await loadDistributionEditable(actor, id);
      await db.transaction(async (tx) => {
        await repo.deleteDistribution(tx, id);
        await recordAudit(tx, audit, { action: 'delete', entityType: 'distribution_listing', entityId: id, before: snapshot(before) });
      });
      if (before.active) onPublicChange();
    },

    /** Where to buy a product, for whoever may read the product. */
    async whereToBuy(actor: Actor, productId: string) {
      const product = await repo.productRef(db, productId);
      if (!product || !canReadProduct(actor, subjectOf(product))) throw notFound(PRODUCT);
      return presentWhereToBuy(await repo.whereToBuy(db, productId));
    },
  };
}
export type ListingsService = ReturnType<typeof createListingsService>;
