/**
 * What the load benchmarks share: the server and a hello-world baseline each in a child process,
 * the server's memory sampled from /proc, autocannon driving a route with addresses handed out in a
 * shuffled order, and the sections of bench/RESULTS.md.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import autocannon, { type Result } from 'autocannon';
import { PACKAGE_ROOT } from '../../src/server/config.js';

export type Child = { process: ChildProcess; url: string; output: () => string; stop: () => Promise<void> };

export const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });

/**
 * A child process of this package, ready when `ready` answers 200 on `port` or, for a process that
 * serves no HTTP (`{ line }`), when its output says so.
 */
export async function startChild(label: string, args: string[], env: NodeJS.ProcessEnv, port: number, ready: string | { line: string }): Promise<Child> {
  const child = spawn(process.execPath, args, { cwd: PACKAGE_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000));
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  let exited = false;
  const exit = new Promise<void>((resolve) =>
    child.once('exit', () => {
      exited = true;
      resolve();
    }),
  );
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (exited) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await exit;
    clearTimeout(timer);
  };
  const deadline = Date.now() + 300_000;
  for (;;) {
    if (exited) throw new Error(`${label} exited before answering:\n${output}`);
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`${label} was not ready in 5 minutes:\n${output}`);
    }
    const ok =
      typeof ready === 'string'
        ? await fetch(url + ready).then(
            (res) => res.ok,
            () => false,
          )
        : output.includes(ready.line);
    if (ok) return { process: child, url, output: () => output, stop };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/**
 * The server as it is deployed (`ocop serve`), NODE_ENV unset so that PUBLIC_URL is not required,
 * the label check's per-client limit off, one log line per problem only.
 */
export async function startServer(env: Record<string, string>) {
  // As `npm start` does: the web app and the compiled server, when their sources changed.
  const build = spawnSync(process.execPath, ['bin/ocop.js', 'build', '--if-changed'], { cwd: PACKAGE_ROOT, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('ocop build failed');
  const port = await freePort();
  const base = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !['NODE_ENV', 'PUBLIC_URL', 'DATABASE_OWNER_URL', 'PORT', 'HOST'].includes(key)),
  );
  return startChild(
    'the server',
    [...nodeFlags(), 'bin/ocop.js', 'serve'],
    { ...base, PORT: String(port), HOST: '127.0.0.1', VERIFY_RATE_LIMIT: '0', DEMO_DATA: 'false', LOG_LEVEL: 'warn', ...env },
    port,
    '/api/v1/health',
  );
}

/** `ocop worker` on the same database, for a server started with BACKGROUND_WORK=off (PostgreSQL). */
export async function startWorker(env: Record<string, string>) {
  const base = Object.fromEntries(Object.entries(process.env).filter(([key]) => !['NODE_ENV', 'PUBLIC_URL', 'DATABASE_OWNER_URL'].includes(key)));
  return startChild('the worker', [...nodeFlags(), 'bin/ocop.js', 'worker'], { ...base, ...env }, 0, { line: 'Worker running' });
}

/**
 * The V8 flags `npm start` runs the server with (see bin/ocop.js); BENCH_NODE_FLAGS replaces them, to
 * compare V8's settings (`--max-semi-space-size=16 --heap-growing-percent=40`, `--trace-gc`…).
 */
const nodeFlags = () => (process.env.BENCH_NODE_FLAGS ?? '--max-semi-space-size=32 --heap-growing-percent=40').split(' ').filter(Boolean);

const HELLO = `import Fastify from 'fastify';
const app = Fastify();
app.get('/', async () => ({ hello: 'world' }));
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });`;

export async function startBaseline() {
  const port = await freePort();
  return startChild('the baseline', ['--input-type=module', '-e', HELLO], { ...process.env, PORT: String(port) }, port, '/');
}

/** The resident memory of a process, sampled every 500 ms: the peak so far and since the last mark. */
export function memoryOf(pid: number) {
  let peak = 0;
  let sincePeak = 0;
  let last = 0;
  const sample = () => {
    try {
      const kb = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (!kb) return;
      last = Number(kb[1]) * 1024;
      peak = Math.max(peak, last);
      sincePeak = Math.max(sincePeak, last);
    } catch {
      // The process has exited.
    }
  };
  sample();
  const timer = setInterval(sample, 500);
  return {
    get peak() {
      return peak;
    },
    get last() {
      return last;
    },
    /** The peak since the previous call, and a new window from now. */
    mark() {
      const value = sincePeak;
      sincePeak = last;
      return value;
    },
    stop: () => clearInterval(timer),
  };
}

// ---------------------------------------------------------------------------------------------
// Load.

/** CPU time (user + system, in ms) each process has spent so far, by pid. */
function cpuByPid(pids: number[]): Map<number, number> {
  const TICK_MS = 10; // USER_HZ is 100 on Linux
  const used = new Map<number, number>();
  for (const pid of pids) {
    try {
      // Fields 14 and 15 (utime, stime) follow the command, which is in parentheses and may hold spaces.
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      used.set(pid, (Number(fields[11]) + Number(fields[12])) * TICK_MS);
    } catch {
      // The process has exited.
    }
  }
  return used;
}

const postgresPids = () =>
  fs
    .readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .map(Number)
    .filter((pid) => {
      try {
        return fs.readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'postgres';
      } catch {
        return false;
      }
    });

/**
 * A CPU meter over processes: the server's, the baseline's, or every PostgreSQL server process on
 * this machine (`postgres`, when the database is local). `elapsed()` is the CPU time (ms) they
 * spent since the meter started: a process that started since counts from zero, one that exited
 * counts up to its last reading. With the load generator on the same cores, requests per second
 * measure the machine as much as the server; the CPU each answer costs does not depend on who else runs.
 */
