import { loadConfig, type AppConfig } from '../server/config.js';
import type { Database } from '../server/db/client.js';
import { openConfiguredDatabase, prepareDatabase } from '../server/bootstrap.js';

/**
 * Where a command reads its environment and input and writes its output: the process's when run as
 * `ocop`, a test's when run in process (main.ts `run`). Commands never touch process.env or
 * process.stdout themselves.
 */
export type CliIo = {
  env: NodeJS.ProcessEnv;
  /** Standard output, written as it comes (text, or the bytes of a report). */
  out: (chunk: string | Uint8Array) => void;
  /** Standard error. */
  err: (chunk: string) => void;
  /** Standard output is a terminal: progress rewrites one line, and help may use colours. */
  isTTY: boolean;
  /** Standard input (`ocop score -`). */
  stdin: AsyncIterable<string | Uint8Array>;
};

export function processIo(): CliIo {
  return {
    env: process.env,
    out: (chunk) => void process.stdout.write(chunk),
    err: (chunk) => void process.stderr.write(chunk),
    isTTY: process.stdout.isTTY === true,
    // Opened only when a command reads it, so other commands leave standard input alone.
    stdin: { [Symbol.asyncIterator]: () => process.stdin[Symbol.asyncIterator]() },
  };
}

export type Log = (message: string) => void;

/** A message on its own line of standard output. */
export const lineOut =
  (io: CliIo): Log =>
  (message) =>
    io.out(`${message}\n`);

/** A message on its own line of standard error. */
export const lineErr =
  (io: CliIo): Log =>
  (message) =>
    io.err(`${message}\n`);

/** Opens and prepares the configured database for one command, and always closes it. */
export async function withDatabase<T>(io: CliIo, fn: (database: Database, config: AppConfig) => Promise<T>, opts: { log?: Log } = {}): Promise<T> {
  const config = loadConfig(io.env);
  const database = await openConfiguredDatabase(config);
  try {
    await prepareDatabase(database, config, opts.log ?? lineOut(io));
    return await fn(database, config);
  } finally {
    await database.close();
  }
}
