import { sql } from 'drizzle-orm';
import { date, index, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { certificates } from './certificates.js';
import { products } from './registry.js';

/**
 * The public catalogue's search document: one row per product that holds a certificate, with its
 * standing certificate (the latest issued), what visitors filter, sort and search on, and what a
 * product's card shows, copied from the certificate, the product, its producer, commune and province.
 *
 * Derived data, kept by triggers of migration 0016 on those four tables (whoever writes them: the
 * services, an import, a seed), and rebuilt by a restore. It exists because the catalogue searches
 * names spread over four tables: one index of the words of those names lets a search of the national
 * registry read only the rows holding every word, instead of folding and testing every certified product
 * (a word is a syllable: "tra" finds "trà", not "trang");
 * and a page of results is one table read, with no join to plan. Nothing is written here by the
 * application.
 */
export const catalogueEntries = pgTable(
  'catalogue_entries',
  {
    productId: uuid('product_id')
      .primaryKey()
      .references(() => products.id, { onDelete: 'cascade' }),
    certificateId: uuid('certificate_id')
      .notNull()
      .references(() => certificates.id, { onDelete: 'cascade' }),
    star: integer('star').notNull(),
    issuedOn: date('issued_on').notNull(),
    expiresOn: date('expires_on').notNull(),
    revokedOn: date('revoked_on'),
    supersededOn: date('superseded_on'),
    subjectId: uuid('subject_id').notNull(),
    legalForm: text('legal_form').notNull(),
    provinceCode: text('province_code').notNull(),
    communeCode: text('commune_code').notNull(),
    criteriaSetNumber: integer('criteria_set_number'),
    // What the card shows. The names are the certificate's, as issued (older certificates: the current ones).
    productName: text('product_name').notNull(),
    ocopCode: text('ocop_code').notNull(),
    description: text('description'),
    subjectName: text('subject_name').notNull(),
    communeName: text('commune_name').notNull(),
    provinceName: text('province_name').notNull(),
    certificateNumber: text('certificate_number').notNull(),
    level: text('level', { enum: ['province', 'ministry'] }).notNull(),
    verificationCode: text('verification_code').notNull(),
    /** The product's name folded (products.name_search) and its Vietnamese sort key. */
    productSearch: text('product_search').notNull(),
    sortKey: text('sort_key').notNull(),
    /** The words of the product's, the producer's and the commune's names, folded (what a search matches). */
    words: text('words').array().notNull(),
  },
  (t) => [
    index('catalogue_entries_words_idx').using('gin', t.words),
    index('catalogue_entries_sort_idx').on(t.sortKey, t.productId),
    index('catalogue_entries_star_idx').on(t.star.desc(), t.sortKey, t.productId),
    index('catalogue_entries_issued_idx').on(t.issuedOn.desc(), t.sortKey, t.productId),
    index('catalogue_entries_province_idx').on(t.provinceCode, t.communeCode),
    index('catalogue_entries_subject_idx').on(t.subjectId),
  ],
);

/**
 * Every word the catalogue's entries have held: where a misspelled word of a search finds the
 * words it may have meant (trigram similarity over a few thousand short words, not over every entry).
 * Written by a trigger on catalogue_entries; never pruned, since a word no entry holds any more only
 * adds a spelling that finds nothing.
 */
export const catalogueWords = pgTable('catalogue_words', { word: text('word').primaryKey() }, (t) => [
  index('catalogue_words_trgm_idx').using('gin', sql`${t.word} gin_trgm_ops`),
]);
