import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { EvidenceLinkBody } from '../../contracts/self-assessments.js';
import { createTestApp, type Client, type Response, type TestApp } from '../../../test/support/app.js';
import { queryRows } from '../db/client.js';
import sharp from 'sharp';
import { SMALL_PDF } from '../../../test/support/evaluation.js';
import { HOSTILE_PARAMS, HUGE, boundaryBodies, bodyArbitrary, queryArbitrary, shapeOf, type Shape } from './contract-arbitraries.js';
import { changes, stateReader, type DatabaseState } from './database-state.js';
import { buildWorld, type ActorKey, type World } from './fixtures.js';
import { MATRIX, type Entry } from './matrix.js';
import { liveRoutes, routeKey, type LiveRoute } from './route-table.js';

// Records every route the application registers, with its schema (see route-table.ts).
vi.mock('fastify', async (importOriginal) => {
  const actual = await importOriginal<typeof import('fastify')>();
  const { recordingFactory } = await import('./route-table.js');
  return { ...actual, default: recordingFactory(actual.default) };
});

/**
 * Property-based fuzzing of every JSON route from its contract, as an actor allowed to call it on
 * real records: hostile bodies, query strings and path parameters. Whatever comes in, the answer is
 * never a 5xx, never carries a stack trace or a path of the server, is a JSON error
 * `{ error: { code, message, fields } }` when it is one, and a 4xx writes nothing.
 *
 * Reproducible: FUZZ_SEED fixes the inputs (printed with every failure), FUZZ_RUNS the random inputs
 * per route besides the fixed boundary cases.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20270620);
const RUNS = Number(process.env.FUZZ_RUNS ?? 12);

/** Routes that read a JSON body without a body schema on the route (they parse it in the handler). */
const PARSED_IN_HANDLER: Record<string, unknown> = { 'POST /api/v1/self-assessments/:id/evidence': EvidenceLinkBody };

/** A 4xx that writes by design: a failed sign-in is counted, to slow down password guessing. */
const WRITES_ON_REFUSAL: Record<string, readonly string[]> = { 'POST /api/v1/auth/login': ['login_attempts', 'audit_log'] };
/**
 * Written by every request to a rate-limited route, refused or not: on PostgreSQL the per-client
 * counters are rows shared by all processes (docs/multi-process.md), and a refused label check
 * must count, or guessing codes would cost nothing.
 */
const COUNTED_ON_EVERY_REQUEST = ['rate_limit_counters'];

/** Who calls a route: the public for a public route, else someone it allows on A's records, the office first. */
const PREFERENCE: readonly ActorKey[] = ['anonymous', 'admin', 'producerA', 'member', 'secretary', 'ministry', 'officerX', 'otherAdmin'];
const callerOf = (entry: Entry): ActorKey | undefined => PREFERENCE.find((a) => entry.ok.includes(a));

