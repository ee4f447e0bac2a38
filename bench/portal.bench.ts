/**
 * The public portal under load. Run: npm run bench:portal [-- producers products]
 * (BENCH_DURATION=<seconds> shortens each measurement; the default is 10).
 *
 * With DATABASE_URL, a fresh database on that server holding the national registry (default 20,000
 * producers and 50,000 products, as bench/registry.bench.ts) and certificates for about a third of the
 * products, with their decisions, in every standing. Without it, embedded PGlite holding the demo
 * province and its history (seedDemo, seedDemoHistory: some 700 certificates, photos, a round in progress).
 *
 * The data is written by this process, which then lets go of the database; the real server runs in a
 * child process (`ocop serve`, verification limit off), so the load generator (autocannon, 10
 * connections) does not share its event loop. Each route is loaded for 10 s after a short warm-up and
 * compared with a hello-world Fastify route in another child process, measured in the same run before
 * and after. Results go to bench/RESULTS.md (the section of this database is replaced).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import autocannon, { type Result } from 'autocannon';
import { sql } from 'drizzle-orm';
import { vietnamDate } from '../src/domain/dates/calendar.js';
import { PACKAGE_ROOT } from '../src/server/config.js';
import { queryRows, type Db } from '../src/server/db/client.js';
import { applyMigrations } from '../src/server/db/migrate.js';
import { seedDemo } from '../src/server/seed/demo.js';
import { seedDemoHistory } from '../src/server/seed/demo-history.js';
import { loadReferenceData } from '../src/server/seed/reference.js';
import { seedCertificates } from './support/certificates.js';
import { openBenchDatabase, random, seedNationalRegistry } from './support/national-registry.js';

const SUBJECTS = Number(process.argv[2] ?? 20_000);
const PRODUCTS = Number(process.argv[3] ?? 50_000);
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const WARMUP = DURATION >= 10 ? 2 : 1;
const CONNECTIONS = 10;
const POSTGRES = Boolean(process.env.DATABASE_URL);
const PROVINCE = process.env.PROVINCE_CODE || '82';
/** Share of the country's OCOP products holding a certificate: about 16,000 of 50,000. */
const CERTIFIED_SHARE = 0.32;
/** The issue's targets, stated for PostgreSQL. */
const TARGETS = { verifyRatio: 0.5, catalogueP99: 20, productP99: 30 };

const today = vietnamDate(new Date());
const log = (message: string) => console.log(`  ${message}`);

// ---------------------------------------------------------------------------------------------
// Processes: the server, the baseline, and the server's memory.

type Child = { process: ChildProcess; url: string; output: () => string; stop: () => Promise<void> };

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });

async function startChild(label: string, args: string[], env: NodeJS.ProcessEnv, port: number, ready: string): Promise<Child> {
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
      throw new Error(`${label} did not answer ${ready} in 5 minutes:\n${output}`);
    }
    const ok = await fetch(url + ready).then(
      (res) => res.ok,
      () => false,
    );
    if (ok) return { process: child, url, output: () => output, stop };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** The server as it is deployed (`ocop serve`), NODE_ENV unset so that PUBLIC_URL is not required. */
async function startServer(env: { DATA_DIR: string; DATABASE_URL: string }) {
  const port = await freePort();
  const base = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !['NODE_ENV', 'PUBLIC_URL', 'DATABASE_OWNER_URL', 'PORT', 'HOST'].includes(key)),
  );
  return startChild(
    'the server',
    ['bin/ocop.js', 'serve'],
    { ...base, ...env, PORT: String(port), HOST: '127.0.0.1', VERIFY_RATE_LIMIT: '0', DEMO_DATA: 'false', LOG_LEVEL: 'warn' },
    port,
    '/api/v1/health',
  );
}

const HELLO = `import Fastify from 'fastify';
const app = Fastify();
app.get('/', async () => ({ hello: 'world' }));
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });`;

async function startBaseline() {
  const port = await freePort();
  return startChild('the baseline', ['--input-type=module', '-e', HELLO], { ...process.env, PORT: String(port) }, port, '/');
}

/** The resident memory of a process, sampled every 500 ms: the peak so far and since the last mark. */
function memoryOf(pid: number) {
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

/** Paths handed out in a shuffled order, in a loop; counts the first asks of each (which no cache can answer). */
function rotation(paths: string[]) {
  const list = [...paths];
  for (let i = list.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [list[i], list[j]] = [list[j]!, list[i]!];
  }
  let i = 0;
  return () => list[i++ % list.length]!;
}

const asked = new Set<string>();

type Measure = { rps: number; p50: number; p99: number; requests: number; firstAsks: number; failures: number; statuses: string; rss?: number };

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;

async function load(url: string, next: () => string, seconds: number): Promise<Measure> {
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  let firstAsks = 0;
  const result = await new Promise<Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections: CONNECTIONS,
        duration: seconds,
        timeout: 30,
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
    statuses: [...statuses].map(([s, c]) => `${s}×${c}`).join(' '),
  };
}

