import type { z } from 'zod';
import type { CarriedProductsInput, ConsentInput, SalesPointInput, SalesPointListItem, SalesPointListQuery } from '../../../contracts/market.js';
import { vietnamDate } from '../../../domain/dates/calendar.js';
import { pastDateProblem } from '../../../domain/dates/periods.js';
import { conflict, forbidden, invalid, notFound, type FieldErrors } from '../../../domain/errors.js';
import { placementProblems } from '../../../domain/market/index.js';
import {
  canAnswerConsent,
  canEditActivity,
  canReadActivity,
  canReadProduct,
  ownSubjectOf,
  subjectOf,
  type ActivityRef,
  type Actor,
} from '../../../domain/policies/index.js';
import { foldVietnamese, normalizeText, vietnameseSortKey } from '../../../domain/text/vietnamese.js';
import type { Db } from '../../db/client.js';
import { inPages } from '../../lib/table-export.js';
import { recordAudit, type AuditActor } from '../audit/audit.service.js';
import { referenceRepository } from '../reference/reference.repository.js';
import { presentCarriedProduct, presentProductSalesPoint, presentSalesPoint, presentSalesPointItem } from './sales-points.presenter.js';
import { salesPointsRepository as repo, type CarriedRow, type SalesPointFilters, type SalesPointRow } from './sales-points.repository.js';
import { requireActivitiesProvince } from '../../lib/activity-scope.js';

const SALES_POINT = { vi: 'điểm bán', en: 'sales point' };
/** One answer for a point that is missing, unreadable, or does not carry the product for this caller. */
const CARRIED = { vi: 'sản phẩm tại điểm bán', en: 'product at the sales point' };
const PRODUCT = { vi: 'sản phẩm', en: 'product' };

type ListQuery = z.infer<typeof SalesPointListQuery>;
type Filters = Omit<ListQuery, 'page' | 'pageSize'>;
/** A row of the list's export: the list's item and the codes of the products it carries. */
export type SalesPointExportRow = SalesPointListItem & { productCodes: string[] };

const activityRef = (row: { provinceCode: string; communeCode: string | null }): ActivityRef => ({
  provinceCode: row.provinceCode,
  communeCode: row.communeCode,
});
const userIdOf = (actor: Actor) => (actor.kind === 'user' ? actor.userId : null);
/** A change the public portal shows: a point carrying a product its producer consented to. */
const shownToPublic = (carried: readonly { consent: string }[]) => carried.some((c) => c.consent === 'given');

/**
 * Sales points of the province (Decision 950/QĐ-BCT showrooms and sales points, centres, shops,
 * counters) and the products they carry, each shown to the public only once its producer consented.
 */
