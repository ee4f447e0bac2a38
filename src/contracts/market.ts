import { z } from 'zod';
import {
  CONSENTS,
  DISTRIBUTION_CHANNELS,
  ECOMMERCE_PLATFORM_CODES,
  LISTING_STATUSES,
  PLACEMENTS,
  SALES_POINT_CHECKLIST_CODES,
  SALES_POINT_KINDS,
  SALES_POINT_LOCATIONS,
  SALES_POINT_STATUSES,
  TRADE_EVENT_KINDS,
} from '../domain/market/index.js';
import { IsoDate, optionalText, PageQuery, paginated } from './common.js';
import { ExportFormatQuery } from './exports.js';

/**
 * Market access records on the wire: sales points, chain and e-commerce listings, trade events.
 * Values the system derives (a listing's status, its normalised URL, who consented) are never taken
 * from a caller.
 */

const CommuneCode = z.string().regex(/^\d{5}$/);
const ProvinceCode = z.string().regex(/^\d{2}$/);
const optionalDate = z.preprocess((v) => (v === '' ? null : v), IsoDate.nullable().optional());
const nonNegativeInt = z.number().int().min(0).max(1e9);
const money = z.number().int().min(0).max(1e15);
/** Each export takes its list's filters (every matching row, so no paging) and the format, as the registry's lists do. */
const withoutPaging = { page: true, pageSize: true } as const;

// ——— Sales points ———

export const SalesPointInput = z.object({
  kind: z.enum(SALES_POINT_KINDS),
  name: z.string().trim().min(2).max(300),
  operator: optionalText(300),
  address: optionalText(500),
  placement: z.enum(PLACEMENTS).default('in_province'),
  communeCode: CommuneCode.nullable().optional(),
  otherProvinceCode: ProvinceCode.nullable().optional(),
  latitude: z.number().min(-90).max(90).nullable().optional(),
  longitude: z.number().min(-180).max(180).nullable().optional(),
  locationType: z.enum(SALES_POINT_LOCATIONS).nullable().optional(),
  openedOn: optionalDate,
  status: z.enum(SALES_POINT_STATUSES).default('active'),
  closedOn: optionalDate,
  phone: optionalText(50),
  checklist: z.partialRecord(z.enum(SALES_POINT_CHECKLIST_CODES), z.boolean()).default({}),
  note: optionalText(2000),
  externalCode: optionalText(100),
});
export type SalesPointInput = z.infer<typeof SalesPointInput>;

export const CarriedProduct = z.object({
  productId: z.uuid(),
  productName: z.string(),
  productCode: z.string().nullable(),
  subjectId: z.uuid(),
  subjectName: z.string(),
  star: z.number().int().nullable(),
  consent: z.enum(CONSENTS),
  consentOn: z.string().nullable(),
});

export const SalesPoint = SalesPointInput.extend({
  id: z.uuid(),
  provinceCode: z.string(),
  communeName: z.string().nullable(),
  otherProvinceName: z.string().nullable(),
  operator: z.string().nullable(),
  address: z.string().nullable(),
  communeCode: z.string().nullable(),
  otherProvinceCode: z.string().nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  locationType: z.string().nullable(),
  openedOn: z.string().nullable(),
  closedOn: z.string().nullable(),
  phone: z.string().nullable(),
  note: z.string().nullable(),
  externalCode: z.string().nullable(),
  checklist: z.record(z.string(), z.boolean()),
  checklistMet: z.number().int(),
  checklistTotal: z.number().int(),
  /** The carried products whose producer the caller may see (registry scope). */
  products: z.array(CarriedProduct),
  /** Carried products of producers outside the caller's registry scope: counted, not named. */
  otherProductCount: z.number().int(),
  updatedAt: z.string(),
}).meta({ id: 'SalesPoint' });
export type SalesPoint = z.infer<typeof SalesPoint>;

export const SalesPointListQuery = PageQuery.extend({
  kind: z.enum(SALES_POINT_KINDS).optional(),
  status: z.enum(SALES_POINT_STATUSES).optional(),
  placement: z.enum(PLACEMENTS).optional(),
  communeCode: CommuneCode.optional(),
});
export const SalesPointListItem = SalesPoint.omit({ products: true, otherProductCount: true }).extend({ productCount: z.number().int() });
export type SalesPointListItem = z.infer<typeof SalesPointListItem>;
export const SalesPointList = paginated(SalesPointListItem);
export const SalesPointExportQuery = SalesPointListQuery.omit(withoutPaging).extend(ExportFormatQuery.shape);

