/**
 * A real server process, `node bin/ocop.js serve`, as an operator starts it: own data folder (and
 * database when given), its own port. Faults stop it the hard way (SIGKILL: no handler runs, nothing
 * is flushed or closed), then start it again on the same folder and port.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const STARTUP_TIMEOUT_MS = 120_000;

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

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

/** Environment that loads the heap probe (support/heap-probe.mjs) into the server, writing to `probeFile`. */
export function heapProbeEnv(probeFile: string): Record<string, string> {
  const probe = pathToFileURL(path.join(REPO_ROOT, 'scripts/faults/support/heap-probe.mjs')).href;
  return { NODE_OPTIONS: `--expose-gc --import=${probe}`, HEAP_PROBE_FILE: probeFile };
}

export type ServerOptions = {
  dataDir: string;
  /** PostgreSQL database; PGlite in `dataDir/db` without it. */
  databaseUrl?: string;
  /** Where stdout and stderr go (appended across restarts). */
  logFile: string;
  port?: number;
  env?: Record<string, string>;
  /**
   * `serve` (default), ready once /api/v1/health answers 200; or `worker` (`ocop worker`: the
   * background work without HTTP), ready once it prints that it runs.
   */
  command?: 'serve' | 'worker';
};

/** What `ocop worker` prints once its schedules run. */
const WORKER_READY = 'Worker running';

export class ServerProcess {
  private child: ChildProcess | undefined;
  private exit: Promise<void> = Promise.resolve();
  readonly baseUrl: string;

  private constructor(
    readonly opts: ServerOptions,
    readonly port: number,
  ) {
    this.baseUrl = `http://127.0.0.1:${port}`;
  }

  static async start(opts: ServerOptions): Promise<ServerProcess> {
    const server = new ServerProcess(opts, opts.port ?? (await freePort()));
    await server.restart();
    return server;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  get running(): boolean {
    return !!this.child && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Starts the process (again) on the same folder, database and port; resolves once /api/v1/health answers 200. */
  async restart(): Promise<number> {
    if (this.running) throw new Error('The server is still running');
    const started = Date.now();
    const log = fs.openSync(this.opts.logFile, 'a');
    fs.writeSync(log, `\n=== start ${new Date().toISOString()}\n`);
    const command = this.opts.command ?? 'serve';
    const logStart = fs.existsSync(this.opts.logFile) ? fs.statSync(this.opts.logFile).size : 0;
    const child = spawn(process.execPath, ['bin/ocop.js', command], {
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        DATA_DIR: this.opts.dataDir,
        DATABASE_URL: this.opts.databaseUrl ?? '',
        PORT: String(this.port),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
        NODE_ENV: 'production',
        PUBLIC_URL: this.baseUrl,
        // The fault runner stands where a reverse proxy would, forwarding each simulated user's address.
        TRUST_PROXY: '127.0.0.1',
        DEMO_DATA: 'true',
        // The programme history would add seconds to every start and records the scenarios do not need.
        DEMO_HISTORY: 'false',
        ...this.opts.env,
      },
      stdio: ['ignore', log, log],
    });
    fs.closeSync(log);
    this.child = child;
    this.exit = new Promise((resolve) => child.once('exit', () => resolve()));
    const deadline = Date.now() + STARTUP_TIMEOUT_MS;
    while (Date.now() < deadline) {
      if (!this.running)
        throw new Error(`The server exited (${child.exitCode ?? child.signalCode}) before it was ready; see ${this.opts.logFile}\n${this.logTail()}`);
      if (command === 'worker' ? this.logSince(logStart).includes(WORKER_READY) : (await this.health()) === 200) return Date.now() - started;
      await sleep(200);
    }
    await this.kill();
    throw new Error(`The server did not answer ${this.baseUrl}/api/v1/health within ${STARTUP_TIMEOUT_MS / 1000} s; see ${this.opts.logFile}`);
  }

  /** The status of GET /api/v1/health, or 0 when nothing answers within the timeout. */
  async health(timeoutMs = 3_000): Promise<number> {
    try {
      const res = await fetch(`${this.baseUrl}/api/v1/health`, { signal: AbortSignal.timeout(timeoutMs) });
      await res.arrayBuffer();
      return res.status;
    } catch {
      return 0;
    }
  }

  /** SIGKILL: the process ends where it stands, in the middle of whatever it was writing. */
  async kill(): Promise<void> {
    if (!this.running) return;
    this.child!.kill('SIGKILL');
    await this.exit;
  }

  /** SIGTERM, as an operator stops it (closes the database and its lock); SIGKILL after 20 s. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.child!.kill('SIGTERM');
    const timer = setTimeout(() => this.child?.kill('SIGKILL'), 20_000);
    await this.exit;
    clearTimeout(timer);
  }

  /** How the last run ended: its exit code, or the signal that ended it (null while it runs). */
  get exitStatus(): { code: number | null; signal: NodeJS.Signals | null } | null {
    if (!this.child || this.running) return null;
    return { code: this.child.exitCode, signal: this.child.signalCode };
  }

  /** The log written from byte `offset` on (what this run printed, when `offset` is the size before it started). */
  logSince(offset: number): string {
    try {
      const fd = fs.openSync(this.opts.logFile, 'r');
      try {
        const size = fs.fstatSync(fd).size;
        const buffer = Buffer.alloc(Math.max(0, size - offset));
        fs.readSync(fd, buffer, 0, buffer.length, offset);
        return buffer.toString('utf8');
      } finally {
        fs.closeSync(fd);
      }
    } catch {
      return '';
    }
  }

  /**
   * The live heap after a full garbage collection, in MB, from a server started with the heap probe
   * (`heapProbeEnv`); null when the process is not running or does not answer within the timeout.
   */
  async liveHeapMb(probeFile: string, timeoutMs = 10_000): Promise<number | null> {
    if (!this.running) return null;
    const before = fs.existsSync(probeFile) ? fs.readFileSync(probeFile, 'utf8').split('\n').filter(Boolean).length : 0;
    this.child!.kill('SIGUSR2');
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const lines = fs.existsSync(probeFile) ? fs.readFileSync(probeFile, 'utf8').split('\n').filter(Boolean) : [];
      if (lines.length > before) return (JSON.parse(lines.at(-1)!) as { heapUsedMb: number }).heapUsedMb;
      await sleep(100);
    }
    return null;
  }

  /** Resident memory of the process in MB (Linux), or null when it is not running. */
  rssMb(): number | null {
    if (!this.running || !this.pid) return null;
    try {
      const status = fs.readFileSync(`/proc/${this.pid}/status`, 'utf8');
      const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
      return Number.isFinite(kb) ? kb / 1024 : null;
    } catch {
      return null;
    }
  }

  logTail(chars = 3_000): string {
    try {
      const text = fs.readFileSync(this.opts.logFile, 'utf8');
      return text.slice(-chars);
    } catch {
      return '';
    }
  }
}
