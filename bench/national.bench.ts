/**
 * The platform at national scale. Run: npm run bench (with the scoring engine's benchmark), or
 * `node --import tsx bench/national.bench.ts [--only=postgres|pglite]`; BENCH_DURATION=<seconds>
 * shortens each measurement (default 10).
 *
 * PostgreSQL (DATABASE_URL names a server and a database to connect to for creating a new one;
 * default postgres://postgres@127.0.0.1:5432/postgres): a new database filled by
 * `ocop seed --scale national` — 34 provinces, 20,000 producers, 50,000 products, 120,000 dossiers,
 * 600,000 score sheets, 40,000 certificates — then the server as deployed (`ocop serve`, the label
 * check's limit off, BACKGROUND_WORK=off with an `ocop worker` beside it) and, in another process, a
 * hello-world Fastify route as the baseline. Each route
 * is loaded with autocannon at 10 and then 50 connections; the annual reports and an import of a
 * 10,000-row workbook are timed as a user waits for them. PGlite: the same with
 * `ocop seed --scale province` in a data folder.
 *
 * The benchmark touches the platform only as an operator and its users do — the `ocop` commands and
 * HTTP — and writes its sections of bench/RESULTS.md.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import pg from 'pg';
import { PACKAGE_ROOT } from '../src/server/config.js';
import {
  cpuMeter,
  fmt,
  measure,
  loadAverage,
  machine,
  mb,
  memoryOf,
  pglitePackageVersion,
  rotation,
  startBaseline,
  startServer,
  startWorker,
  thousands,
  writeResults,
  type Child,
  type Measure,
} from './support/load.js';
import { catalogueMix } from './support/portal-paths.js';

const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const WARMUP = DURATION >= 10 ? 2 : 1;
const LEVELS = [10, 50] as const;
const PROVINCE = '82';
const REPORT_YEAR = 2025;
const SEED = 2026;
const PASSWORD = 'bench-password-2026';
const ADMIN_URL = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const only = process.argv.find((a) => a.startsWith('--only='))?.split('=')[1];

/** The issue's targets on PostgreSQL with the national data (docs/performance.md). */
const TARGETS = {
  listP99: 50,
  provinceDashboardP99: 100,
  nationalDashboardP99: 200,
  nationalReportMs: 1_000,
  importMs: 10_000,
  rssMb: 300,
};

/** The seeded stream that shuffles the addresses each route asks for: the same order on every run. */
const random = (() => {
  let a = SEED;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
})();

// ---------------------------------------------------------------------------------------------
// The `ocop` command, as an operator runs it.

function ocop(args: string[], env: Record<string, string>, quiet = false): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/ocop.js', ...args], {
      cwd: PACKAGE_ROOT,
      env: { ...process.env, NODE_ENV: '', PUBLIC_URL: '', ...env },
      stdio: ['ignore', quiet ? 'ignore' : 'inherit', 'inherit'],
    });
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`ocop ${args.join(' ')} exited with ${code}`))));
  });
}

// ---------------------------------------------------------------------------------------------
// HTTP as a signed-in user.

