/**
 * What the national-scale benchmarks share: a seeded random stream (the same data on every run),
 * Vietnamese-looking names for producers and products, and a fresh database — embedded PGlite, or a
 * new database on the server named by DATABASE_URL, dropped at the end.
 */
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { openDatabase, PGLITE_EXTENSIONS, type Database } from '../../src/server/db/client.js';

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

export async function openBenchDatabase(): Promise<{ database: Database; drop: () => Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (!url) {
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
  };
}
