/**
 * Mixed load against PostgreSQL with a national-size registry: 50 connections for 60 s of public
 * verification (the QR page and its API), public scoring, product search, sign-ins, back-office reads
 * and writes. Promises: no error at all (429 counted apart, and kept out by giving each simulated
 * citizen their own address, as they would have behind the province's proxy), latency per kind, and
 * the server's memory flat: the heap that survives a full garbage collection once the load has warmed
 * up against the same at its end (resident size is sampled and reported beside it).
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { choicesForTotal, loadShippedVersion } from '../../src/domain/criteria/test-support.js';
import { Client, newAddress } from './support/client.js';
import type { Context } from './support/context.js';
import { withPostgres } from './support/databases.js';
import { certifiedProducts, DEMO, DEMO_PASSWORD } from './support/evaluation.js';
import { drive, percentile, type Kind } from './support/load-driver.js';
import { SEARCHES, seedNationalRegistry } from './support/national.js';
import type { Scenario } from './support/report.js';
import { heapProbeEnv, ServerProcess, sleep } from './support/server.js';

const CONNECTIONS = 50;
const RSS_EVERY_MS = 5_000;
/** The live heap is first measured this long into the load: connection pools, caches and compiled code are in place. */
const WARM_MS = 15_000;
/** Memory counts as flat when the live heap at the end is at most this much above the warmed-up one. */
const HEAP_GROWTH_LIMIT = 0.1;

const anyOf = <T>(xs: readonly T[]) => xs[Math.floor(Math.random() * xs.length)]!;

