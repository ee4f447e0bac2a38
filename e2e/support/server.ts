import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const WEB_INDEX = path.join(REPO_ROOT, 'dist/web/index.html');
const STARTUP_TIMEOUT_MS = 90_000;

export type RunningServer = {
  baseUrl: string;
  dataDir: string;
  /** Stops the server; the data folder is removed unless `keepData` (to restart on it). */
  stop: (opts?: { keepData?: boolean }) => Promise<void>;
};

export type ServerOptions = {
  /** Reuse a data folder left by a stopped server (its owner removes it). */
  dataDir?: string;
  /**
   * Run the server with its clock moved to this instant ("2030-12-01 09:00:00"), through Debian's
   * libfaketime, to see date rules (certificate expiry) as a user would, years later.
   */
  fakeTime?: string;
  /**
   * Seed the demo's programme history too (years of results, certificates, photos, the current
   * round). Off by default: tests count what they create on the bare demo province.
   */
  history?: boolean;
};

const FAKETIME_LIBS = [
  '/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1',
  '/usr/lib/aarch64-linux-gnu/faketime/libfaketime.so.1',
  '/usr/lib/faketime/libfaketime.so.1',
];

function fakeTimeEnv(fakeTime: string | undefined): Record<string, string> {
  if (!fakeTime) return {};
  const lib = FAKETIME_LIBS.find((f) => fs.existsSync(f));
  if (!lib) throw new Error('libfaketime is missing: apt-get install -y faketime');
  // '@' starts the clock at that instant and lets it run; monotonic timers stay real.
  return { LD_PRELOAD: lib, FAKETIME: `@${fakeTime}`, FAKETIME_DONT_FAKE_MONOTONIC: '1', FAKETIME_NO_CACHE: '1' };
}

/** Asks the OS for a port nobody listens on. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => (port ? resolve(port) : reject(new Error('No free port found'))));
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function isHealthy(baseUrl: string): Promise<boolean> {
  try {
    const response = await fetch(`${baseUrl}/api/v1/health`, { signal: AbortSignal.timeout(2_000) });
    return response.status === 200;
  } catch {
    return false;
  }
}

function waitForExit(child: ChildProcess, timeoutMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve();
    }, timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/**
 * Starts `node bin/ocop.js serve` on a free port with a fresh data folder (the demo province is
 * seeded on first start) and waits until it answers /api/v1/health.
 */
export async function startServer(opts: ServerOptions = {}): Promise<RunningServer> {
  if (!fs.existsSync(WEB_INDEX)) throw new Error(`The web app is not built (${WEB_INDEX} is missing): run "npm run build" first.`);

  const dataDir = opts.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'ocop-e2e-'));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['bin/ocop.js', 'serve'], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
      PUBLIC_URL: baseUrl,
      DEMO_HISTORY: opts.history ? 'true' : 'false',
      ...fakeTimeEnv(opts.fakeTime),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-8_000);
  });
  child.stdout?.resume();

  const stop = async (how: { keepData?: boolean } = {}) => {
    child.kill('SIGTERM');
    await waitForExit(child, 15_000);
    if (!how.keepData && !opts.dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`The server exited with code ${child.exitCode} before it was ready.\n--- stderr ---\n${stderr}`);
    }
    if (await isHealthy(baseUrl)) return { baseUrl, dataDir, stop };
    await sleep(300);
  }
  await stop();
  throw new Error(`The server did not answer ${baseUrl}/api/v1/health within ${STARTUP_TIMEOUT_MS / 1000} s.\n--- stderr ---\n${stderr}`);
}
