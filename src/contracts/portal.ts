import { z } from 'zod';
import { SALES_POINT_KINDS } from '../domain/market/index.js';
import { LEGAL_FORM_CODES } from '../domain/subjects/legal-forms.js';
import { CertificateStatus } from './certificates.js';
import { paginated } from './common.js';

/** What a visitor sees of a certificate: the four words of the label check, and the exact status beside. */
export const PUBLIC_STANDINGS = ['valid', 'expired', 'revoked', 'superseded'] as const;
export const PublicStanding = z.enum(PUBLIC_STANDINGS);
export type PublicStanding = z.infer<typeof PublicStanding>;

export const CATALOGUE_SORTS = ['relevance', 'star', 'name', 'newest'] as const;

const emptyAsUndefined = (v: unknown) => (v === '' ? undefined : v);

/**
 * The catalogue's filters, shared by the public pages (as their query string, so every result page
 * has a stable URL) and the open-data API. Unknown parameters are ignored, as links in the wild carry them.
 */
export const CatalogueQuery = z.object({
  q: z.preprocess(emptyAsUndefined, z.string().trim().max(100).optional()),
  star: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(3).max(5).optional()),
  /** A criteria set (bộ sản phẩm) number, 1–26 of the decision in force. */
  set: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(26).optional()),
  /** A sector (ngành): its position among the decision's sectors, 1-based. */
  sector: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(20).optional()),
  commune: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .regex(/^\d{5}$/)
      .optional(),
  ),
  form: z.preprocess(emptyAsUndefined, z.enum(LEGAL_FORM_CODES).optional()),
  /** `0` lists every certified product, in force or not; the default is only those in force. */
  valid: z.preprocess(emptyAsUndefined, z.enum(['0', '1']).default('1')),
  sort: z.preprocess(emptyAsUndefined, z.enum(CATALOGUE_SORTS).default('relevance')),
  page: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(10_000).default(1)),
  pageSize: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(100).default(24)),
});
export type CatalogueQuery = z.infer<typeof CatalogueQuery>;

export const PublicCertificate = z.object({
  number: z.string(),
  star: z.number().int(),
  issuer: z.string(),
  level: z.enum(['province', 'ministry']),
  issuedOn: z.string(),
  expiresOn: z.string(),
  standing: PublicStanding,
  status: CertificateStatus,
  verificationUrl: z.string(),
  decision: z.object({ number: z.string(), signedOn: z.string() }).nullable(),
});

export const PublicProduct = z
  .object({
    id: z.uuid(),
    name: z.string(),
    ocopCode: z.string(),
    url: z.string(),
    description: z.string().nullable(),
    criteriaSet: z.object({ number: z.number().int(), name: z.string(), sector: z.string() }).nullable(),
    producer: z.object({ id: z.uuid(), name: z.string(), legalForm: z.string(), url: z.string() }),
    commune: z.object({ code: z.string(), name: z.string() }),
    province: z.object({ code: z.string(), name: z.string() }),
    certificate: PublicCertificate,
    photoUrl: z.string().nullable(),
  })
  .meta({ id: 'PublicProduct' });
export type PublicProduct = z.infer<typeof PublicProduct>;

export const PublicProductList = paginated(PublicProduct).meta({ id: 'PublicProductList' });
export type PublicProductList = z.infer<typeof PublicProductList>;

/** One class of the map's colour scale: communes with `min`–`max` products in force are filled with `colour`. */
export const MapLegendClass = z.object({ min: z.number().int(), max: z.number().int(), colour: z.string() });
export type MapLegendClass = z.infer<typeof MapLegendClass>;

const Position = z.tuple([z.number(), z.number()]);

/** A commune on the public map: its outline (longitude, latitude) and its count of certified products in force. */
export const PublicMapCommune = z.object({
  type: z.literal('Feature'),
  id: z.string(),
  properties: z.object({
    code: z.string(),
    name: z.string(),
    /** Certified products whose certificate is in force today. */
    products: z.number().int(),
    /** The catalogue filtered by this commune. */
    url: z.string(),
  }),
  geometry: z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(z.array(Position))) }),
});

/** An open sales point of the province on the public map: what and where it is, nothing of the record behind it. */
export const PublicMapSalesPoint = z.object({
  name: z.string(),
  kind: z.enum(SALES_POINT_KINDS),
  address: z.string().nullable(),
  /** The commune it stands in. */
  commune: z.string().nullable(),
  latitude: z.number(),
  longitude: z.number(),
});
export type PublicMapSalesPoint = z.infer<typeof PublicMapSalesPoint>;

/**
 * The province's communes as a GeoJSON FeatureCollection for the public map, with the colour scale
 * its legend uses, and the province's open sales points that have coordinates.
 */
export const PublicMap = z
  .object({
    type: z.literal('FeatureCollection'),
    features: z.array(PublicMapCommune),
    legend: z.array(MapLegendClass),
    salesPoints: z.array(PublicMapSalesPoint).meta({ description: "The province's open OCOP sales points that have coordinates, by name." }),
  })
  .meta({ id: 'PublicMap' });
export type PublicMap = z.infer<typeof PublicMap>;
