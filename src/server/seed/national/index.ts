/**
 * `ocop seed --scale national|province`: a deterministic, realistic data set for the whole country or
 * one province (national-plan.ts), bulk-loaded into the configured database in one transaction.
 */
import { CURRENT_CRITERIA_BASIS } from '../../../domain/criteria/legal-bases.js';
import type { IsoDate } from '../../../domain/dates/calendar.js';
import { conflict } from '../../../domain/errors.js';
import { clearProgrammeTables, openBulkSession } from '../../db/bulk-load.js';
import type { Database } from '../../db/client.js';
import { createCriteriaCatalogue } from '../../modules/criteria/criteria.catalogue.js';
import { planNational, type SeedScale } from './national-plan.js';
import { nationalSeedRepository, SEED_TABLES, type SeedTable } from './national.repository.js';

export { DEFAULT_SEED, DEFAULT_TODAY, SCALE_SIZES, type SeedScale } from './national-plan.js';

export type SeedScaleOptions = {
  scale: SeedScale;
  seed: number;
  /** The province of `--scale province`. */
  provinceCode: string;
  today: IsoDate;
  /** A smaller data set in the same proportions (tests). */
  producers?: number | undefined;
  /** Empty the programme tables first (everything but the reference data). */
  replace?: boolean | undefined;
  /** Allowed to run with NODE_ENV=production. */
  force?: boolean | undefined;
  production?: boolean | undefined;
  log?: (message: string) => void;
  /** A progress line that may be rewritten in place (a terminal) or printed as it ends. */
  progress?: (message: string, done: boolean) => void;
};

export type SeedScaleSummary = { tables: Partial<Record<SeedTable, number>>; rows: number; seconds: number; planSeconds: number; loadSeconds: number };

export async function seedScale(database: Database, opts: SeedScaleOptions): Promise<SeedScaleSummary> {
  const log = opts.log ?? (() => {});
  const progress = opts.progress ?? ((message: string, done: boolean) => done && log(message));
  const { db } = database;
  if (opts.production && !opts.force)
    throw conflict('seed_in_production', {
      vi: 'NODE_ENV=production: không tạo dữ liệu giả lập trên hệ thống thật. Thêm --force nếu thật sự muốn.',
      en: 'NODE_ENV=production: generated data is not written to a live system. Add --force if you really mean it.',
    });
  const present = await nationalSeedRepository.recordsPresent(db);
  if (present.length && !opts.replace)
    throw conflict('seed_target_in_use', {
      vi: `Cơ sở dữ liệu đã có hồ sơ của Chương trình (${present.join(', ')}). Không ghi thêm; dùng --replace để xoá toàn bộ (trừ danh mục hành chính và bộ tiêu chí) rồi tạo lại.`,
      en: `The database already holds programme records (${present.join(', ')}). Nothing was written; use --replace to empty it (all but the administrative units and criteria) and generate again.`,
    });

  const started = Date.now();
  const entry = await createCriteriaCatalogue(db, { today: () => opts.today }).find(CURRENT_CRITERIA_BASIS);
  if (!entry) throw new Error(`The criteria of ${CURRENT_CRITERIA_BASIS} are not loaded: run \`ocop migrate\` first.`);
  const [communes, provinces] = await Promise.all([nationalSeedRepository.communes(db), nationalSeedRepository.provinces(db)]);
  log(
    `Tạo dữ liệu ${opts.scale === 'national' ? 'toàn quốc' : `tỉnh ${opts.provinceCode}`} (seed ${opts.seed}, ngày ${opts.today})… / generating ${opts.scale} data (seed ${opts.seed}, today ${opts.today})…`,
  );
  const { rows } = planNational({
    seed: opts.seed,
    scale: opts.scale,
    provinceCode: opts.provinceCode,
    today: opts.today,
    producers: opts.producers,
    communes,
    provinces,
    version: entry.version,
  });
  const planSeconds = (Date.now() - started) / 1000;
  log(`  đã sinh dữ liệu / generated in ${planSeconds.toFixed(1)} s`);

  const loadStarted = Date.now();
  const session = await openBulkSession(database);
  const tables: Partial<Record<SeedTable, number>> = {};
  let total = 0;
  try {
    if (opts.replace && present.length) {
      const cleared = await clearProgrammeTables(database, session);
      log(`  --replace: đã xoá ${cleared.length} bảng / emptied ${cleared.length} tables`);
    }
    for (const table of Object.keys(SEED_TABLES) as SeedTable[]) {
      const list = rows[table];
      const t0 = Date.now();
      const line = (n: number) =>
        `  ${table.padEnd(26)} ${String(n).padStart(9)} / ${String(list.length).padEnd(9)} ${((Date.now() - loadStarted) / 1000).toFixed(1).padStart(6)} s`;
      await nationalSeedRepository.copy(session, table, list as never, (n) => progress(line(n), false));
      progress(`${line(list.length)}  (+${((Date.now() - t0) / 1000).toFixed(1)} s)`, true);
      tables[table] = list.length;
      total += list.length;
    }
    await session.commit();
  } catch (err) {
    await session.rollback().catch(() => undefined);
    throw err;
  }
  await nationalSeedRepository.analyze(db);
  const loadSeconds = (Date.now() - loadStarted) / 1000;
  const seconds = (Date.now() - started) / 1000;
  log(
    `Đã ghi / written: ${total} dòng / rows, ${Object.keys(tables).length} bảng / tables in ${seconds.toFixed(1)} s (sinh / generate ${planSeconds.toFixed(1)} s, ghi / load ${loadSeconds.toFixed(1)} s).`,
  );
  return { tables, rows: total, seconds, planSeconds, loadSeconds };
}
