import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { communes, provinces } from './reference.js';

/** Chủ thể OCOP: the cooperative, company or household business that makes a product. */
export const subjects = pgTable(
  'subjects',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    provinceCode: text('province_code')
      .notNull()
      .references(() => provinces.code),
    /**
     * Null only for a producer imported from records that name no commune the address can be
     * resolved to: flagged for the provincial office to complete, out of every commune officer's scope.
     */
    communeCode: text('commune_code').references(() => communes.code),
    /** Code used by the province's own records (e.g. the Excel workbook the import reads). */
    externalCode: text('external_code'),
    name: text('name').notNull(),
    /** foldVietnamese(name): accent-insensitive search, trigram-indexed. */
    nameSearch: text('name_search').notNull(),
    /** vietnameseSortKey(name): Vietnamese alphabetical order under the "C" collation. */
    sortKey: text('sort_key').notNull(),
    legalForm: text('legal_form').notNull(),
    taxCode: text('tax_code'),
    representativeName: text('representative_name'),
    representativeGender: text('representative_gender'),
    representativeEthnicity: text('representative_ethnicity'),
    representativeDisability: boolean('representative_disability').notNull().default(false),
    address: text('address'),
    phone: text('phone'),
    email: text('email'),
    foundedOn: date('founded_on'),
    workforceTotal: integer('workforce_total'),
    workforceLocal: integer('workforce_local'),
    workforceWomen: integer('workforce_women'),
    status: text('status').notNull().default('active'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('subjects_commune_idx').on(t.communeCode),
    index('subjects_province_sort_idx').on(t.provinceCode, t.sortKey),
    index('subjects_name_trgm_idx').using('gin', sql`${t.nameSearch} gin_trgm_ops`),
    uniqueIndex('subjects_external_code_uq').on(t.provinceCode, t.externalCode),
  ],
);

export type Certification = { kind: string; number: string; issuer?: string | undefined; expiresOn?: string | undefined };
export type IpTitle = { kind: string; number: string; owner?: string | undefined };

/** Sản phẩm: a product (or tourism service) of a subject. */
export const products = pgTable(
  'products',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    subjectId: uuid('subject_id')
      .notNull()
      .references(() => subjects.id),
    name: text('name').notNull(),
    nameSearch: text('name_search').notNull(),
    sortKey: text('sort_key').notNull(),
    externalCode: text('external_code'),
    /**
     * The producer's province, copied by a trigger (migration 0015) on insert and when the producer
     * changes: a unique index cannot reach into subjects, and external codes are the province's own.
     */
    provinceCode: text('province_code'),
    criteriaLegalBasis: text('criteria_legal_basis'),
    criteriaSetNumber: integer('criteria_set_number'),
    description: text('description'),
    ingredients: text('ingredients'),
    packaging: text('packaging'),
    netContent: text('net_content'),
    barcode: text('barcode'),
    qualityDeclarationNo: text('quality_declaration_no'),
    certifications: jsonb('certifications').$type<Certification[]>().notNull().default([]),
    ipTitles: jsonb('ip_titles').$type<IpTitle[]>().notNull().default([]),
    /**
     * (T)-(X)-(STT)-20YY, Decision 26/2026/QĐ-TTg Phụ lục II. Null while the producer's commune is
     * unknown (an imported record the office has still to place): the code is built from the commune.
     */
    ocopCode: text('ocop_code').unique(),
    status: text('status').notNull().default('active'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('products_subject_idx').on(t.subjectId),
    index('products_sort_idx').on(t.sortKey),
    // A province's products in list order, so that a page reads only its own rows (products.repository).
    index('products_province_sort_idx').on(t.provinceCode, t.sortKey, t.id),
    index('products_name_trgm_idx').using('gin', sql`${t.nameSearch} gin_trgm_ops`),
    index('products_barcode_idx').on(t.barcode),
    index('products_external_code_idx').on(t.externalCode),
    // One product per code of the province's records: two imports committed at once cannot both create it.
    uniqueIndex('products_external_code_uq').on(t.provinceCode, t.externalCode),
  ],
);

export const productPhotos = pgTable(
  'product_photos',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    storageKey: text('storage_key').notNull(),
    thumbKey: text('thumb_key').notNull(),
    mimeType: text('mime_type').notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    bytes: integer('bytes').notNull(),
    position: integer('position').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('product_photos_product_idx').on(t.productId)],
);

/** The serial (STT) of product codes, kept per commune and year; incremented in the product's transaction. */
export const productCodeCounters = pgTable(
  'product_code_counters',
  {
    communeCode: text('commune_code')
      .notNull()
      .references(() => communes.code),
    year: integer('year').notNull(),
    lastSerial: integer('last_serial').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.communeCode, t.year] })],
);
