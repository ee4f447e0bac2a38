import { integer, pgTable, primaryKey, text, index } from 'drizzle-orm/pg-core';

/** Provinces after the 2025 reorganisation (Decision 19/2025/QĐ-TTg codes). */
export const provinces = pgTable('provinces', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  nameEn: text('name_en').notNull(),
  fullName: text('full_name').notNull(),
  fullNameEn: text('full_name_en').notNull(),
  sortKey: text('sort_key').notNull(),
});

/** Communes and wards (cấp xã) — the only local level below the province since 01/07/2025. */
export const communes = pgTable(
  'communes',
  {
    code: text('code').primaryKey(),
    provinceCode: text('province_code')
      .notNull()
      .references(() => provinces.code),
    name: text('name').notNull(),
    nameEn: text('name_en').notNull(),
    fullName: text('full_name').notNull(),
    fullNameEn: text('full_name_en').notNull(),
    sortKey: text('sort_key').notNull(),
  },
  (t) => [index('communes_province_idx').on(t.provinceCode)],
);

/** Catalogue of criteria sets (bộ sản phẩm) by legal basis, used to classify products. */
export const criteriaSets = pgTable(
  'criteria_sets',
  {
    legalBasis: text('legal_basis').notNull(),
    number: integer('number').notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    sector: text('sector').notNull(),
    /** English twin of `sector` for the English interface; null for files without one. */
    sectorEn: text('sector_en'),
    productGroup: text('product_group').notNull(),
    leadMinistry: text('lead_ministry'),
    leadMinistryEn: text('lead_ministry_en'),
  },
  (t) => [primaryKey({ columns: [t.legalBasis, t.number] })],
);
