import { certificateStatus, isInForce } from '../../../domain/certificates/validity.js';
import type { Product } from '../../../contracts/registry.js';
import type { ProductRow, StandingCertificate } from './products.repository.js';

/** Photos are served through the API, which checks the caller may read the product. */
const photoUrl = (productId: string, photoId: string) => `/api/v1/products/${productId}/photos/${photoId}`;

/** A product as the API gives it: its subject's and commune's names, its criteria set's name and its photos' addresses. */
/** `today` (Vietnam calendar day) dates the status of the product's certificate. */
export function presentProduct(row: ProductRow, today: string): Product {
  return {
    id: row.id,
    subjectId: row.subjectId,
    subjectName: row.subjectName,
    provinceCode: row.provinceCode,
    communeCode: row.communeCode,
    communeName: row.communeName,
    name: row.name,
    ocopCode: row.ocopCode,
    criteriaLegalBasis: row.criteriaLegalBasis,
    criteriaSetNumber: row.criteriaSetNumber,
    criteriaSetName: row.criteriaSetName,
    description: row.description,
    ingredients: row.ingredients,
    packaging: row.packaging,
    netContent: row.netContent,
    barcode: row.barcode,
    qualityDeclarationNo: row.qualityDeclarationNo,
    certifications: row.certifications,
    ipTitles: row.ipTitles,
    status: row.status as Product['status'],
    ocop: row.standing ? presentStanding(row.standing, today) : null,
    photos: row.photos.map((p) => ({
      id: p.id,
      url: photoUrl(row.id, p.id),
      thumbUrl: `${photoUrl(row.id, p.id)}?size=thumb`,
      width: p.width,
      height: p.height,
      mimeType: p.mimeType,
      bytes: p.bytes,
    })),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

function presentStanding(c: StandingCertificate, today: string): NonNullable<Product['ocop']> {
  const status = certificateStatus(c, today);
  return { certificateId: c.id, number: c.number, star: c.star, issuedOn: c.issuedOn, expiresOn: c.expiresOn, status, inForce: isInForce(status) };
}