// ---------------------------------------------------------------------------------------------

type Sizes = {
  producers: number;
  products: number;
  certificates: number;
  certified: number;
  in_force: number;
  expired: number;
  revoked: number;
  superseded: number;
  decisions: number;
  photos: number;
  dossiers: number;
  province_certified: number;
};

async function datasetOf(db: Db) {
  const [sizes] = await queryRows<Sizes>(
    db,
    sql`select (select count(*) from subjects)::int as producers, (select count(*) from products)::int as products,
          count(*)::int as certificates, count(distinct product_id)::int as certified,
          count(*) filter (where (revoked_on is null or revoked_on > ${today}::date) and (superseded_on is null or superseded_on > ${today}::date) and expires_on >= ${today}::date)::int as in_force,
          count(*) filter (where (revoked_on is null or revoked_on > ${today}::date) and (superseded_on is null or superseded_on > ${today}::date) and expires_on < ${today}::date)::int as expired,
          count(*) filter (where revoked_on <= ${today}::date)::int as revoked,
          count(*) filter (where superseded_on <= ${today}::date and (revoked_on is null or revoked_on > ${today}::date))::int as superseded,
          (select count(*) from decisions)::int as decisions, (select count(*) from product_photos)::int as photos,
          (select count(*) from dossiers)::int as dossiers,
          (select count(distinct c.product_id) from certificates c join products p on p.id = c.product_id join subjects s on s.id = p.subject_id
            where s.province_code = ${PROVINCE})::int as province_certified
        from certificates`,
  );
  const codes = (await queryRows<{ code: string }>(db, sql`select verification_code as code from certificates order by number`)).map((r) => r.code);
  const productIds = (await queryRows<{ id: string }>(db, sql`select distinct product_id as id from certificates order by 1`)).map((r) => r.id);
  // Communes with the most certified products: in the deployment province (the pages' commune list), else anywhere.
  const communes = (
    await queryRows<{ code: string }>(
      db,
      sql`select s.commune_code as code from certificates c join products p on p.id = c.product_id join subjects s on s.id = p.subject_id
          group by s.commune_code, s.province_code order by (s.province_code = ${PROVINCE}) desc, count(*) desc, 1 limit 6`,
    )
  ).map((r) => r.code);
  const [version] = await queryRows<{ version: string }>(db, sql`select version()`);
  return { sizes: sizes!, codes, productIds, communes, version: version!.version.split(' on ')[0]!.split(',')[0]! };
}

/** Searches as visitors type them: with and without accents, misspelled; with filters; by relevance, star or name; first pages. */
function catalogueMix(communes: string[]) {
  const kinds = [
    ['bánh phồng tôm', 'banh phong tom', 'banh phong tomm'],
    ['mật ong', 'mat ong', 'mat ongg'],
    ['trà', 'tra', 'traa'],
    ['gạo', 'gao', 'gaoo'],
    ['hạt sen', 'hat sen', 'hat senn'],
    ['xoài', 'xoai', 'xoaii'],
    ['nước mắm', 'nuoc mam', 'nuoc mamm'],
    ['bưởi', 'buoi', 'buoii'],
    ['khô cá', 'kho ca', 'kho caa'],
    ['kẹo dừa', 'keo dua', 'keo duaa'],
  ];
  const filters = ['', '&star=3', '&star=4', '&star=5', '&sector=1', '&sector=2', '&sector=3', '&valid=0', ...communes.slice(0, 2).map((c) => `&commune=${c}`)];
  const paths: string[] = [];
  for (const variants of kinds)
    for (const q of variants)
      for (const filter of filters)
        for (const sort of ['', '&sort=star', '&sort=name'])
          for (const page of [1, 2, 3]) paths.push(`/san-pham?q=${encodeURIComponent(q)}${filter}${sort}${page > 1 ? `&page=${page}` : ''}`);
  return paths;
}

const popularSearches = (communes: string[]) =>
  (
    [
      ['bánh phồng tôm', ''],
      ['banh phong tom', ''],
      ['banh phong tomm', ''],
      ['mat ong', '&star=4'],
      ['tra', '&sector=2'],
      ['gao', `&commune=${communes[0]}`],
      ['hat sen', '&sort=star'],
      ['xoai', '&sort=name'],
    ] as const
  ).map(([q, extra]) => `/san-pham?q=${encodeURIComponent(q)}${extra}`);