export function createSalesPointsService(db: Db, deploymentProvince: string, clock: () => Date, onPublicChange: () => void) {
  const today = () => vietnamDate(clock());

  const readableProvince = (actor: Actor) => requireActivitiesProvince(actor, deploymentProvince);
  async function load(actor: Actor, id: string) {
    const row = await repo.get(db, id);
    if (!row || !canReadActivity(actor, activityRef(row), deploymentProvince)) throw notFound(SALES_POINT);
    return row;
  }
  async function loadEditable(actor: Actor, id: string) {
    const row = await load(actor, id);
    if (!canEditActivity(actor, activityRef(row), deploymentProvince)) throw forbidden();
    return row;
  }
  async function present(actor: Actor, row: SalesPointRow) {
    const carried = await repo.carried(db, row.id);
    const shown = carried.filter((c) => canReadProduct(actor, subjectOf(c)));
    return presentSalesPoint(row, shown, carried.length - shown.length, today());
  }

  /** The matching points' ids in Vietnamese order of their names. */
  async function orderedIds(provinceCode: string, f: Filters) {
    const filters: SalesPointFilters = { provinceCode, q: f.q, kind: f.kind, status: f.status, placement: f.placement, communeCode: f.communeCode };
    const { items } = await repo.matching(db, filters);
    return items
      .map((i) => ({ id: i.id, key: vietnameseSortKey(i.name) }))
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.id < b.id ? -1 : 1))
      .map((i) => i.id);
  }
  async function rowsInOrder(ids: readonly string[]) {
    const byId = new Map((await repo.byIds(db, ids)).map((r) => [r.id, r]));
    return ids.flatMap((id) => (byId.has(id) ? [presentSalesPointItem(byId.get(id)!)] : []));
  }

  /** Field errors of a point: where it is (a commune of the province, a real other province), coordinates, dates, status. */
  async function problems(provinceCode: string, input: SalesPointInput): Promise<FieldErrors> {
    const fields = placementProblems(input, provinceCode, { communeRequired: true });
    if (input.placement === 'in_province' && input.communeCode && !fields.communeCode) {
      const [commune] = await referenceRepository.communesByCode(db, [input.communeCode]);
      if (commune?.provinceCode !== provinceCode) fields.communeCode = { vi: 'Xã, phường này không thuộc tỉnh.', en: 'This commune is not in the province.' };
    }
    if (input.placement === 'other_province' && input.otherProvinceCode && !fields.otherProvinceCode) {
      if (!(await referenceRepository.provinceFullName(db, input.otherProvinceCode)))
        fields.otherProvinceCode = { vi: 'Không có tỉnh, thành phố mã này.', en: 'There is no province with this code.' };
    }
    // A position is a pair: one coordinate alone puts the point nowhere on the map.
    if ((input.latitude == null) !== (input.longitude == null)) {
      const m = { vi: 'Nhập cả vĩ độ và kinh độ, hoặc để trống cả hai.', en: 'Give both latitude and longitude, or neither.' };
      fields[input.latitude == null ? 'latitude' : 'longitude'] = m;
    }
    const openedLater = pastDateProblem(input.openedOn, today());
    if (openedLater) fields.openedOn = openedLater;
    if (input.closedOn) {
      if (input.status !== 'closed')
        fields.closedOn = { vi: 'Chỉ ghi ngày đóng cửa khi điểm bán đã đóng cửa.', en: 'Only give a closing date when the point is closed.' };
      else if (input.openedOn && input.closedOn < input.openedOn)
        fields.closedOn = { vi: 'Ngày đóng cửa không được trước ngày bắt đầu hoạt động.', en: 'The closing date cannot be before the opening date.' };
      else {
        const closedLater = pastDateProblem(input.closedOn, today());
        if (closedLater) fields.closedOn = closedLater;
      }
    }
    return fields;
  }

  async function check(provinceCode: string, input: SalesPointInput, exceptId: string | null) {
    const fields = await problems(provinceCode, input);
    if (Object.keys(fields).length)
      throw invalid('invalid_sales_point', { vi: 'Thông tin điểm bán chưa hợp lệ.', en: 'The sales point has invalid details.' }, fields);
    if (input.externalCode && (await repo.externalCodeTaken(db, provinceCode, input.externalCode, exceptId))) {
      const m = { vi: `Mã điểm bán "${input.externalCode}" đã có.`, en: `The code "${input.externalCode}" is already used.` };
      throw conflict('sales_point_code_taken', m, { externalCode: m });
    }
  }

  /** The row's values: each place field kept only where its placement uses it; names normalised. */
  function toValues(input: SalesPointInput) {
    const name = normalizeText(input.name);
    const text = (v: string | null | undefined) => (v == null ? null : v.normalize('NFC').trim());
    return {
      externalCode: input.externalCode ?? null,
      kind: input.kind,
      name,
      nameSearch: foldVietnamese(name),
      operator: text(input.operator),
      address: text(input.address),
      placement: input.placement,
      communeCode: input.placement === 'in_province' ? (input.communeCode ?? null) : null,
      otherProvinceCode: input.placement === 'other_province' ? (input.otherProvinceCode ?? null) : null,
      latitude: input.latitude ?? null,
      longitude: input.longitude ?? null,
      locationType: input.locationType ?? null,
      openedOn: input.openedOn ?? null,
      status: input.status,
      closedOn: input.closedOn ?? null,
      phone: text(input.phone),
      checklist: input.checklist as Record<string, boolean>,
      note: text(input.note),
    };
  }
  const targetRef = (provinceCode: string, input: SalesPointInput): ActivityRef => ({
    provinceCode,
    communeCode: input.placement === 'in_province' ? (input.communeCode ?? null) : null,
  });
  const snapshot = (row: SalesPointRow) => {
    const { communeName: _c, otherProvinceName: _o, productCount: _n, ...rest } = row;
    return rest;
  };

  return {
    async list(actor: Actor, q: ListQuery) {
      const ids = await orderedIds(readableProvince(actor), q);
      const start = (q.page - 1) * q.pageSize;
      return { items: await rowsInOrder(ids.slice(start, start + q.pageSize)), total: ids.length, page: q.page, pageSize: q.pageSize };
    },

    /**
     * Every point the list shows with these filters, in its order, read in batches (for exports),
     * with the codes of the carried products the caller may see: the OCOP code, else the province's.
     */
    async exportRows(actor: Actor, f: Filters): Promise<AsyncIterable<SalesPointExportRow>> {
      const ids = await orderedIds(readableProvince(actor), f);
      return inPages(async (page) => {
        const slice = ids.slice(page.offset, page.offset + page.limit);
        const codes = new Map<string, string[]>();
        for (const c of await repo.carriedCodes(db, slice)) {
          const code = c.ocopCode ?? c.externalCode;
          if (code && canReadProduct(actor, subjectOf(c))) codes.set(c.salesPointId, [...(codes.get(c.salesPointId) ?? []), code]);
        }
        return (await rowsInOrder(slice)).map((p) => ({ ...p, productCodes: codes.get(p.id) ?? [] }));
      });
    },

    get: async (actor: Actor, id: string) => present(actor, await load(actor, id)),

    async create(actor: Actor, audit: AuditActor, input: SalesPointInput) {
      const provinceCode = readableProvince(actor);
      if (!canEditActivity(actor, targetRef(provinceCode, input), deploymentProvince)) throw forbidden();
      await check(provinceCode, input, null);
      const id = await db.transaction(async (tx) => {
        const row = await repo.insert(tx, { ...toValues(input), provinceCode, createdBy: userIdOf(actor) });
        await recordAudit(tx, audit, { action: 'create', entityType: 'sales_point', entityId: row.id, after: row });
        return row.id;
      });
      return present(actor, (await repo.get(db, id))!);
    },

    async update(actor: Actor, audit: AuditActor, id: string, input: SalesPointInput) {
      const before = await loadEditable(actor, id);
      // An officer keeps the points of their communes: moving one elsewhere is the office's.
      if (!canEditActivity(actor, targetRef(before.provinceCode, input), deploymentProvince)) throw forbidden();
      await check(before.provinceCode, input, id);
      await db.transaction(async (tx) => {
        const after = await repo.update(tx, id, toValues(input));
        await recordAudit(tx, audit, { action: 'update', entityType: 'sales_point', entityId: id, before: snapshot(before), after });
      });
      if (shownToPublic(await repo.carried(db, id))) onPublicChange();
      return present(actor, (await repo.get(db, id))!);
    },

    async remove(actor: Actor, audit: AuditActor, id: string) {
      const before = await loadEditable(actor, id);
      const carried = await repo.carried(db, id);
      await db.transaction(async (tx) => {
        await repo.delete(tx, id);
        await recordAudit(tx, audit, {
          action: 'delete',
          entityType: 'sales_point',
          entityId: id,
          before: { ...snapshot(before), products: carried.map((c) => ({ productId: c.productId, consent: c.consent, consentOn: c.consentOn })) },
        });
      });
      if (shownToPublic(carried)) onPublicChange();
    },

    /** Adds products the caller may see; each waits for its producer's consent before the public sees it. */
    async addProducts(actor: Actor, audit: AuditActor, id: string, input: z.infer<typeof CarriedProductsInput>) {
      const point = await loadEditable(actor, id);
      const wanted = [...new Set(input.productIds)];
      const known = new Map((await repo.productRefs(db, wanted)).filter((p) => canReadProduct(actor, subjectOf(p))).map((p) => [p.id, p]));
      const unknown = wanted.filter((p) => !known.has(p));
      if (unknown.length) {
        const m = { vi: `Không tìm thấy sản phẩm: ${unknown.join(', ')}.`, en: `No such product: ${unknown.join(', ')}.` };
        throw invalid('unknown_product', m, { productIds: m });
      }
      const carried = new Set((await repo.carried(db, id)).map((c) => c.productId));
      const already = wanted.filter((p) => carried.has(p)).map((p) => known.get(p)!.name);
      if (already.length)
        throw conflict('product_already_carried', {
          vi: `Điểm bán đã có sản phẩm: ${already.join(', ')}.`,
          en: `The point already carries: ${already.join(', ')}.`,
        });
      await db.transaction(async (tx) => {
        await repo.addProducts(tx, point.id, wanted);
        for (const productId of wanted)
          await recordAudit(tx, audit, {
            action: 'create',
            entityType: 'sales_point_product',
            entityId: `${point.id}:${productId}`,
            after: { salesPointId: point.id, productId, consent: 'pending' },
          });
      });
      return present(actor, (await repo.get(db, id))!);
    },

    async removeProduct(actor: Actor, audit: AuditActor, id: string, productId: string) {
      const point = await loadEditable(actor, id);
      const carried = await repo.carriedOne(db, id, productId);
      if (!carried) throw notFound(CARRIED);
      await db.transaction(async (tx) => {
        await repo.removeProduct(tx, id, productId);
        await recordAudit(tx, audit, {
          action: 'delete',
          entityType: 'sales_point_product',
          entityId: `${id}:${productId}`,
          before: carriedSnapshot(id, carried),
        });
      });
      if (shownToPublic([carried])) onPublicChange();
      return present(actor, (await repo.get(db, point.id))!);
    },

    /**
     * The producer's consent to be carried: its own account answers for itself (dated today, by that
     * account); the office or the commune's officer records a signed paper, with the paper's date.
     */
    async answerConsent(actor: Actor, audit: AuditActor, id: string, productId: string, input: z.infer<typeof ConsentInput>) {
      const point = await repo.get(db, id);
      const carried = point ? await repo.carriedOne(db, id, productId) : undefined;
      if (!point || !carried || !canAnswerConsent(actor, subjectOf(carried))) throw notFound(CARRIED);
      let consentOn: string;
      if (ownSubjectOf(actor) === carried.subjectId) consentOn = today();
      else {
        if (!input.consentOn) {
          const m = { vi: 'Ghi ngày chủ thể ký giấy đồng ý.', en: 'Give the date the producer signed its answer.' };
          throw invalid('consent_date_required', m, { consentOn: m });
        }
        const later = pastDateProblem(input.consentOn, today());
        if (later) throw invalid('invalid_consent', later, { consentOn: later });
        consentOn = input.consentOn;
      }
      const after = { consent: input.consent, consentOn, consentBy: userIdOf(actor) };
      await db.transaction(async (tx) => {
        await repo.setConsent(tx, id, productId, after);
        await recordAudit(tx, audit, {
          action: 'update',
          entityType: 'sales_point_product',
          entityId: `${id}:${productId}`,
          before: carriedSnapshot(id, carried),
          after: { salesPointId: id, productId, ...after },
        });
      });
      if (shownToPublic([carried, after])) onPublicChange();
      return presentCarriedProduct((await repo.carriedOne(db, id, productId))!, today());
    },

    /** The points that carry a product, with its producer's consent at each: read by whoever may read the product. */
    async ofProduct(actor: Actor, productId: string) {
      const [product] = await repo.productRefs(db, [productId]);
      if (!product || !canReadProduct(actor, subjectOf(product))) throw notFound(PRODUCT);
      const rows = (await repo.carrying(db, productId)).map((r) => ({ row: r, key: vietnameseSortKey(r.name) }));
      return { items: rows.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)).map((r) => presentProductSalesPoint(r.row)) };
    },
  };
}
export type SalesPointsService = ReturnType<typeof createSalesPointsService>;

const carriedSnapshot = (salesPointId: string, c: CarriedRow) => ({
  salesPointId,
  productId: c.productId,
  consent: c.consent,
  consentOn: c.consentOn,
  consentBy: c.consentBy,
});
