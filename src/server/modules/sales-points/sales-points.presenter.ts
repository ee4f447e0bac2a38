import type { z } from 'zod';
import type { CarriedProduct, ProductSalesPoints, SalesPoint, SalesPointListItem } from '../../../contracts/market.js';
import { certificateStatus, isInForce } from '../../../domain/certificates/validity.js';
import { checklistScore } from '../../../domain/market/index.js';
import type { CarriedRow, SalesPointRow, salesPointsRepository } from './sales-points.repository.js';

/** A point as its list shows it: its places' names, its checklist's score and how many products it carries. */
export function presentSalesPointItem(row: SalesPointRow): SalesPointListItem {
  const { met, total } = checklistScore(row.checklist);
  return {
    id: row.id,
    provinceCode: row.provinceCode,
    externalCode: row.externalCode,
    kind: row.kind as SalesPoint['kind'],
    name: row.name,
    operator: row.operator,
    address: row.address,
    placement: row.placement as SalesPoint['placement'],
    communeCode: row.communeCode,
    communeName: row.communeName,
    otherProvinceCode: row.otherProvinceCode,
    otherProvinceName: row.otherProvinceName,
    latitude: row.latitude,
    longitude: row.longitude,
    locationType: row.locationType,
    openedOn: row.openedOn,
    status: row.status as SalesPoint['status'],
    closedOn: row.closedOn,
    phone: row.phone,
    checklist: row.checklist,
    checklistMet: met,
    checklistTotal: total,
    note: row.note,
    productCount: row.productCount,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/**
 * A point with the products it carries that the caller may see (the others only counted). A
 * product's star is that of its certificate in force on `today`; none when it has lapsed.
 */
export function presentSalesPoint(row: SalesPointRow, shown: CarriedRow[], otherProductCount: number, today: string): SalesPoint {
  const { productCount: _count, ...point } = presentSalesPointItem(row);
  return {
    ...point,
    products: shown.map((p) => presentCarriedProduct(p, today)),
    otherProductCount,
  };
}

/** A carried product: its producer, its star while its certificate is in force on `today`, and the producer's consent. */
export function presentCarriedProduct(p: CarriedRow, today: string): z.infer<typeof CarriedProduct> {
  return {
    productId: p.productId,
    productName: p.productName,
    productCode: p.productCode,
    subjectId: p.subjectId,
    subjectName: p.subjectName,
    star: p.latest && isInForce(certificateStatus(p.latest, today)) ? p.latest.star : null,
    consent: p.consent as SalesPoint['products'][number]['consent'],
    consentOn: p.consentOn,
  };
}

type CarryingRow = Awaited<ReturnType<(typeof salesPointsRepository)['carrying']>>[number];
type ProductSalesPoint = z.infer<typeof ProductSalesPoints>['items'][number];

/** A point that carries a product, as its producer sees it when answering. */
export const presentProductSalesPoint = (r: CarryingRow): ProductSalesPoint => ({
  ...r,
  kind: r.kind as ProductSalesPoint['kind'],
  status: r.status as ProductSalesPoint['status'],
  consent: r.consent as ProductSalesPoint['consent'],
});
