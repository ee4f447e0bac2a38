/**
 * What the national-scale benchmarks share: a seeded random stream (the same data on every run),
 * Vietnamese-looking names for producers and products, the registry of the whole country, and a fresh
 * database — embedded PGlite, or a new database on the server named by DATABASE_URL, dropped at the end.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { formatProductCode } from '../../src/domain/identifiers/index.js';
import { foldVietnamese, vietnameseSortKey } from '../../src/domain/text/vietnamese.js';
import { openDatabase, PGLITE_EXTENSIONS, queryRows, type Database, type Db } from '../../src/server/db/client.js';
import { products, subjects } from '../../src/server/db/schema/index.js';

function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
export const random = prng(2026);
export const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
export const between = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
export const chance = (p: number) => random() < p;

export const FORMS = ['HTX', 'THT', 'CTCP', 'TNHH', 'DNTN', 'HKD', 'CSSX', 'TT'] as const;
export const FORM_NAMES: Record<string, string> = {
  HTX: 'Hợp tác xã',
  THT: 'Tổ hợp tác',
  CTCP: 'Công ty Cổ phần',
  TNHH: 'Công ty TNHH',
  DNTN: 'Doanh nghiệp tư nhân',
  HKD: 'Hộ kinh doanh',
  CSSX: 'Cơ sở',
  TT: 'Trang trại',
};
export const KINDS = [
  'Hạt sen',
  'Trà',
  'Mật ong',
  'Gạo',
  'Nước mắm',
  'Bánh phồng tôm',
  'Xoài',
  'Bưởi',
  'Cà phê',
  'Tiêu',
  'Nem',
  'Khô cá',
  'Rượu',
  'Chè',
  'Nấm',
  'Mứt',
  'Kẹo dừa',
  'Chiếu',
  'Tinh dầu',
  'Yến sào',
];
export const QUALIFIERS = ['sấy', 'hữu cơ', 'đặc biệt', 'truyền thống', 'thượng hạng', 'nguyên chất', 'hảo hạng', 'xanh', 'đỏ', 'vàng'];
export const PLACES = [
  'Tháp Mười',
  'Sa Đéc',
  'Lai Vung',
  'Cao Lãnh',
  'Hồng Ngự',
  'Mỹ Tho',
  'Cái Bè',
  'Gò Công',
  'Bến Tre',
  'Đà Lạt',
  'Mộc Châu',
  'Phú Quốc',
  'Thái Nguyên',
  'Buôn Ma Thuột',
  'Hội An',
];

/**
 * A fresh database: with DATABASE_URL, a new database on that server (`url` is its address, for a
 * server process to use); otherwise PGlite, in memory or, given `pgliteDir`, in that folder (where a
 * server process can open it once this one has closed it). `drop` removes it either way.
 */
export async function openBenchDatabase(opts: { pgliteDir?: string } = {}): Promise<{ database: Database; drop: () => Promise<void>; url?: string }> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const dir = opts.pgliteDir;
    if (dir) {
      const opened = await openDatabase({ dataDir: dir });
      let closing: Promise<void> | undefined;
      // Closed before a server process opens the folder, then again (doing nothing) by drop().
      const database: Database = { ...opened, close: () => (closing ??= opened.close()) };
      return {
        database,
        drop: async () => {
          await database.close();
          fs.rmSync(dir, { recursive: true, force: true });
        },
      };
    }
    const database = await openDatabase({ pglite: await PGlite.create({ extensions: PGLITE_EXTENSIONS }) });
    return { database, drop: () => database.close() };
  }
  const name = `ocop_bench_${Date.now()}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const u = new URL(url);
  u.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: u.toString() });
  return {
    database,
    drop: async () => {
      await database.close();
      // The pool's end() resolves before the server has let its connections go; forcing the drop
      // then would make each of them report an error.
      for (let i = 0; i < 50; i++) {
        const { rows } = await admin.query<{ n: number }>('select count(*)::int as n from pg_stat_activity where datname = $1', [name]);
        if (!rows[0]!.n) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      await admin.query(`drop database ${name} with (force)`);
      await admin.end();
    },
    url: u.toString(),
  };
}

export type SubjectRow = typeof subjects.$inferInsert & { id: string; communeCode: string };
export type ProductRow = typeof products.$inferInsert & { id: string };

/**
 * Producers spread over every commune of the country (or of one province), and their products: each
 * producer has at least one, the rest go to producers drawn at random; names from the lists above,
 * OCOP codes numbered per commune. Inserted 1,000 rows at a time, then `analyze`.
 */
export async function seedNationalRegistry(
  db: Db,
  /** codeYear: the year in the products' OCOP codes (2026 unless given). */
  opts: { subjects: number; products: number; provinceCode?: string; codeYear?: number },
): Promise<{ subjects: SubjectRow[]; products: ProductRow[] }> {
  const all = await queryRows<{ code: string; province_code: string }>(db, sql`select code, province_code from communes`);
  const communes = opts.provinceCode ? all.filter((c) => c.province_code === opts.provinceCode) : all;
  if (!communes.length) throw new Error(`no communes${opts.provinceCode ? ` in province ${opts.provinceCode}` : ''}`);
  const subjectRows: SubjectRow[] = [];
  for (let i = 0; i < opts.subjects; i++) {
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
  const productRows: ProductRow[] = [];
  const serials = new Map<string, number>();
  for (let i = 0; i < opts.products; i++) {
    const subject = subjectRows[i < opts.subjects ? i : Math.floor(random() * opts.subjects)]!;
    const serial = (serials.get(subject.communeCode) ?? 0) + 1;
    serials.set(subject.communeCode, serial);
    const name = `${pick(KINDS)} ${pick(QUALIFIERS)} ${pick(PLACES)}`;
    productRows.push({
      id: randomUUID(),
      subjectId: subject.id,
      name,
      nameSearch: foldVietnamese(name),
      sortKey: vietnameseSortKey(name),
      criteriaLegalBasis: '26/2026/QĐ-TTg',
      criteriaSetNumber: 1 + Math.floor(random() * 26),
      ocopCode: formatProductCode({ provinceCode: subject.provinceCode, communeCode: subject.communeCode, serial, year: opts.codeYear ?? 2026 }),
    });
  }
  const started = Date.now();
  for (let i = 0; i < subjectRows.length; i += 1000) {
    await db.insert(subjects).values(subjectRows.slice(i, i + 1000));
    process.stdout.write(`\r  chủ thể / producers ${Math.min(i + 1000, opts.subjects)}/${opts.subjects}`);
  }
  for (let i = 0; i < productRows.length; i += 1000) {
    await db.insert(products).values(productRows.slice(i, i + 1000));
    process.stdout.write(`\r  sản phẩm / products ${Math.min(i + 1000, opts.products)}/${opts.products}   `);
  }
  await db.execute(sql`analyze`);
  console.log(`\n  seeded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return { subjects: subjectRows, products: productRows };
}
