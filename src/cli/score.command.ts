import fs from 'node:fs/promises';
import path from 'node:path';
import { EvaluateBody } from '../contracts/scoring.js';
import { fieldErrors } from '../contracts/messages.js';
import { criteriaVersionSlug, loadCriteriaVersion } from '../domain/criteria/index.js';
import { invalid } from '../domain/errors.js';
import { PACKAGE_ROOT } from '../server/config.js';
import { BUILTIN_CRITERIA_FILES } from '../server/modules/criteria/criteria.builtin.js';
import { evaluate, resolveSet } from '../server/modules/scoring/scoring.service.js';
import type { CliIo } from './context.js';
import { DEFAULT_SCORING_SETTINGS } from '../server/modules/settings/settings.service.js';

type Options = { criteria?: string[]; gatePolicy?: 'cap' | 'not-achieved'; spreadThreshold?: string };

async function readJson(file: string, stdin: CliIo['stdin']): Promise<unknown> {
  const text = file === '-' ? await readStdin(stdin) : await fs.readFile(file, 'utf8');
  try {
    return JSON.parse(text);
  } catch (err) {
    throw invalid('invalid_json', {
      vi: `${file} không phải JSON hợp lệ: ${(err as Error).message}`,
      en: `${file} is not valid JSON: ${(err as Error).message}`,
    });
  }
}

async function readStdin(stdin: CliIo['stdin']): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * `ocop score FILE`: the same evaluation as POST /api/v1/scoring/evaluate, offline. It reads the
 * criteria shipped with the application (plus any `--criteria` files) rather than the database, so
 * it works while the server holds the data folder.
 */
export async function scoreCommand(file: string, opts: Options, io: CliIo) {
  const parsed = EvaluateBody.safeParse(await readJson(file, io.stdin));
  if (!parsed.success) throw invalid('validation_failed', { vi: 'Phiếu không hợp lệ.', en: 'The sheet is invalid.' }, fieldErrors(parsed.error.issues));
  const files = [...BUILTIN_CRITERIA_FILES.map((f) => path.join(PACKAGE_ROOT, 'data/criteria', f)), ...(opts.criteria ?? [])];
  const versions = await Promise.all(files.map(async (f) => loadCriteriaVersion(await readJson(f, io.stdin))));
  const { version, set } = resolveSet(versions, parsed.data.version, parsed.data.set, criteriaVersionSlug);
  const settings = {
    ...DEFAULT_SCORING_SETTINGS,
    ...(opts.gatePolicy ? { gatePolicy: opts.gatePolicy } : {}),
    ...(opts.spreadThreshold ? { spreadThreshold: Number(opts.spreadThreshold) } : {}),
  };
  io.out(`${JSON.stringify(evaluate(version, set, parsed.data, settings), null, 2)}\n`);
}
