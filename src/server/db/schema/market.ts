import { bigint, boolean, date, doublePrecision, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { communes, provinces } from './reference.js';
import { products, subjects } from './registry.js';
import { users } from './users.js';

/**
 * Market access: where OCOP products are sold (sales points, retail chains, e-commerce) and the trade
 * fairs producers take part in. The kinds, statuses and checklists are defined in src/domain/market.
 */

/**
 * Điểm giới thiệu và bán sản phẩm OCOP, trung tâm OCOP, cửa hàng, quầy trong siêu thị. Recorded by
 * the province's office; inside the province it sits in one of its communes, outside it names the
 * other province (or lies abroad).
 */
export const salesPoints = pgTable(
  'sales_points',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The province whose programme runs or reports the point. */
    provinceCode: text('province_code')
      .notNull()
      .references(() => provinces.code),
    /** Code of the province's own records: an import is idempotent by it. */
    externalCode: text('external_code'),
    /** SALES_POINT_KINDS */
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    /** foldVietnamese(name): accent-insensitive search. */
    nameSearch: text('name_search').notNull(),
    operator: text('operator'),
    address: text('address'),
    /** in_province | other_province | abroad */
    placement: text('placement').notNull().default('in_province'),
    /** The commune, when the point is in the province. */
    communeCode: text('commune_code').references(() => communes.code),
    /** The other province, when the point is in another one. */
    otherProvinceCode: text('other_province_code').references(() => provinces.code),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    /** SALES_POINT_LOCATIONS: the location criterion of Decision 950/QĐ-BCT it meets. */
    locationType: text('location_type'),
    openedOn: date('opened_on'),
    /** active | suspended | closed */
    status: text('status').notNull().default('active'),
    closedOn: date('closed_on'),
    phone: text('phone'),
    /** SALES_POINT_CHECKLIST item → met (Decision 950/QĐ-BCT). */
    checklist: jsonb('checklist').$type<Record<string, boolean>>().notNull().default({}),
    note: text('note'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('sales_points_province_idx').on(t.provinceCode, t.status),
    index('sales_points_commune_idx').on(t.communeCode),
    uniqueIndex('sales_points_external_code_uq').on(t.provinceCode, t.externalCode),
  ],
);

/**
 * A product a sales point carries. It is shown to the public only once its producer has consented
 * (consent: pending | given | refused), given by the producer's own account or recorded by the
 * office from a signed paper, with the day.
 */
export const salesPointProducts = pgTable(
  'sales_point_products',
  {
    salesPointId: uuid('sales_point_id')
      .notNull()
      .references(() => salesPoints.id, { onDelete: 'cascade' }),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    consent: text('consent').notNull().default('pending'),
    consentOn: date('consent_on'),
    consentBy: uuid('consent_by').references(() => users.id, { onDelete: 'set null' }),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.salesPointId, t.productId] }), index('sales_point_products_product_idx').on(t.productId)],
);

/** A product on the shelves of a supermarket or retail chain (chain, stores, since). */
export const distributionListings = pgTable(
  'distribution_listings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    chain: text('chain').notNull(),
    /** foldVietnamese(chain): one listing per product and chain, however the name is typed. */
    chainKey: text('chain_key').notNull(),
    /** DISTRIBUTION_CHANNELS: supermarket, convenience store, specialty chain, wholesaler. */
    channel: text('channel').notNull().default('supermarket'),
    stores: integer('stores'),
    since: date('since'),
    active: boolean('active').notNull().default(true),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('distribution_listings_uq').on(t.productId, t.chainKey)],
);

/**
 * A product's page on an e-commerce platform. The URL is stored normalised (normaliseListingUrl) and
 * is unique: one page is one product's. A producer proposes (status proposed); the office or the
 * commune's officer approves or rejects; only approved, active listings count and are public.
 */
export const ecommerceListings = pgTable(
  'ecommerce_listings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    /** ECOMMERCE_PLATFORMS */
    platform: text('platform').notNull(),
    url: text('url').notNull(),
    /** proposed | approved | rejected */
    status: text('status').notNull().default('approved'),
    active: boolean('active').notNull().default(true),
    lastCheckedOn: date('last_checked_on'),
    proposedBy: uuid('proposed_by').references(() => users.id, { onDelete: 'set null' }),
    reviewedBy: uuid('reviewed_by').references(() => users.id, { onDelete: 'set null' }),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    reviewNote: text('review_note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('ecommerce_listings_url_uq').on(t.url), index('ecommerce_listings_product_idx').on(t.productId)],
);

/** Hội chợ, triển lãm, tuần lễ văn hóa – du lịch, hội nghị kết nối cung cầu. */
export const tradeEvents = pgTable(
  'trade_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    provinceCode: text('province_code')
      .notNull()
      .references(() => provinces.code),
    externalCode: text('external_code'),
    name: text('name').notNull(),
    nameSearch: text('name_search').notNull(),
    /** TRADE_EVENT_KINDS */
    kind: text('kind').notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    /** in_province | other_province | abroad */
    placement: text('placement').notNull(),
    place: text('place'),
    communeCode: text('commune_code').references(() => communes.code),
    otherProvinceCode: text('other_province_code').references(() => provinces.code),
    country: text('country'),
    organiser: text('organiser'),
    booths: integer('booths'),
    visitors: integer('visitors'),
    revenueVnd: bigint('revenue_vnd', { mode: 'number' }),
    /** Contracts and memoranda of understanding signed at the event. */
    contracts: integer('contracts'),
    note: text('note'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('trade_events_province_idx').on(t.provinceCode, t.startsOn), uniqueIndex('trade_events_external_code_uq').on(t.provinceCode, t.externalCode)],
);

/** A producer taking part in an event, with the products shown there (kept in trade_event_products). */
export const tradeEventParticipants = pgTable(
  'trade_event_participants',
  {
    eventId: uuid('event_id')
      .notNull()
      .references(() => tradeEvents.id, { onDelete: 'cascade' }),
    subjectId: uuid('subject_id')
      .notNull()
      .references(() => subjects.id, { onDelete: 'cascade' }),
    booths: integer('booths'),
    revenueVnd: bigint('revenue_vnd', { mode: 'number' }),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.subjectId] }), index('trade_event_participants_subject_idx').on(t.subjectId)],
);

export const tradeEventProducts = pgTable(
  'trade_event_products',
  {
    eventId: uuid('event_id')
      .notNull()
      .references(() => tradeEvents.id, { onDelete: 'cascade' }),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.productId] }), index('trade_event_products_product_idx').on(t.productId)],
);

/** Photos of an event, stored as product photos are (original and thumbnail in the file storage). */
export const tradeEventPhotos = pgTable(
  'trade_event_photos',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => tradeEvents.id, { onDelete: 'cascade' }),
    storageKey: text('storage_key').notNull(),
    thumbKey: text('thumb_key').notNull(),
    mimeType: text('mime_type').notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    bytes: integer('bytes').notNull(),
    position: integer('position').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('trade_event_photos_event_idx').on(t.eventId)],
);
