/**
 * The national registry of the benchmarks (bench/support/national-registry.ts) on the server at `url`.
 * Product codes carry the year 2025 so they never meet the demo province's 2026 codes.
 */
import { seedNationalRegistry as seedRegistry } from '../../../bench/support/national-registry.js';
import { withPostgres } from './databases.js';

export async function seedNationalRegistry(url: string, subjectCount: number, productCount: number): Promise<number> {
  const started = Date.now();
  await withPostgres(url, (_q, { db }) => seedRegistry(db, { subjects: subjectCount, products: productCount, codeYear: 2025 }));
  return Date.now() - started;
}

/** Words people search products by (accent-folded or not, as typed). */
export const SEARCHES = ['hat sen', 'mật ong', 'gao', 'xoai say', 'nuoc mam', 'tra', 'banh phong tom', 'ca phe', 'nem', 'yen sao', 'tinh dau', 'keo dua'];