export async function mixedLoad(ctx: Context, s: Scenario): Promise<void> {
  const size = ctx.options.small ? { subjects: 5_000, products: 12_500 } : { subjects: 20_000, products: 50_000 };
  const { url, dataDir } = await ctx.postgresDatabase('load');
  const seedMs = await seedNationalRegistry(url, size.subjects, size.products);
  const probeFile = ctx.logFile('load-heap');
  const server = await ServerProcess.start({ dataDir, databaseUrl: url, logFile: ctx.logFile('load'), env: heapProbeEnv(probeFile) });
  try {
    const { codes } = await certifiedProducts(server.baseUrl, 'load', 3);
    const { productIds, subjectId } = await withPostgres(url, async (q) => ({
      productIds: (
        await q<{ id: string }>(sql`select p.id::text as id from products p join subjects s on s.id = p.subject_id where s.province_code = '82' limit 2000`)
      ).map((r) => r.id),
      subjectId: (await q<{ id: string }>(sql`select id::text as id from subjects where province_code = '82' and commune_code = '30226' limit 1`))[0]!.id,
    }));
    s.fact(
      `dataset: ${size.subjects.toLocaleString('en')} producers and ${size.products.toLocaleString('en')} products in 34 provinces (seeded in ${(seedMs / 1000).toFixed(1)} s) ` +
        `plus the demo province, ${codes.length} certificates issued through the evaluation cycle`,
    );

    // Back-office users: a few signed-in sessions shared by the connections, as office staff share a building's proxy.
    const sessions = await Promise.all(
      [DEMO.admin, DEMO.admin, DEMO.admin, DEMO.officer, DEMO.officer].map((e) => new Client(server.baseUrl).login(e, DEMO_PASSWORD)),
    );
    const admins = sessions.slice(0, 3);
    const officers = sessions.slice(3);
    const as = (c: Client, extra: Record<string, string> = {}) => ({ cookie: c.cookie!, 'x-csrf-token': c.csrf!, 'x-forwarded-for': c.address, ...extra });
    const citizen = () => ({ 'x-forwarded-for': newAddress() });
    const version = loadShippedVersion('qd26');
    const sheets = Array.from({ length: 60 }, (_, i) => {
      const set = version.sets[i % version.sets.length]!;
      return { version: '26/2026/QĐ-TTg', set: set.number, choices: choicesForTotal(set, 40 + (i % 60)).choices };
    });
    let n = 0;
    const kinds: Kind[] = [
      { name: 'verification page /v/<code>', weight: 12, next: () => ({ method: 'GET', path: `/v/${anyOf(codes)}`, headers: citizen() }) },
      { name: 'verification API', weight: 12, next: () => ({ method: 'GET', path: `/api/v1/public/certificates/${anyOf(codes)}`, headers: citizen() }) },
      { name: 'public scoring', weight: 14, next: () => ({ method: 'POST', path: '/api/v1/scoring/evaluate', headers: citizen(), body: anyOf(sheets) }) },
      {
        name: 'product search',
        weight: 14,
        next: () => ({ method: 'GET', path: `/api/v1/products?q=${encodeURIComponent(anyOf(SEARCHES))}&pageSize=20`, headers: as(anyOf(sessions)) }),
      },
      { name: 'product by id', weight: 10, next: () => ({ method: 'GET', path: `/api/v1/products/${anyOf(productIds)}`, headers: as(anyOf(admins)) }) },
      {
        name: 'producer list page',
        weight: 10,
        next: () => ({ method: 'GET', path: `/api/v1/subjects?page=${1 + Math.floor(Math.random() * 20)}&pageSize=20`, headers: as(anyOf(admins)) }),
      },
      { name: 'dashboard', weight: 2, next: () => ({ method: 'GET', path: `/api/v1/dashboard?year=${new Date().getFullYear()}`, headers: as(anyOf(admins)) }) },
      {
        name: 'create producer',
        weight: 8,
        next: () => ({
          method: 'POST',
          path: '/api/v1/subjects',
          headers: as(anyOf(officers)),
          body: { name: `Hợp tác xã Tải ${++n} ${randomUUID().slice(0, 8)}`, legalForm: 'HTX', communeCode: '30226' },
        }),
      },
      {
        name: 'create product',
        weight: 6,
        next: () => ({
          method: 'POST',
          path: '/api/v1/products',
          headers: as(anyOf(admins)),
          body: { subjectId, name: `Sản phẩm tải ${++n}`, criteriaSetNumber: 1 },
        }),
      },
      {
        name: 'sign-in',
        weight: 2,
        next: () => ({ method: 'POST', path: '/api/v1/auth/login', headers: citizen(), body: { email: DEMO.officer, password: DEMO_PASSWORD } }),
      },
    ];

    const rss: { at: number; mb: number }[] = [];
    const started = Date.now();
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        const mb = server.rssMb();
        if (mb !== null) rss.push({ at: (Date.now() - started) / 1000, mb });
        await sleep(RSS_EVERY_MS);
      }
    })();
    const seconds = ctx.options.loadSeconds;
    const load = drive(server.baseUrl, kinds, CONNECTIONS, seconds);
    await sleep(WARM_MS);
    const warmHeap = await server.liveHeapMb(probeFile);
    const stats = await load;
    // Still under the load's last requests' debris, but with every connection back in the pool.
    const endHeap = await server.liveHeapMb(probeFile);
    sampling = false;
    await sampler;
    const mb = server.rssMb();
    if (mb !== null) rss.push({ at: (Date.now() - started) / 1000, mb });
    const elapsed = (Date.now() - started) / 1000;

    const rows: string[] = [];
    let requests = 0;
    let errors = 0;
    let limited = 0;
    for (const k of stats.values()) {
      const sorted = [...k.latencies].sort((a, b) => a - b);
      const count = [...k.statuses.values()].reduce((a, b) => a + b, 0);
      const bad = [...k.statuses].filter(([st]) => st === 0 || (st >= 400 && st !== 429) || (st >= 300 && st < 400));
      const tooMany = k.statuses.get(429) ?? 0;
      const kindErrors = bad.reduce((a, [, c]) => a + c, 0);
      requests += count;
      errors += kindErrors;
      limited += tooMany;
      rows.push(
        `| ${k.name} | ${count.toLocaleString('en')} | ${kindErrors}${kindErrors ? ` (${bad.map(([st, c]) => `${c}× ${st || k.failures[0]}`).join(', ')})` : ''} | ${tooMany} | ` +
          `${percentile(sorted, 50).toFixed(1)} | ${percentile(sorted, 99).toFixed(1)} | ${(sorted.at(-1) ?? NaN).toFixed(0)} |`,
      );
    }
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
    // The sample taken as the load began is the idle server's: the first window starts under load.
    const first = mean(rss.filter((r) => r.at > 1 && r.at <= 20).map((r) => r.mb));
    const last = mean(rss.filter((r) => r.at >= elapsed - 20).map((r) => r.mb));
    const rssGrowth = (last - first) / first;
    const heapGrowth = warmHeap !== null && endHeap !== null ? (endHeap - warmHeap) / warmHeap : null;

    s.check(errors === 0, `${errors} requests failed`);
    s.check(limited === 0, `${limited} requests were rate-limited (429)`);
    s.check(heapGrowth !== null, 'the server did not report its live heap (heap probe)');
    if (heapGrowth !== null)
      s.check(
        heapGrowth <= HEAP_GROWTH_LIMIT,
        `the live heap grew ${(heapGrowth * 100).toFixed(0)} % from ${WARM_MS / 1000} s into the load to its end (limit ${HEAP_GROWTH_LIMIT * 100} %)`,
      );
    s.fact(
      `${requests.toLocaleString('en')} requests in ${seconds} s at ${CONNECTIONS} connections (${Math.round(requests / seconds)} per second), ${errors} errors, ${limited} rate-limited (429)`,
    );
    const signed = (x: number) => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)} %`;
    s.fact(
      `live heap after a full collection ${warmHeap?.toFixed(0) ?? '?'} MB ${WARM_MS / 1000} s into the load, ${endHeap?.toFixed(0) ?? '?'} MB at its end` +
        (heapGrowth !== null ? ` (${signed(heapGrowth)})` : ''),
    );
    s.fact(`server RSS ${first.toFixed(0)} MB in the first 20 s, ${last.toFixed(0)} MB in the last 20 s (${signed(rssGrowth)})`);
    console.log(rows.map((r) => `    ${r}`).join('\n'));
    s.details.push(
      `**Load, ${seconds} s at ${CONNECTIONS} connections** (PostgreSQL; ${size.subjects.toLocaleString('en')} producers, ${size.products.toLocaleString('en')} products plus the demo province; ` +
        `latencies in ms as the load generator saw them, on the same 2 cores as the server and PostgreSQL):`,
      '',
      '| Kind | Requests | Errors | 429 | p50 | p99 | max |',
      '|---|---|---|---|---|---|---|',
      ...rows,
      `| **all** | **${requests.toLocaleString('en')}** | **${errors}** | **${limited}** | | | |`,
      '',
      `Server resident memory, sampled every ${RSS_EVERY_MS / 1000} s (MB): ${rss.map((r) => r.mb.toFixed(0)).join(', ')}.`,
    );
  } finally {
    await server.kill();
  }
}