/** Adds products to a point; each waits for its producer's consent unless recorded with the paper's date. */
export const CarriedProductsInput = z.object({
  productIds: z.array(z.uuid()).min(1).max(500),
});
/** The producer's answer, or the office's record of a signed paper (consentOn required then). */
export const ConsentInput = z.object({
  consent: z.enum(['given', 'refused']),
  consentOn: optionalDate,
});
export const SalesPointProductParams = z.object({ id: z.uuid(), productId: z.uuid() });

/** The sales points that carry a product, with its producer's consent at each: what the producer answers. */
export const ProductSalesPoints = z.object({
  items: z.array(
    z.object({
      salesPointId: z.uuid(),
      name: z.string(),
      kind: z.enum(SALES_POINT_KINDS),
      status: z.enum(SALES_POINT_STATUSES),
      address: z.string().nullable(),
      communeName: z.string().nullable(),
      otherProvinceName: z.string().nullable(),
      consent: z.enum(CONSENTS),
      consentOn: z.string().nullable(),
    }),
  ),
});

// ——— Chain (distribution) listings ———

export const DistributionListingInput = z.object({
  productId: z.uuid(),
  chain: z.string().trim().min(2).max(200),
  channel: z.enum(DISTRIBUTION_CHANNELS).default('supermarket'),
  stores: nonNegativeInt.nullable().optional(),
  since: optionalDate,
  active: z.boolean().default(true),
  note: optionalText(1000),
});
export type DistributionListingInput = z.infer<typeof DistributionListingInput>;
export const DistributionListingUpdate = DistributionListingInput.omit({ productId: true });
export type DistributionListingUpdate = z.infer<typeof DistributionListingUpdate>;
export const DistributionListing = DistributionListingInput.extend({
  id: z.uuid(),
  productName: z.string(),
  productCode: z.string().nullable(),
  subjectId: z.uuid(),
  subjectName: z.string(),
  communeCode: z.string().nullable(),
  stores: z.number().int().nullable(),
  since: z.string().nullable(),
  note: z.string().nullable(),
  updatedAt: z.string(),
}).meta({ id: 'DistributionListing' });
export type DistributionListing = z.infer<typeof DistributionListing>;

// ——— E-commerce listings ———

/** The URL is normalised by the server (normaliseListingUrl); a duplicate is refused with 409. */
export const EcommerceListingInput = z.object({
  productId: z.uuid(),
  platform: z.enum(ECOMMERCE_PLATFORM_CODES),
  url: z.string().trim().min(4).max(2000),
  active: z.boolean().default(true),
  lastCheckedOn: optionalDate,
});
export type EcommerceListingInput = z.infer<typeof EcommerceListingInput>;
export const EcommerceListingUpdate = EcommerceListingInput.omit({ productId: true });
export type EcommerceListingUpdate = z.infer<typeof EcommerceListingUpdate>;
export const ListingReviewInput = z.object({
  decision: z.enum(['approved', 'rejected']),
  note: optionalText(1000),
});
export const EcommerceListing = z
  .object({
    id: z.uuid(),
    productId: z.uuid(),
    productName: z.string(),
    productCode: z.string().nullable(),
    subjectId: z.uuid(),
    subjectName: z.string(),
    communeCode: z.string().nullable(),
    platform: z.enum(ECOMMERCE_PLATFORM_CODES),
    url: z.string(),
    status: z.enum(LISTING_STATUSES),
    active: z.boolean(),
    lastCheckedOn: z.string().nullable(),
    reviewNote: z.string().nullable(),
    reviewedAt: z.string().nullable(),
    updatedAt: z.string(),
  })
  .meta({ id: 'EcommerceListing' });
export type EcommerceListing = z.infer<typeof EcommerceListing>;

export const ListingListQuery = PageQuery.extend({
  platform: z.enum(ECOMMERCE_PLATFORM_CODES).optional(),
  status: z.enum(LISTING_STATUSES).optional(),
  productId: z.uuid().optional(),
  communeCode: CommuneCode.optional(),
});
export const EcommerceListingList = paginated(EcommerceListing);
export const DistributionListingList = paginated(DistributionListing);
/** The chain listings' filters: `q` searches the chain's and the product's names. */
export const DistributionListQuery = PageQuery.extend({
  channel: z.enum(DISTRIBUTION_CHANNELS).optional(),
  productId: z.uuid().optional(),
  communeCode: CommuneCode.optional(),
});
export const EcommerceListingExportQuery = ListingListQuery.omit(withoutPaging).extend(ExportFormatQuery.shape);
export const DistributionListingExportQuery = DistributionListQuery.omit(withoutPaging).extend(ExportFormatQuery.shape);

