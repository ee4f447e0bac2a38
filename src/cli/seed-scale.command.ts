import { invalid } from '../domain/errors.js';
import { DEFAULT_SEED, DEFAULT_TODAY, seedScale, type SeedScale } from '../server/seed/national/index.js';
import { lineOut, withDatabase, type CliIo } from './context.js';

export type SeedScaleCommandOptions = {
  scale?: SeedScale;
  seed?: string;
  today?: string;
  producers?: string;
  replace?: boolean;
  force?: boolean;
};

/**
 * `ocop seed --scale national|province [--seed N] [--today yyyy-mm-dd] [--replace] [--force]`:
 * generated data for the whole country or the configured province, with a line per table (rows,
 * elapsed time), rewritten in place on a terminal.
 */
export const seedScaleCommand = (opts: SeedScaleCommandOptions, io: CliIo) => {
  const seed = opts.seed === undefined ? DEFAULT_SEED : Number(opts.seed);
  if (!Number.isSafeInteger(seed) || seed < 0)
    throw invalid('seed_invalid', { vi: `--seed phải là số nguyên không âm: "${opts.seed}".`, en: `--seed must be a non-negative integer: "${opts.seed}".` });
  const today = opts.today ?? DEFAULT_TODAY;
  if (
    !/^\d{4}-\d{2}-\d{2}$/.test(today) ||
    Number.isNaN(Date.parse(today)) ||
    new Date(`${today}T00:00:00Z`).toISOString().slice(0, 10) !== today ||
    today < '2019-07-01'
  )
    throw invalid('seed_today_invalid', {
      vi: `--today phải là một ngày yyyy-mm-dd từ 2019-07-01: "${today}".`,
      en: `--today must be a yyyy-mm-dd date from 2019-07-01: "${today}".`,
    });
  const producers = opts.producers === undefined ? undefined : Number(opts.producers);
  if (producers !== undefined && (!Number.isSafeInteger(producers) || producers < 10))
    throw invalid('seed_producers_invalid', { vi: '--producers phải là số nguyên từ 10.', en: '--producers must be an integer of at least 10.' });

  return withDatabase(io, async (database, config) => {
    const log = lineOut(io);
    const progress = io.isTTY
      ? (message: string, done: boolean) => io.out(`\r${message}${done ? '\n' : ''}`)
      : (message: string, done: boolean) => done && log(message);
    await seedScale(database, {
      scale: opts.scale ?? 'national',
      seed,
      provinceCode: config.provinceCode,
      today,
      producers,
      replace: opts.replace === true,
      force: opts.force === true,
      production: io.env.NODE_ENV === 'production',
      log,
      progress,
    });
  });
};