const STACK = /\n\s+at |\bat [\w$.<>]+ \(|file:\/\/|node_modules|\/src\/server\/|\.ts:\d+/;

let t: TestApp;
let w: World;
let readState: () => Promise<DatabaseState>;
const now = new Date('2027-06-20T03:00:00Z');

beforeAll(async () => {
  t = await createTestApp({ clock: () => now });
  w = await buildWorld(t);
  readState = await stateReader((text) => queryRows(t.database.db, sql.raw(text)));
}, 120_000);
afterAll(() => t?.close());

/** A per-route seed: adding a route does not change the inputs of the others. */
function seedOf(key: string) {
  let h = SEED | 0;
  for (const ch of key) h = (Math.imul(h, 31) + ch.charCodeAt(0)) | 0;
  return h;
}

let address = 0;
type Input = { json: unknown } | { raw: string } | { multipart: { payload: Buffer | string; contentType: string; what: string } } | undefined;

/** Sends from an address of its own each time, so rate limits (per address) never answer instead of the route. */
function fire(c: Client, method: string, url: string, input: Input): Promise<Response> {
  address += 1;
  const remoteAddress = `10.77.${(address >> 8) & 255}.${address & 255}`;
  if (input === undefined) return c.request(method as 'GET', url, method === 'GET' || method === 'DELETE' ? undefined : {}, { remoteAddress });
  if ('multipart' in input)
    return c.request(method as 'POST', url, input.multipart.payload, { remoteAddress, headers: { 'content-type': input.multipart.contentType } });
  if ('raw' in input) return c.request(method as 'POST', url, input.raw, { remoteAddress, headers: { 'content-type': 'application/json' } });
  return c.request(method as 'POST', url, input.json as object, { remoteAddress });
}

const show = (input: Input) => {
  const text = input === undefined ? '' : 'multipart' in input ? `multipart: ${input.multipart.what}` : 'raw' in input ? input.raw : JSON.stringify(input.json);
  return (text ?? 'undefined').length > 160 ? `${text.slice(0, 160)}… (${text.length} chars)` : text;
};

/** An accepted import is checked (or committed) in the background: wait, so its writes are not taken for the next request's. */
async function settle(c: Client, res: Response) {
  if (res.status !== 202 || typeof res.body?.id !== 'string') return;
  for (let i = 0; i < 250; i++) {
    const job = await c.get(`/api/v1/imports/${res.body.id}`);
    if (!['validating', 'committing'].includes(job.body?.status)) return;
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** What is wrong with an answer, if anything. `page`: a route answering HTML to people (the printed label's page). */
function problems(res: Response, page: boolean): string[] {
  const out: string[] = [];
  if (res.status >= 500) out.push(`status ${res.status}`);
  if (res.status >= 400) {
    const text = typeof res.body === 'string' ? res.body : JSON.stringify(res.body);
    if (STACK.test(text)) out.push('stack trace or server path in the body');
    const e = typeof res.body === 'object' ? res.body?.error : undefined;
    if (!page && (!e || typeof e.code !== 'string' || typeof e.message !== 'string' || typeof e.fields !== 'object'))
      out.push(`not a JSON error { error: { code, message, fields } } (${String(res.headers['content-type']).split(';')[0]})`);
  }
  return out;
}

/** Failures grouped by kind (what went wrong, with which error code), each with its routes and a first example. */
type Report = { failures: Map<string, { routes: Set<string>; example: string }>; requests: number; statuses: Map<string, number> };

/** Sends each input, checks each answer, and notes the first example of each kind of failure. */
async function probe(report: Report, route: LiveRoute, caller: ActorKey, inputs: { url: string; input: Input }[]) {
  const key = routeKey(route);
  let state = await readState();
  for (const [run, { url, input }] of inputs.entries()) {
    const res = await fire(w.clients[caller], route.method, url, input);
    report.requests++;
    await settle(w.clients[caller], res);
    const after = await readState();
    const found = problems(res, !route.url.startsWith('/api/'));
    if (res.status >= 400 && res.status < 500) {
      const allowed = [...COUNTED_ON_EVERY_REQUEST, ...(WRITES_ON_REFUSAL[key] ?? [])];
      const wrote = changes(state, after).filter((c) => !allowed.some((table) => c.startsWith(`${table}:`)));
      if (wrote.length) found.push(`${res.status} but wrote ${wrote.join(', ')}`);
    }
    state = after;
    const bucket = `${Math.floor(res.status / 100)}xx`;
    report.statuses.set(bucket, (report.statuses.get(bucket) ?? 0) + 1);
    for (const p of found) {
      const kind = `${p} [${res.status} ${res.body?.error?.code ?? res.body?.code ?? ''}]`;
      const seen = report.failures.get(kind) ?? { routes: new Set<string>(), example: '' };
      if (!seen.example)
        seen.example = `${key} as ${caller}, seed ${seedOf(key)} input ${run}: ${route.method} ${url.slice(0, 100)} ${show(input)} → ${JSON.stringify(res.body).slice(0, 200)}`;
      seen.routes.add(key);
      if (process.env.FUZZ_VERBOSE) console.info(`${kind} ${key}: ${show(input)}`);
      report.failures.set(kind, seen);
    }
  }
}

const fuzzable = () =>
  liveRoutes()
    .map((route) => ({ route, entry: MATRIX[routeKey(route)] }))
    .filter((r): r is { route: LiveRoute; entry: Entry } => r.entry !== undefined && callerOf(r.entry) !== undefined)
    .sort((a, b) => routeKey(a.route).localeCompare(routeKey(b.route)));

const ids = () => Object.values(w.ids).flat();

async function run(
  name: string,
  select: (route: LiveRoute) => { shape: Shape | null } | null,
  inputsOf: (r: { route: LiveRoute; entry: Entry; shape: Shape | null }) => { url: string; input: Input }[],
) {
  const started = Date.now();
  const report: Report = { failures: new Map(), requests: 0, statuses: new Map() };
  let routes = 0;
  for (const { route, entry } of fuzzable()) {
    const chosen = select(route);
    if (!chosen) continue;
    routes++;
    await probe(report, route, callerOf(entry)!, inputsOf({ route, entry, shape: chosen.shape }));
  }
  const statuses = [...report.statuses].sort().map(([k, n]) => `${k} ${n}`);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.info(`fuzz ${name}: ${routes} routes, ${report.requests} requests (${statuses.join(', ')}) in ${seconds} s (FUZZ_SEED=${SEED}, FUZZ_RUNS=${RUNS})`);
  return [...report.failures].map(([kind, { routes, example }]) => `${kind} on ${routes.size} route(s), e.g. ${example}`);
}

/** Multipart routes: the text fields each reads (a valid value each), the file field and a file it accepts. */
const MULTIPART: Record<string, { fields: (w: World) => Record<string, string>; fileField: string; file: () => Promise<{ name: string; data: Buffer }> }> = {
  'POST /api/v1/products/:id/photos': { fields: () => ({}), fileField: 'file', file: async () => ({ name: 'anh.png', data: await png() }) },
  'POST /api/v1/trade-events/:id/photos': { fields: () => ({}), fileField: 'file', file: async () => ({ name: 'hoi-cho.png', data: await png() }) },
  'POST /api/v1/self-assessments/:id/evidence': { fields: () => ({ criterionCode: '1.1' }), fileField: 'file', file: pdf('bang-chung.pdf') },
  'POST /api/v1/subjects/:id/documents': {
    fields: (w) => ({
      type: 'test_report',
      title: 'Phiếu kiểm nghiệm',
      number: '12/KN',
      issuedOn: '2027-01-02',
      validUntil: '2028-01-02',
      productId: w.ids.productA1,
    }),
    fileField: 'file',
    file: pdf('kiem-nghiem.pdf'),
  },
  'POST /api/v1/councils/:id/rules': { fields: () => ({}), fileField: 'file', file: pdf('quy-che.pdf') },
  'POST /api/v1/council-sessions/:id/dossiers/:dossierId/paper-sheets': {
    fields: (w) => ({ memberId: w.ids.memberIds[4]!, choices: '{"1.1":1}', case: '', disqualifiedReason: '', declaration: '{"hasConflict":false}' }),
    fileField: 'scan',
    file: pdf('phieu.pdf'),
  },
  'POST /api/v1/imports': {
    fields: () => ({}),
    fileField: 'files',
    file: async () => ({ name: 'lich-su.csv', data: Buffer.from('Mã chủ thể,Tên chủ thể\nCT9,Hợp tác xã\n') }),
  },
};
function pdf(name: string) {
  return async () => ({ name, data: SMALL_PDF });
}
async function png() {
  return sharp({ create: { width: 8, height: 8, channels: 3, background: '#123456' } })
    .png()
    .toBuffer();
}

const BOUNDARY = '----ocopfuzz';
const part = (name: string, value: string) => Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`);
const filePart = (field: string, file: { name: string; data: Buffer }) =>
  Buffer.concat([
    Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="${field}"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    file.data,
    Buffer.from('\r\n'),
  ]);
const END = Buffer.from(`--${BOUNDARY}--\r\n`);
const MULTIPART_TYPE = `multipart/form-data; boundary=${BOUNDARY}`;

/** Hostile multipart requests for a route: each field set to each hostile value, and broken envelopes. */
function multipartInputs(fields: Record<string, string>, fileField: string, file: { name: string; data: Buffer }) {
  const body = (f: Record<string, string>, parts: Buffer[] = [filePart(fileField, file)]) =>
    Buffer.concat([...Object.entries(f).map(([k, v]) => part(k, v)), ...parts, END]);
  const values = ['\u0000', 'a\u0000b', '\ud800', '\u202e\u0301\u0301👨‍👩‍👧', 'a'.repeat(HUGE), '', '{"hasConflict":"\u0000"}', '[]', 'null'];
  const inputs: { payload: Buffer | string; contentType: string; what: string }[] = [
    { payload: body(fields), contentType: MULTIPART_TYPE, what: 'valid' },
    ...Object.keys(fields).flatMap((k) =>
      values.map((v) => ({ payload: body({ ...fields, [k]: v }), contentType: MULTIPART_TYPE, what: `${k}=${show({ raw: v })}` })),
    ),
    { payload: body(fields, []), contentType: MULTIPART_TYPE, what: 'no file' },
    { payload: body(fields, [filePart(fileField, { name: file.name, data: Buffer.alloc(0) })]), contentType: MULTIPART_TYPE, what: 'empty file' },
    {
      payload: body(fields, [filePart(fileField, { name: 'x'.repeat(10_000) + '.pdf', data: file.data })]),
      contentType: MULTIPART_TYPE,
      what: 'long file name',
    },
    {
      payload: body(fields, [filePart(fileField, { name: '../../\u202e\u0301👨‍👩‍👧.pdf', data: file.data })]),
      contentType: MULTIPART_TYPE,
      what: 'file name with ../ and marks',
    },
    { payload: body(fields, [filePart(fileField, { name: 'a\u0000b.pdf', data: file.data })]), contentType: MULTIPART_TYPE, what: 'file name with NUL' },
    { payload: body(fields, [filePart(fileField, file), filePart(fileField, file)]), contentType: MULTIPART_TYPE, what: 'two files' },
    {
      payload: body({ ...fields, ...Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`extra${i}`, 'x'])) }),
      contentType: MULTIPART_TYPE,
      what: 'too many fields',
    },
    { payload: body(fields).subarray(0, body(fields).length - END.length - 10), contentType: MULTIPART_TYPE, what: 'truncated' },
    { payload: body(fields), contentType: 'multipart/form-data', what: 'no boundary' },
    { payload: body(fields), contentType: 'multipart/form-data; boundary=other', what: 'wrong boundary' },
    { payload: '{"criterionCode":"1.1","url":"https://example.vn"}', contentType: 'application/json', what: 'JSON instead' },
    { payload: 'x=1', contentType: 'application/x-www-form-urlencoded', what: 'form-encoded' },
  ];
  return inputs;
}

describe('hostile input never breaks the server', () => {
  it('answers hostile JSON bodies on every route with a body contract', { timeout: 300_000 }, async () => {
    const failures = await run(
      'bodies',
      (route) => {
        const contract = route.schema?.body ?? PARSED_IN_HANDLER[routeKey(route)];
        return contract && route.method !== 'GET' ? { shape: shapeOf(contract, ids()) } : null;
      },
      ({ route, entry, shape }) => {
        const url = entry.path(w);
        const seed = seedOf(routeKey(route));
        const sampled = fc.sample(bodyArbitrary(shape!), { seed, numRuns: RUNS });
        return [...boundaryBodies(shape!, seed), ...sampled].map((input) => ({ url, input }));
      },
    );
    expect(failures).toEqual([]);
  });

  it('answers hostile query strings on every route with a query contract', { timeout: 300_000 }, async () => {
    const failures = await run(
      'query strings',
      (route) => (route.schema?.querystring && route.method === 'GET' ? { shape: shapeOf(route.schema.querystring, ids()) } : null),
      ({ route, entry, shape }) => {
        const base = entry.path(w).split('?')[0]!;
        const seed = seedOf(routeKey(route));
        return fc.sample(queryArbitrary(shape!), { seed, numRuns: RUNS * 2 }).map((q) => ({ url: `${base}?${q}`, input: undefined }));
      },
    );
    expect(failures).toEqual([]);
  });

  /** Fastify's router answers a malformed or overlong path segment itself, before the application's error handler. */
  const ROUTER = /\[\d+ FST_ERR_(BAD_URL|MAX_PARAM_LENGTH)\]/;
  let paths: Promise<string[]> | undefined;
  const pathFailures = () =>
    (paths ??= run(
      'path parameters',
      (route) => (route.url.includes(':') ? { shape: null } : null),
      ({ route, entry }) => {
        const actual = entry.path(w).split('?')[0]!.split('/');
        const template = route.url.split('/');
        return template.flatMap((segment, i) =>
          segment.startsWith(':') ? HOSTILE_PARAMS.map((value) => ({ url: actual.map((s, j) => (j === i ? value : s)).join('/'), input: undefined })) : [],
        );
      },
    ));

  it('answers hostile path parameters on every route with one', { timeout: 300_000 }, async () => {
    expect((await pathFailures()).filter((f) => !ROUTER.test(f))).toEqual([]);
  });

  it('answers a malformed or overlong path segment with the JSON error shape too, without echoing the path', { timeout: 300_000 }, async () => {
    expect((await pathFailures()).filter((f) => ROUTER.test(f))).toEqual([]);
  });

  it('answers hostile and broken multipart uploads on every upload route', { timeout: 300_000 }, async () => {
    const started = Date.now();
    const report: Report = { failures: new Map(), requests: 0, statuses: new Map() };
    let routes = 0;
    for (const { route, entry } of fuzzable()) {
      const spec = MULTIPART[routeKey(route)];
      if (!spec) continue;
      routes++;
      const url = entry.path(w);
      const inputs = multipartInputs(spec.fields(w), spec.fileField, await spec.file());
      await probe(
        report,
        route,
        callerOf(entry)!,
        inputs.map((i) => ({ url, input: { multipart: i } })),
      );
    }
    const missing = liveRoutes()
      .filter((r) => (r.schema as { consumes?: string[] } | undefined)?.consumes?.includes('multipart/form-data') && !MULTIPART[routeKey(r)])
      .map(routeKey);
    expect(missing, 'upload routes without multipart cases').toEqual([]);
    const statuses = [...report.statuses].sort().map(([k, n]) => `${k} ${n}`);
    console.info(`fuzz multipart: ${routes} routes, ${report.requests} requests (${statuses.join(', ')}) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    expect([...report.failures].map(([kind, { routes: r, example }]) => `${kind} on ${r.size} route(s), e.g. ${example}`)).toEqual([]);
  });
});
