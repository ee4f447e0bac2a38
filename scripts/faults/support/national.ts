/**
 * The national registry of the benchmarks (bench/registry.bench.ts): producers in all 34 provinces'
 * communes and their products, Vietnamese names from a seeded random stream, written in batches of
 * 1,000. Product codes carry the year 2025 so they never meet the demo province's 2026 codes.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { FORM_NAMES, FORMS, KINDS, pick, PLACES, QUALIFIERS, random } from '../../../bench/support/national-registry.js';
import { formatProductCode } from '../../../src/domain/identifiers/index.js';
import { foldVietnamese, vietnameseSortKey } from '../../../src/domain/text/vietnamese.js';
import { queryRows } from '../../../src/server/db/client.js';
import { products, subjects } from '../../../src/server/db/schema/index.js';
import { withPostgres } from './databases.js';

export async function seedNationalRegistry(url: string, subjectCount: number, productCount: number): Promise<number> {
  const started = Date.now();
  await withPostgres(url, async (_q, { db }) => {
    const communes = await queryRows<{ code: string; province_code: string }>(db, sql`select code, province_code from communes`);
    const subjectRows: (typeof subjects.$inferInsert)[] = [];
    for (let i = 0; i < subjectCount; i++) {
      const commune = pick(communes);
      const form = pick(FORMS);
      const name = `${FORM_NAMES[form]} ${pick(KINDS)} ${pick(PLACES)} ${i + 1}`;
      subjectRows.push({
        id: randomUUID(),
        provinceCode: commune.province_code,
        communeCode: commune.code,
        name,
        nameSearch: foldVietnamese(name),
        sortKey: vietnameseSortKey(name),
        legalForm: form,
      });
    }
    const serials = new Map<string, number>();
    const productRows: (typeof products.$inferInsert)[] = [];
    for (let i = 0; i < productCount; i++) {
      const subject = subjectRows[i < subjectCount ? i : Math.floor(random() * subjectCount)]!;
      const serial = (serials.get(subject.communeCode) ?? 0) + 1;
      serials.set(subject.communeCode, serial);
      const name = `${pick(KINDS)} ${pick(QUALIFIERS)} ${pick(PLACES)}`;
      productRows.push({
        subjectId: subject.id!,
        name,
        nameSearch: foldVietnamese(name),
        sortKey: vietnameseSortKey(name),
        criteriaLegalBasis: '26/2026/QĐ-TTg',
        criteriaSetNumber: 1 + Math.floor(random() * 26),
        ocopCode: formatProductCode({ provinceCode: subject.provinceCode, communeCode: subject.communeCode, serial, year: 2025 }),
      });
    }
    for (let i = 0; i < subjectRows.length; i += 1000) await db.insert(subjects).values(subjectRows.slice(i, i + 1000));
    for (let i = 0; i < productRows.length; i += 1000) await db.insert(products).values(productRows.slice(i, i + 1000));
    await db.execute(sql`analyze`);
  });
  return Date.now() - started;
}

/** Words people search products by (accent-folded or not, as typed). */
export const SEARCHES = ['hat sen', 'mật ong', 'gao', 'xoai say', 'nuoc mam', 'tra', 'banh phong tom', 'ca phe', 'nem', 'yen sao', 'tinh dau', 'keo dua'];