async function signIn(baseUrl: string, email: string): Promise<Record<string, string>> {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  if (!res.ok) throw new Error(`Signing in as ${email}: ${res.status} ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .find((c) => c.startsWith('ocop_session='))!
    .split(';')[0]!;
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie, 'x-csrf-token': csrfToken };
}

async function getJson<T>(baseUrl: string, url: string, headers: Record<string, string> = {}): Promise<T> {
  const res = await fetch(baseUrl + url, { headers });
  if (!res.ok) throw new Error(`GET ${url}: ${res.status} ${(await res.text()).slice(0, 300)}`);
  return (await res.json()) as T;
}

/** The time a user waits for one answer: the median of `times` requests made one after another. */
async function waited(baseUrl: string, url: string, headers: Record<string, string>, times = 5) {
  const ms: number[] = [];
  let bytes = 0;
  for (let i = 0; i < times; i++) {
    const started = performance.now();
    const res = await fetch(baseUrl + url, { headers });
    const body = Buffer.from(await res.arrayBuffer());
    if (!res.ok) throw new Error(`GET ${url}: ${res.status} ${body.toString().slice(0, 300)}`);
    ms.push(performance.now() - started);
    bytes = body.length;
  }
  ms.sort((a, b) => a - b);
  return { median: ms[Math.floor(ms.length / 2)]!, first: ms[0]!, bytes };
}

// ---------------------------------------------------------------------------------------------
// The 10,000-row workbook: 2,000 producers, 4,000 products, 4,000 results, in the import's template.

async function importWorkbook(communes: string[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const subjects = book.addWorksheet('Chủ thể');
  subjects.addRow(['Mã chủ thể', 'Tên chủ thể', 'Loại hình', 'Mã xã', 'Địa chỉ', 'Mã số thuế']);
  const products = book.addWorksheet('Sản phẩm');
  products.addRow(['Mã sản phẩm', 'Mã chủ thể', 'Tên sản phẩm', 'Bộ sản phẩm']);
  const results = book.addWorksheet('Kết quả đánh giá');
  results.addRow(['Mã sản phẩm', 'Năm', 'Cấp đánh giá', 'Loại đánh giá', 'Điểm', 'Hạng sao', 'Số quyết định', 'Ngày quyết định']);
  const kinds = ['Gạo', 'Mật ong', 'Trà', 'Nước mắm', 'Bánh phồng tôm', 'Xoài sấy', 'Hạt sen', 'Khô cá', 'Kẹo dừa', 'Tinh dầu'];
  const sets = [1, 1, 2, 1, 1, 1, 1, 1, 1, 22];
  for (let s = 1; s <= 2_000; s++) {
    const code = `NK${String(s).padStart(5, '0')}`;
    subjects.addRow([code, `Hợp tác xã Nhập Khẩu Số ${s}`, 'HTX', communes[s % communes.length], `Ấp ${1 + (s % 9)}`, null]);
    for (let k = 0; k < 2; k++) {
      const kind = (s * 2 + k) % kinds.length;
      const product = `NKSP${String(s * 2 + k).padStart(6, '0')}`;
      products.addRow([product, code, `${kinds[kind]} Nhập Khẩu ${s}-${k + 1}`, sets[kind]]);
      const points = 50 + ((s * 7 + k * 13) % 40);
      const star = points >= 70 ? 4 : 3;
      results.addRow([product, 2019 + ((s + k) % 6), 'Tỉnh', 'Lần đầu', points, star, `${100 + (s % 50)}/QĐ-UBND`, '15/09/2024']);
    }
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

async function timeImport(baseUrl: string, headers: Record<string, string>, workbook: Buffer) {
  const form = new FormData();
  form.append('files', new Blob([new Uint8Array(workbook)]), 'nhap-10000-dong.xlsx');
  const started = performance.now();
  const upload = await fetch(`${baseUrl}/api/v1/imports`, { method: 'POST', headers, body: form });
  if (upload.status !== 202) throw new Error(`Upload: ${upload.status} ${await upload.text()}`);
  const { id } = (await upload.json()) as { id: string };
  const until = async (statuses: string[]) => {
    for (;;) {
      const job = await getJson<{ status: string; problems: unknown[] }>(baseUrl, `/api/v1/imports/${id}`, headers);
      if (statuses.includes(job.status)) return job;
      if (['invalid', 'failed'].includes(job.status)) throw new Error(`The import ended ${job.status}: ${JSON.stringify(job.problems).slice(0, 500)}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  };
  await until(['validated']);
  const checked = performance.now();
  const commit = await fetch(`${baseUrl}/api/v1/imports/${id}/commit`, { method: 'POST', headers });
  if (commit.status !== 202) throw new Error(`Commit: ${commit.status} ${await commit.text()}`);
  await until(['committed']);
  const done = performance.now();
  return { checkMs: checked - started, commitMs: done - checked, totalMs: done - started };
}

// ---------------------------------------------------------------------------------------------

/** A p99 target, or a share of the baseline's throughput (by requests per second and by CPU per answer). */
function targetVerdict(target: { p99: number } | { ratio: number }, m: Measure, baseline: Measure) {
  if ('p99' in target) return `${m.p99 <= target.p99 ? 'PASS' : 'MISS'} (p99 ≤ ${target.p99} ms)`;
  const byRps = m.rps >= target.ratio * baseline.rps;
  const byCpu = baseline.cpuUs! / m.cpuUs! >= target.ratio;
  return `${byRps ? 'PASS' : 'MISS'} by req/s, ${byCpu ? 'PASS' : 'MISS'} by CPU per answer (≥ ${target.ratio} × baseline)`;
}