/** Where to buy a product: what its back-office page and the public page show. */
export const WhereToBuy = z.object({
  salesPoints: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      kind: z.enum(SALES_POINT_KINDS),
      address: z.string().nullable(),
      communeName: z.string().nullable(),
      latitude: z.number().nullable(),
      longitude: z.number().nullable(),
    }),
  ),
  chains: z.array(z.object({ chain: z.string(), channel: z.enum(DISTRIBUTION_CHANNELS), stores: z.number().int().nullable() })),
  online: z.array(z.object({ platform: z.enum(ECOMMERCE_PLATFORM_CODES), url: z.string() })),
});
export type WhereToBuy = z.infer<typeof WhereToBuy>;

// ——— Trade events ———

export const TradeEventParticipantInput = z.object({
  subjectId: z.uuid(),
  productIds: z.array(z.uuid()).max(200).default([]),
  booths: nonNegativeInt.nullable().optional(),
  revenueVnd: money.nullable().optional(),
});

export const TradeEventInput = z.object({
  name: z.string().trim().min(3).max(300),
  kind: z.enum(TRADE_EVENT_KINDS),
  startsOn: IsoDate,
  endsOn: IsoDate,
  placement: z.enum(PLACEMENTS),
  place: optionalText(500),
  communeCode: CommuneCode.nullable().optional(),
  otherProvinceCode: ProvinceCode.nullable().optional(),
  country: optionalText(100),
  organiser: optionalText(300),
  booths: nonNegativeInt.nullable().optional(),
  visitors: nonNegativeInt.nullable().optional(),
  revenueVnd: money.nullable().optional(),
  contracts: nonNegativeInt.nullable().optional(),
  note: optionalText(2000),
  externalCode: optionalText(100),
  participants: z.array(TradeEventParticipantInput).max(1000).default([]),
});
export type TradeEventInput = z.infer<typeof TradeEventInput>;

export const TradeEvent = TradeEventInput.extend({
  id: z.uuid(),
  provinceCode: z.string(),
  place: z.string().nullable(),
  communeCode: z.string().nullable(),
  communeName: z.string().nullable(),
  otherProvinceCode: z.string().nullable(),
  country: z.string().nullable(),
  organiser: z.string().nullable(),
  booths: z.number().int().nullable(),
  visitors: z.number().int().nullable(),
  revenueVnd: z.number().nullable(),
  contracts: z.number().int().nullable(),
  note: z.string().nullable(),
  externalCode: z.string().nullable(),
  participants: z.array(
    z.object({
      subjectId: z.uuid(),
      subjectName: z.string(),
      booths: z.number().int().nullable(),
      revenueVnd: z.number().nullable(),
      products: z.array(z.object({ productId: z.uuid(), productName: z.string() })),
    }),
  ),
  /** Participants outside the caller's registry scope: counted, not named (and kept as they are by an update). */
  otherParticipantCount: z.number().int(),
  photos: z.array(z.object({ id: z.uuid(), url: z.string(), thumbUrl: z.string(), width: z.number().int(), height: z.number().int() })),
  updatedAt: z.string(),
}).meta({ id: 'TradeEvent' });
export type TradeEvent = z.infer<typeof TradeEvent>;

export const TradeEventListQuery = PageQuery.extend({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  kind: z.enum(TRADE_EVENT_KINDS).optional(),
  placement: z.enum(PLACEMENTS).optional(),
});
export const TradeEventListItem = TradeEvent.omit({ participants: true, otherParticipantCount: true, photos: true }).extend({
  participantCount: z.number().int(),
  productCount: z.number().int(),
});
export type TradeEventListItem = z.infer<typeof TradeEventListItem>;
export const TradeEventList = paginated(TradeEventListItem);
export const TradeEventExportQuery = TradeEventListQuery.omit(withoutPaging).extend(ExportFormatQuery.shape);
export const TradeEventPhotoParams = z.object({ id: z.uuid(), photoId: z.uuid() });
export const PhotoSizeQuery = z.object({ size: z.enum(['full', 'thumb']).default('full') });