const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '—');
const thousands = (n: number) => n.toLocaleString('en-US');
const mb = (bytes: number) => `${Math.round(bytes / 1_048_576)}`;

function machine() {
  const cpuinfo = fs.existsSync('/proc/cpuinfo') ? fs.readFileSync('/proc/cpuinfo', 'utf8') : '';
  const model = /model name\s*:\s*(.+)/.exec(cpuinfo)?.[1]?.trim() ?? os.cpus()[0]?.model ?? 'unknown';
  return `${os.cpus().length} cores (${model}), ${(os.totalmem() / 1_073_741_824).toFixed(1)} GB memory, Node ${process.version}`;
}
const loadAverage = () => os.loadavg()[0]!.toFixed(1);

/** Replaces the section `## <title>` of bench/RESULTS.md (or adds it), keeping every other section. */
function writeResults(title: string, body: string) {
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

async function main() {
  const engine = POSTGRES ? 'PostgreSQL' : 'PGlite';
  const started = new Date();
  const host = machine();
  const loadBefore = loadAverage();
  console.log(
    `Public portal benchmark on ${engine}: ${POSTGRES ? `${SUBJECTS} producers, ${PRODUCTS} products` : 'the demo province'}; ${CONNECTIONS} connections, ${DURATION} s per route`,
  );
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ocop-portal-bench-'));
  const { database, drop, url: databaseUrl } = await openBenchDatabase({ pgliteDir: path.join(dataDir, 'pglite') });
  const children: Child[] = [];
  try {
    const seedStarted = Date.now();
    await applyMigrations(database);
    await loadReferenceData(database.db, path.join(PACKAGE_ROOT, 'data'));
    let data: string;
    if (POSTGRES) {
      const registry = await seedNationalRegistry(database.db, { subjects: SUBJECTS, products: PRODUCTS });
      await seedCertificates(database.db, registry, { today, share: CERTIFIED_SHARE });
      data = `the national registry (bench/support/national-registry.ts) and certificates for about a third of the products`;
    } else {
      await seedDemo(database.db, log);
      await seedDemoHistory(database.db, { dataDir: path.join(dataDir, 'pglite'), log });
      await database.db.execute(sql`analyze`);
      data = 'the demo province and its history (seedDemo, seedDemoHistory)';
    }
    const seedSeconds = (Date.now() - seedStarted) / 1000;
    const { sizes, codes, productIds, communes, version } = await datasetOf(database.db);
    if (!codes.length) throw new Error('no certificate was seeded');
    console.log(`  seeded in ${seedSeconds.toFixed(0)} s: ${JSON.stringify(sizes)}`);
    // PGlite allows one process per data folder: the server's from now on.
    if (!POSTGRES) await database.close();

    const baseline = await startBaseline();
    children.push(baseline);
    const server = await startServer({ DATA_DIR: path.join(dataDir, POSTGRES ? 'files' : 'pglite'), DATABASE_URL: databaseUrl ?? '' });
    children.push(server);
    const memory = memoryOf(server.process.pid!);
    const idleRss = memory.last;

    const codeOf = rotation(codes);
    const productOf = rotation(productIds);
    const routes: { label: string; url: string; next: () => string; target?: 'verify' | 'catalogue' | 'product' }[] = [
      { label: 'verification page `/v/<code>`', url: server.url, next: () => `/v/${codeOf()}`, target: 'verify' },
      { label: 'verification JSON `/api/v1/public/verify/<code>`', url: server.url, next: () => `/api/v1/public/verify/${codeOf()}`, target: 'verify' },
      { label: 'catalogue search, mixed (`/san-pham?q=…`)', url: server.url, next: rotation(catalogueMix(communes)), target: 'catalogue' },
      { label: 'catalogue search, 8 popular searches', url: server.url, next: rotation(popularSearches(communes)), target: 'catalogue' },
      { label: 'product page `/san-pham/<id>`', url: server.url, next: () => `/san-pham/${productOf()}`, target: 'product' },
      { label: 'home page `/`', url: server.url, next: () => '/' },
    ];

    const measure = async (label: string, url: string, next: () => string, server = true) => {
      process.stdout.write(`  ${label}… `);
      await load(url, next, WARMUP);
      memory.mark();
      const m = await load(url, next, DURATION);
      const rss = memory.mark();
      if (server) m.rss = rss;
      console.log(`${fmt(m.rps, 0)} req/s, p50 ${fmt(m.p50, 2)} ms, p99 ${fmt(m.p99, 2)} ms (${m.statuses})`);
      return m;
    };
    const before = await measure('baseline (hello world)', baseline.url, () => '/', false);
    const results: { label: string; m: Measure; target?: 'verify' | 'catalogue' | 'product' }[] = [];
    for (const route of routes) results.push({ ...route, m: await measure(route.label, route.url, route.next) });
    const after = await measure('baseline again', baseline.url, () => '/', false);
    const baselineRps = (before.rps + after.rps) / 2;
    memory.stop();

    const verdict = (target: string | undefined, m: Measure) => {
      if (target === 'verify') {
        const ok = m.rps >= TARGETS.verifyRatio * baselineRps;
        return `${ok ? 'PASS' : 'MISS'} (≥ ${TARGETS.verifyRatio} × baseline)`;
      }
      if (target === 'catalogue') return `${m.p99 <= TARGETS.catalogueP99 ? 'PASS' : 'MISS'} (p99 ≤ ${TARGETS.catalogueP99} ms)`;
      if (target === 'product') return `${m.p99 <= TARGETS.productP99 ? 'PASS' : 'MISS'} (p99 ≤ ${TARGETS.productP99} ms)`;
      return '';
    };
    const rows = [
      `| Route | req/s | p50 ms | p99 ms | × baseline req/s | first asks | non-2xx, errors | peak RSS MB | target${POSTGRES ? '' : ' (set for PostgreSQL)'} |`,
      '|---|---:|---:|---:|---:|---:|---:|---:|---|',
      ...[{ label: 'baseline: hello-world Fastify, before', m: before }, ...results, { label: 'baseline: hello-world Fastify, after', m: after }].map(
        ({ label, m, target }: { label: string; m: Measure; target?: string }) =>
          `| ${label} | ${fmt(m.rps, 0)} | ${fmt(m.p50, 2)} | ${fmt(m.p99, 2)} | ${fmt(m.rps / baselineRps, 2)} | ${fmt((100 * m.firstAsks) / m.requests, 0)} % | ${m.failures} | ${m.rss ? mb(m.rss) : '—'} | ${verdict(target, m)} |`,
      ),
    ];
    const s = sizes;
    const body = [
      `${started.toISOString().slice(0, 10)}, \`npm run bench:portal${POSTGRES && (SUBJECTS !== 20_000 || PRODUCTS !== 50_000) ? ` -- ${SUBJECTS} ${PRODUCTS}` : ''}\`${POSTGRES ? ' with `DATABASE_URL`' : ''}.`,
      '',
      `- Machine: ${host}; load average (1 min) ${loadBefore} at start, ${loadAverage()} at the end (other work on the machine counts in it).`,
      `- Database: ${version}${POSTGRES ? '' : ` (PGlite ${pglitePackageVersion()}, in the server process)`}.`,
      `- Data: ${data} — ${thousands(s.producers)} producers, ${thousands(s.products)} products, ${thousands(s.certificates)} certificates on ${thousands(
        s.certified,
      )} products (${thousands(s.in_force)} in force, ${thousands(s.expired)} expired, ${thousands(s.revoked)} revoked, ${thousands(s.superseded)} superseded), ${thousands(
        s.decisions,
      )} decisions, ${thousands(s.photos)} photos, ${thousands(s.dossiers)} dossiers; ${thousands(s.province_certified)} certified products in the deployment province (${PROVINCE}, the home page's). Seeded in ${fmt(seedSeconds, 0)} s.`,
      `- Load: autocannon, ${CONNECTIONS} connections, ${DURATION} s per route after ${WARMUP} s of warm-up, from the benchmark's process; the server (\`ocop serve\`, \`VERIFY_RATE_LIMIT=0\`, \`LOG_LEVEL=warn\`) and the baseline each in their own process on the same machine. Codes and product ids are handed out in a shuffled order; "first asks" is the share of requests for an address not asked before in the run, which the portal's 30-second cache cannot answer.`,
      '',
      ...rows,
      '',
      `Server memory (VmRSS, sampled every 500 ms): ${mb(idleRss)} MB once started, peak ${mb(memory.peak)} MB.`,
    ].join('\n');
    console.log(`\n${rows.join('\n')}\n\nServer memory: ${mb(idleRss)} MB once started, peak ${mb(memory.peak)} MB.`);
    writeResults(`Public portal — ${engine}`, body);
    console.log(`\nWritten to bench/RESULTS.md (## Public portal — ${engine}).`);
  } finally {
    for (const child of children.reverse()) await child.stop();
    await drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

function pglitePackageVersion() {
  const file = path.join(PACKAGE_ROOT, 'node_modules/@electric-sql/pglite/package.json');
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as { version: string }).version : '?';
}

await main();