export function cpuMeter(pids: number[] | 'postgres') {
  const list = () => (pids === 'postgres' ? postgresPids() : pids);
  const start = cpuByPid(list());
  const last = new Map(start);
  return {
    elapsed(): number {
      for (const [pid, ms] of cpuByPid(list())) last.set(pid, ms);
      let total = 0;
      for (const [pid, ms] of last) total += ms - (start.get(pid) ?? 0);
      return total;
    },
  };
}

/** Paths handed out in a shuffled order, in a loop; counts the first asks of each (which no cache can answer). */
export function rotation(paths: string[], random: () => number) {
  const list = [...paths];
  for (let i = list.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [list[i], list[j]] = [list[j]!, list[i]!];
  }
  let i = 0;
  return () => list[i++ % list.length]!;
}

/** Every address asked so far in the run, over all routes. */
const asked = new Set<string>();

/** `failures`: answers of 400 and above, connection errors and timeouts; `timeouts`: requests unanswered after 10 s. */
export type Measure = {
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  firstAsks: number;
  failures: number;
  timeouts: number;
  statuses: string;
  /** Peak resident memory of the server during the measurement. */
  rss?: number;
  /** CPU time per answer, in µs, of the processes that answer (the server and a local database). */
  cpuUs?: number;
};

export const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;

export type LoadOptions = { connections: number; seconds: number; headers?: Record<string, string> };

export async function load(url: string, next: () => string, { connections, seconds, headers }: LoadOptions): Promise<Measure> {
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  let firstAsks = 0;
  const result = await new Promise<Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections,
        duration: seconds,
        headers,
        timeout: 10,
        requests: [
          {
            method: 'GET',
            setupRequest: (request) => {
              const p = next();
              if (!asked.has(p)) {
                asked.add(p);
                firstAsks++;
              }
              return { ...request, path: p };
            },
          },
        ],
      },
      (err, res) => (err ? reject(err) : resolve(res)),
    );
    instance.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
      latencies.push(ms);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    });
  });
  latencies.sort((a, b) => a - b);
  const failures = [...statuses].filter(([s]) => s >= 400).reduce((n, [, c]) => n + c, 0) + result.errors + result.timeouts;
  return {
    rps: latencies.length / result.duration,
    p50: quantile(latencies, 0.5),
    p99: quantile(latencies, 0.99),
    requests: latencies.length,
    firstAsks: Math.min(firstAsks, latencies.length),
    failures,
    timeouts: result.timeouts,
    statuses: [...statuses].map(([s, c]) => `${s}×${c}`).join(' '),
  };
}

export const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '—');
export const thousands = (n: number) => n.toLocaleString('en-US');
export const mb = (bytes: number) => `${Math.round(bytes / 1_048_576)}`;

export function machine() {
  const cpuinfo = fs.existsSync('/proc/cpuinfo') ? fs.readFileSync('/proc/cpuinfo', 'utf8') : '';
  const model = /model name\s*:\s*(.+)/.exec(cpuinfo)?.[1]?.trim() ?? os.cpus()[0]?.model ?? 'unknown';
  return `${os.cpus().length} cores (${model}), ${(os.totalmem() / 1_073_741_824).toFixed(1)} GB memory, Node ${process.version}`;
}
export const loadAverage = () => os.loadavg()[0]!.toFixed(1);

/** Replaces the section `## <title>` of bench/RESULTS.md (or adds it), keeping every other section. */
export function writeResults(title: string, body: string) {
  const file = path.join(PACKAGE_ROOT, 'bench/RESULTS.md');
  const text = fs.existsSync(file)
    ? fs.readFileSync(file, 'utf8')
    : '# Benchmark results\n\nWritten by the scripts in `bench/` (see docs/performance.md); each run replaces its own section.\n';
  const heading = `## ${title}\n`;
  const section = `${heading}\n${body.trim()}\n`;
  const start = text.indexOf(`\n${heading}`);
  let next: string;
  if (start < 0) next = `${text.trimEnd()}\n\n${section}`;
  else {
    const end = text.indexOf('\n## ', start + 1);
    next = `${text.slice(0, start + 1)}${section}${end < 0 ? '' : `\n${text.slice(end + 1)}`}`;
  }
  fs.writeFileSync(file, next.endsWith('\n') ? next : `${next}\n`);
}

export function pglitePackageVersion() {
  const file = path.join(PACKAGE_ROOT, 'node_modules/@electric-sql/pglite/package.json');
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as { version: string }).version : '?';
}

/** What a measurement watches: the answering processes' CPU meters, and the server's memory. */
export type Watch = { cpu: ReturnType<typeof cpuMeter>[]; memory?: ReturnType<typeof memoryOf> };

/** One route under load: a warm-up, then the measurement, printed on one line. */
export async function measure(label: string, url: string, next: () => string, opts: LoadOptions & { warmup: number; watch: Watch }): Promise<Measure> {
  process.stdout.write(`  ${label} @${opts.connections}… `);
  await load(url, next, { ...opts, seconds: opts.warmup });
  opts.watch.memory?.mark();
  const cpu = () => opts.watch.cpu.reduce((sum, meter) => sum + meter.elapsed(), 0);
  const cpuBefore = cpu();
  const m = await load(url, next, opts);
  m.cpuUs = ((cpu() - cpuBefore) * 1000) / Math.max(1, m.requests);
  if (opts.watch.memory) m.rss = opts.watch.memory.mark();
  console.log(
    `${fmt(m.rps, 0)} req/s, p50 ${fmt(m.p50, 2)} ms, p99 ${fmt(m.p99, 2)} ms, ${fmt(m.cpuUs, 0)} µs CPU per answer, ${m.timeouts} timeouts (${m.statuses})`,
  );
  return m;
}