type Route = { label: string; next: () => string; headers?: Record<string, string>; target?: { p99: number } | { ratio: number } };
type Row = { label: string; connections: number; m: Measure; target?: string };

async function run(engine: 'PostgreSQL' | 'PGlite') {
  const postgres = engine === 'PostgreSQL';
  const started = new Date();
  const host = machine();
  const loadBefore = loadAverage();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ocop-national-bench-'));
  const name = `ocop_bench_national_${Date.now()}`;
  const admin = postgres ? new pg.Client({ connectionString: ADMIN_URL }) : null;
  const children: Child[] = [];
  try {
    let env: Record<string, string> = { DATA_DIR: dataDir, DATABASE_URL: '', PROVINCE_CODE: PROVINCE };
    let version = `PGlite ${pglitePackageVersion()}`;
    if (admin) {
      await admin.connect();
      await admin.query(`create database ${name}`);
      const url = new URL(ADMIN_URL);
      url.pathname = `/${name}`;
      env = { ...env, DATABASE_URL: url.toString() };
      version = ((await admin.query<{ v: string }>('select version() as v')).rows[0]!.v.split(' on ')[0] ?? '').split(',')[0]!;
    }
    const scale = postgres ? 'national' : 'province';
    console.log(`\n== ${engine}: ocop seed --scale ${scale} --seed ${SEED}`);
    const seedStarted = Date.now();
    await ocop(['seed', '--scale', scale, '--seed', String(SEED)], env);
    const seedSeconds = (Date.now() - seedStarted) / 1000;
    await ocop(['user', 'create', '--email', 'bench.tinh@ocop.test', '--role', 'admin', '--password', PASSWORD, '--province', PROVINCE], env, true);
    await ocop(['user', 'create', '--email', 'bench.bo@ocop.test', '--role', 'admin', '--password', PASSWORD, '--province', 'none'], env, true);

    const baseline = await startBaseline();
    children.push(baseline);
    // PostgreSQL as a national deployment runs it: the imports' checks and commits (and the outbox,
    // the reminders) in `ocop worker`, so that the web process never reads a workbook nor holds its rows.
    const server = await startServer(postgres ? { ...env, BACKGROUND_WORK: 'off' } : env);
    children.push(server);
    const worker = postgres ? await startWorker(env) : undefined;
    if (worker) children.push(worker);
    const memory = memoryOf(server.process.pid!);
    const workerMemory = worker ? memoryOf(worker.process.pid!) : undefined;
    const idleRss = memory.last;
    const office = await signIn(server.url, 'bench.tinh@ocop.test');
    const ministry = await signIn(server.url, 'bench.bo@ocop.test');

    // What the routes ask for, read through the API as the users would find it.
    const figures = await getJson<{ total: number; items: { id: string }[] }>(server.url, '/api/v1/public/products?pageSize=100');
    const productIds = figures.items.map((p) => p.id);
    const codes: string[] = [];
    for (let page = 1; page <= 5; page++) {
      const list = await getJson<{ items: { verificationCode: string }[] }>(server.url, `/api/v1/certificates?pageSize=200&page=${page}`, ministry);
      codes.push(...list.items.map((c) => c.verificationCode));
    }
    const communes = (await getJson<{ code: string }[]>(server.url, `/api/v1/provinces/${PROVINCE}/communes`)).map((c) => c.code);
    const counts = {
      products: (await getJson<{ total: number }>(server.url, '/api/v1/products?pageSize=1', ministry)).total,
      dossiers: (await getJson<{ total: number }>(server.url, '/api/v1/dossiers?pageSize=1', ministry)).total,
      certificates: (await getJson<{ total: number }>(server.url, '/api/v1/certificates?pageSize=1', ministry)).total,
      provinceProducts: (await getJson<{ total: number }>(server.url, '/api/v1/products?pageSize=1', office)).total,
      certified: figures.total,
    };
    console.log(`  data: ${JSON.stringify(counts)}; seeded in ${seedSeconds.toFixed(0)} s`);

    const codeOf = rotation(codes, random);
    const productOf = rotation(productIds, random);
    const productLists = rotation(
      ['', '&q=gao', `&q=${encodeURIComponent('mật ong')}`, '&star=4', '&criteriaSetNumber=1', `&communeCode=${communes[0]}`, '&status=active'].flatMap(
        (filter) => [1, 2, 3, 10].map((page) => `/api/v1/products?page=${page}&pageSize=20${filter}`),
      ),
      random,
    );
    const dossierLists = rotation(
      ['', '&state=submitted', '&state=decided', '&kind=rerating', `&communeCode=${communes[1] ?? communes[0]}`, '&q=tra'].flatMap((filter) =>
        [1, 2, 5].map((page) => `/api/v1/dossiers?page=${page}&pageSize=20${filter}`),
      ),
      random,
    );
    const routes: Route[] = [
      { label: 'label check JSON `/api/v1/public/verify/<code>`', next: () => `/api/v1/public/verify/${codeOf()}`, target: { ratio: 0.5 } },
      { label: 'catalogue search, mixed (`/san-pham?q=…`)', next: rotation(catalogueMix(communes), random), target: { p99: 20 } },
      { label: 'product page `/san-pham/<id>`', next: () => `/san-pham/${productOf()}`, target: { p99: 30 } },
      { label: 'product list, signed in (province office)', next: productLists, headers: office, target: { p99: TARGETS.listP99 } },
      { label: 'dossier list, signed in (province office)', next: dossierLists, headers: office, target: { p99: TARGETS.listP99 } },
      {
        label: `province dashboard \`/api/v1/dashboard?year=${REPORT_YEAR}\``,
        next: () => `/api/v1/dashboard?year=${REPORT_YEAR}`,
        headers: office,
        target: { p99: TARGETS.provinceDashboardP99 },
      },
      { label: 'certificates due for re-rating (work list)', next: () => '/api/v1/certificates/worklist', headers: office, target: { p99: TARGETS.listP99 } },
      { label: 'national dashboard (ministry)', next: () => '/api/v1/indicators/national', headers: ministry, target: { p99: TARGETS.nationalDashboardP99 } },
    ];

    const serverWatch = { cpu: [cpuMeter([server.process.pid!]), ...(postgres ? [cpuMeter('postgres')] : [])], memory };
    const baselineWatch = { cpu: [cpuMeter([baseline.process.pid!])] };
    const run = { seconds: DURATION, warmup: WARMUP };
    const rows: Row[] = [];
    for (const connections of LEVELS) {
      const before = await measure('baseline (hello world)', baseline.url, () => '/', { ...run, connections, watch: baselineWatch });
      rows.push({ label: 'baseline: hello-world Fastify', connections, m: before });
      for (const route of routes) {
        const m = await measure(route.label, server.url, route.next, { ...run, connections, headers: route.headers, watch: serverWatch });
        const target = connections === 10 && route.target ? targetVerdict(route.target, m, before) : '';
        // Not one answer in the whole measurement is no better than timeouts.
        const noTimeouts = connections === 50 ? `${m.timeouts === 0 && m.requests > 0 ? 'PASS' : 'MISS'} (no timeouts)` : '';
        rows.push({ label: route.label, connections, m, target: [target, noTimeouts].filter(Boolean).join('; ') });
      }
    }
    const baselineOf = (level: number) => rows.find((r) => r.connections === level && r.label.startsWith('baseline'))!.m;

    console.log('  reports and import…');
    const nationalReport = await waited(server.url, `/api/v1/reports/annual?year=${REPORT_YEAR}`, ministry);
    const provinceReport = await waited(server.url, `/api/v1/reports/annual?year=${REPORT_YEAR}&format=docx`, office);
    const imported = await timeImport(server.url, office, await importWorkbook(communes));
    memory.stop();
    workerMemory?.stop();
    const verdict = (ok: boolean, text: string) => `${ok ? 'PASS' : 'MISS'} (${text})`;

    const table = [
      '| Route | connections | req/s | p50 ms | p99 ms | × baseline req/s | CPU µs per answer | × baseline by CPU | timeouts | non-2xx, errors | peak RSS MB | target |',
      '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|',
      ...rows.map(
        ({ label, connections, m, target }) =>
          `| ${label} | ${connections} | ${fmt(m.rps, 0)} | ${fmt(m.p50, 2)} | ${fmt(m.p99, 2)} | ${fmt(m.rps / baselineOf(connections).rps, 3)} | ${fmt(m.cpuUs!, 0)} | ${fmt(baselineOf(connections).cpuUs! / m.cpuUs!, 3)} | ${m.timeouts} | ${m.failures} | ${m.rss ? mb(m.rss) : '—'} | ${target ?? ''} |`,
      ),
    ];
    const waits = [
      '| Waited for | time | target |',
      '|---|---:|---|',
      `| national annual report, JSON (ministry; median of 5, first ${fmt(nationalReport.first, 0)} ms) | ${fmt(nationalReport.median, 0)} ms | ${verdict(nationalReport.median <= TARGETS.nationalReportMs, `≤ ${TARGETS.nationalReportMs} ms`)} |`,
      `| province annual report, Word (${Math.round(provinceReport.bytes / 1024)} KB; median of 5) | ${fmt(provinceReport.median, 0)} ms |  |`,
      `| import of a 10,000-row workbook: checked and previewed | ${fmt(imported.checkMs / 1000, 1)} s |  |`,
      `| import of a 10,000-row workbook: committed (2,000 producers, 4,000 products, 4,000 results) | ${fmt(imported.commitMs / 1000, 1)} s |  |`,
      `| import of a 10,000-row workbook: upload to committed | ${fmt(imported.totalMs / 1000, 1)} s | ${verdict(imported.totalMs <= TARGETS.importMs, `≤ ${TARGETS.importMs / 1000} s`)} |`,
      `| \`ocop seed --scale ${scale}\` | ${fmt(seedSeconds, 0)} s | ${postgres ? verdict(seedSeconds <= 300, '≤ 5 min') : ''} |`,
    ];
    const body = [
      `${started.toISOString().slice(0, 10)}, \`npm run bench\` (bench/national.bench.ts).`,
      '',
      `- Machine: ${host}; load average (1 min) ${loadBefore} at start, ${loadAverage()} at the end.`,
      `- Database: ${version}${postgres ? '' : ', in the server process'}.`,
      `- Data: \`ocop seed --scale ${scale} --seed ${SEED}\` — ${thousands(counts.products)} products, ${thousands(counts.dossiers)} dossiers, ${thousands(
        counts.certificates,
      )} certificates in the country; ${thousands(counts.provinceProducts)} products in the deployment province (${PROVINCE}), ${thousands(counts.certified)} certified products in its public catalogue.`,
      `- Load: autocannon at ${LEVELS.join(' and ')} connections, ${DURATION} s per route after ${WARMUP} s of warm-up, from the benchmark's process; the server (\`ocop serve\`, \`VERIFY_RATE_LIMIT=0\`, \`LOG_LEVEL=warn\`${
        worker ? ', `BACKGROUND_WORK=off` with one `ocop worker` beside it for the import' : ''
      }) and the baseline each in their own process on the same machine. Signed-in routes as the province's office, the national ones as the ministry. "CPU µs per answer": CPU time of the server process${postgres ? ' and the PostgreSQL server processes' : ''} per answer during the measurement (from /proc), against the baseline process's.`,
      '',
      ...table,
      '',
      ...waits,
      '',
      `Server memory (VmRSS, sampled every 500 ms): ${mb(idleRss)} MB once started, peak ${mb(memory.peak)} MB — ${verdict(memory.peak / 1_048_576 <= TARGETS.rssMb, `≤ ${TARGETS.rssMb} MB`)}.`,
      ...(workerMemory ? ['', `Worker memory (\`ocop worker\`, the import's check and commit): peak ${mb(workerMemory.peak)} MB.`] : []),
    ].join('\n');
    console.log(
      `\n${table.join('\n')}\n\n${waits.join('\n')}\n\nServer memory: ${mb(idleRss)} MB once started, peak ${mb(memory.peak)} MB.` +
        (workerMemory ? ` Worker: peak ${mb(workerMemory.peak)} MB.` : ''),
    );
    writeResults(postgres ? 'National scale — PostgreSQL' : 'Province scale — PGlite', body);
  } finally {
    for (const child of children.reverse()) await child.stop();
    if (admin) {
      await admin.query(`drop database if exists ${name} with (force)`).catch(() => undefined);
      await admin.end();
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function postgresReachable() {
  const client = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

if (only !== 'pglite') {
  if (await postgresReachable()) await run('PostgreSQL');
  else console.log(`No PostgreSQL server at ${ADMIN_URL}: the national run is skipped (set DATABASE_URL).`);
}
if (only !== 'postgres') await run('PGlite');
