import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { checkRouteAccess, type Role, type UserActor } from '../../domain/policies/index.js';
import { createTestApp, type Response, type TestApp } from '../../../test/support/app.js';
import { queryRows } from '../db/client.js';
import { changes, stateReader, type DatabaseState } from './database-state.js';
import { ACTORS, buildWorld, type ActorKey, type World } from './fixtures.js';
import { MATRIX, send, shape, withRandomIds } from './matrix.js';
import { liveRoutes, routeKey, type LiveRoute } from './route-table.js';

// Records every route the application registers, with its declared access (see route-table.ts).
vi.mock('fastify', async (importOriginal) => {
  const actual = await importOriginal<typeof import('fastify')>();
  const { recordingFactory } = await import('./route-table.js');
  return { ...actual, default: recordingFactory(actual.default) };
});

/**
 * Access control proved on the live route table: every route × every kind of actor, on records of
 * one producer (A) at every stage of the programme. The table of who may do what is matrix.ts; this
 * file walks it and checks, besides the outcome, that a refusal looks exactly like a missing record
 * to those who should not know the record exists, that a refused write writes nothing, and that no
 * answer an actor gets names a record outside its scope.
 */
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

const COUNCIL_SEATS = ['member', 'conflicted', 'secretary'] as const;

const ROLE_OF: Record<ActorKey, Role | null> = {
  anonymous: null,
  producerA: 'producer',
  producerB: 'producer',
  officerX: 'officer',
  officerY: 'officer',
  member: 'council',
  unassigned: 'council',
  conflicted: 'council',
  secretary: 'council',
  admin: 'admin',
  otherAdmin: 'admin',
  ministry: 'admin',
};

/** The ids of A's records an actor must never be shown, in any answer. */
function secretsOf(actor: ActorKey): (keyof World['ids'])[] {
  const all: (keyof World['ids'])[] = [
    'subjectA',
    'productA1',
    'productA2',
    'productA3',
    'photoA1',
    'saA2',
    'saDraft',
    'evidenceDraft',
    'dossierA1',
    'dossierA2',
    'filingA2',
    'paperA',
    'councilId',
    'sessionClosed',
    'sessionOpen',
    'sheetMember',
    'sheetPaper',
    'decisionA1',
    'certificateA1',
    'questionA2',
    'resultA1',
    'importJob',
    'notificationA',
    'userA',
  ];
  switch (actor) {
    case 'anonymous':
    case 'producerB':
    case 'officerY':
    case 'unassigned':
      return all;
    case 'otherAdmin':
      return [...all, 'roundId', 'calendarDay'];
    case 'member':
    case 'conflicted':
    case 'secretary':
      return ['saDraft', 'evidenceDraft', 'photoA1', 'importJob', 'notificationA', 'userA', 'resultA1', 'decisionA1', 'certificateA1'];
    case 'producerA':
      return ['importJob'];
    case 'officerX':
      return ['importJob', 'notificationA'];
    case 'admin':
    case 'ministry':
      return ['notificationA'];
  }
}

/** What the public portal shows of A: its certified product, that product's photo, its producer. */
const PUBLIC: readonly (keyof World['ids'])[] = ['productA1', 'photoA1', 'subjectA'];

/** Those who must learn nothing of A's records. */
const OUTSIDERS: readonly ActorKey[] = ['anonymous', 'producerB', 'officerY', 'unassigned', 'otherAdmin'];
const A_NAMES = ['Hạt sen sấy', 'Trà tim sen', 'Sữa hạt sen', 'Hợp tác xã Sen Tháp Mười'];

const brief = (res: Response) => `${res.status} ${(typeof res.body === 'string' ? res.body : JSON.stringify(res.body ?? '')).slice(0, 160)}`;
const sameShape = (a: Response, b: Response) => JSON.stringify(shape(a)) === JSON.stringify(shape(b));

type Walk = { failures: string[]; disclosures: string[]; leaks: string[]; writes: string[]; probes: number; cells: number };
let walked: Promise<Walk> | undefined;

/** Walks every route of the table once (memoised: the tests below read the same walk). */
function walk(): Promise<Walk> {
  walked ??= (async () => {
    const out: Walk = { failures: [], disclosures: [], leaks: [], writes: [], probes: 0, cells: 0 };
    const routes = liveRoutes()
      .filter((r) => MATRIX[routeKey(r)])
      .sort((a, b) => routeKey(a).localeCompare(routeKey(b)));
    for (const route of routes) {
      const key = routeKey(route);
      const entry = MATRIX[key]!;
      const path = entry.path(w);
      const body = entry.body?.(w);
      const writes = route.method !== 'GET';
      const probed = ACTORS.filter((a) => (!writes || entry.probe === 'all' ? true : entry.probe === 'none' ? false : !entry.ok.includes(a)));
      out.cells += ACTORS.length;
      const before = await readState();
      for (const actor of probed) {
        const client = w.clients[actor];
        const res = await send(client, route.method, path, body);
        out.probes++;
        const where = `${key} as ${actor}`;
        if (res.status >= 500) out.failures.push(`${where}: ${brief(res)}`);
        if (entry.ok.includes(actor)) {
          if (!((res.status >= 200 && res.status < 300) || entry.status?.includes(res.status)))
            out.failures.push(`${where}: should be allowed, got ${brief(res)}`);
          if (res.status < 300) {
            const text = typeof res.body === 'string' ? res.body : JSON.stringify(res.body);
            for (const name of secretsOf(actor))
              if (!(route.access === 'public' && PUBLIC.includes(name)) && text.includes(w.ids[name] as string)) out.leaks.push(`${where}: shows ${name}`);
            // Exports carry names, not ids: an outsider's answer names none of A's products (the public verification does, by design).
            if (route.access !== 'public' && OUTSIDERS.includes(actor))
              for (const name of A_NAMES) if (text.normalize('NFC').includes(name)) out.leaks.push(`${where}: names “${name}”`);
          }
          continue;
        }
        const refusals = entry.refusal && !entry.insiders?.includes(actor) && res.body?.error?.code !== 'validation_failed' ? [403, 404, 400] : [403, 404];
        if (actor === 'anonymous' ? res.status !== 401 : !refusals.includes(res.status)) {
          out.failures.push(`${where}: should be refused, got ${brief(res)}`);
          continue;
        }
        if (entry.insiders?.includes(actor)) continue;
        const missing = await send(client, route.method, withRandomIds(path), withRandomIds(body));
        out.probes++;
        if (!sameShape(res, missing)) out.disclosures.push(`${where}: ${brief(res)} — for a missing record: ${brief(missing)}`);
      }
      const diff = changes(before, await readState());
      if (writes && entry.probe !== 'all' && diff.length) out.writes.push(`${key}: ${diff.join(', ')}`);
    }
    return out;
  })();
  return walked;
}

describe('the authorization matrix', () => {
  it('has an entry for every route the API serves, and none for a route it does not', () => {
    const live = liveRoutes().map(routeKey);
    expect(live.length).toBeGreaterThan(100);
    expect(
      live.filter((k) => !MATRIX[k]),
      'routes without an entry in src/server/security/matrix.ts',
    ).toEqual([]);
    expect(
      Object.keys(MATRIX).filter((k) => !live.includes(k)),
      'entries for routes that do not exist',
    ).toEqual([]);
  });

  it('allows in each entry only actors whose role the route declares', () => {
    const wrong = liveRoutes().flatMap((route: LiveRoute) => {
      const entry = MATRIX[routeKey(route)];
      if (!entry) return []; // reported by the test above
      if (route.access === undefined) return [`${routeKey(route)}: no access declared`];
      return entry.ok.flatMap((actor) => {
        const role = ROLE_OF[actor];
        const as: UserActor | { kind: 'anonymous' } = role
          ? { kind: 'user', userId: actor, role, provinceCode: '82', communeCodes: [], subjectId: null }
          : { kind: 'anonymous' };
        return checkRouteAccess(as, route.access!) === 'allow'
          ? []
          : [`${routeKey(route)}: ${actor} listed as allowed, the route refuses ${role ?? 'anonymous'}`];
      });
    });
    expect(wrong).toEqual([]);
  });

  it('answers every actor on every route as the table says', { timeout: 180_000 }, async () => {
    const { failures, probes, cells } = await walk();
    console.info(`authorization matrix: ${Object.keys(MATRIX).length} routes × ${ACTORS.length} actors = ${cells} cells, ${probes} requests`);
    expect(failures).toEqual([]);
  });

  it('refuses outsiders exactly as if the record did not exist (same status, same body as for a random id)', { timeout: 180_000 }, async () => {
    expect((await walk()).disclosures).toEqual([]);
  });

  it('writes nothing when it refuses a change', { timeout: 180_000 }, async () => {
    expect((await walk()).writes).toEqual([]);
  });

  it('never names, in any answer, a record outside the actor’s scope', { timeout: 180_000 }, async () => {
    expect((await walk()).leaks).toEqual([]);
  });
});

describe('record identifiers', () => {
  const V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

  it('are random UUIDs wherever a URL names a record', () => {
    const bad: string[] = [];
    for (const route of liveRoutes()) {
      const entry = MATRIX[routeKey(route)];
      if (!entry) continue;
      const template = route.url.split('/');
      const actual = entry.path(w).split('?')[0]!.split('/');
      template.forEach((segment, i) => {
        if (/^:(id|\w+Id)$/.test(segment) && !V4.test(actual[i] ?? '')) bad.push(`${routeKey(route)}: ${segment} = ${actual[i]}`);
      });
    }
    expect(bad).toEqual([]);
    const ids = Object.values(w.ids)
      .flat()
      .filter((v) => v !== w.ids.verificationCode);
    expect(ids.filter((id) => !V4.test(id))).toEqual([]);
  });

  it('refuses a guessable number in place of an id with 400, before looking anything up', async () => {
    const wrong: string[] = [];
    for (const route of liveRoutes()) {
      const entry = MATRIX[routeKey(route)];
      // The API's contracts; the portal's pages answer a person with a "page not found" instead.
      if (!entry || !route.url.startsWith('/api/') || !/\/:(id|\w+Id)(\/|$)/.test(route.url) || route.method !== 'GET') continue;
      const path = entry.path(w).replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, '1');
      const res = await w.clients.ministry.get(path);
      if (res.status !== 400 && res.status !== 403) wrong.push(`${routeKey(route)}: ${brief(res)}`);
    }
    expect(wrong).toEqual([]);
  });
});

describe('list filters', () => {
  it('never widen a list: filtering on A’s records shows an outsider none of them', async () => {
    const { subjectA, productA1, dossierA2, councilId } = w.ids;
    const urls = [
      `/api/v1/subjects?communeCode=30037&q=sen`,
      `/api/v1/subjects/export?format=csv&communeCode=30037`,
      `/api/v1/products?subjectId=${subjectA}`,
      `/api/v1/products?communeCode=30037`,
      `/api/v1/products/export?format=csv&subjectId=${subjectA}`,
      `/api/v1/dossiers?productId=${productA1}`,
      `/api/v1/dossiers?communeCode=30037`,
      `/api/v1/dossiers/export?format=csv&communeCode=30037`,
      `/api/v1/certificates?productId=${productA1}`,
      `/api/v1/certificates/export?format=csv&productId=${productA1}`,
      `/api/v1/council-sessions?dossierId=${dossierA2}`,
      `/api/v1/council-sessions?councilId=${councilId}`,
      `/api/v1/users?q=htx.sen`,
    ];
    const shown: string[] = [];
    for (const actor of OUTSIDERS) {
      for (const url of urls) {
        const res = await w.clients[actor].get(url);
        if (res.status >= 500) shown.push(`${actor} ${url}: ${brief(res)}`);
        if (res.status !== 200) continue;
        const text = typeof res.body === 'string' ? res.body : JSON.stringify(res.body);
        for (const name of secretsOf(actor)) if (text.includes(w.ids[name] as string)) shown.push(`${actor} ${url}: ${name}`);
        for (const name of A_NAMES) if (text.normalize('NFC').includes(name)) shown.push(`${actor} ${url}: “${name}”`);
      }
    }
    expect(shown).toEqual([]);
  });
});

describe('another province’s office (the decision read by id)', () => {
  it('cannot read, print or cite a decision of province 82, which its list does not show either', async () => {
    const other = w.clients.otherAdmin;
    expect(((await other.get('/api/v1/decisions')).body as { id: string }[]).map((d) => d.id)).not.toContain(w.ids.decisionA1);
    for (const suffix of ['', '/docx', '/result-letters.docx']) {
      const res = await other.get(`/api/v1/decisions/${w.ids.decisionA1}${suffix}`);
      expect(res.status, suffix).toBe(404);
      expect(shape(res)).toEqual(shape(await other.get(`/api/v1/decisions/${withRandomIds(w.ids.decisionA1)}${suffix}`)));
    }
    expect((await w.clients.admin.get(`/api/v1/decisions/${w.ids.decisionA1}`)).status).toBe(200);
  });

  it('is told "no such dossier" for a dossier of province 82 in a decision, never the product’s name', async () => {
    const body = {
      number: '1/QĐ-UBND',
      signedOn: '2027-06-20',
      signer: 'Nguyễn Văn A',
      signerTitle: 'Phó Chủ tịch',
      items: [{ dossierId: w.ids.dossierA2, star: 3 }],
    };
    const res = await w.clients.otherAdmin.post('/api/v1/decisions', body);
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).not.toContain('Trà tim sen');
    expect(shape(res)).toEqual(shape(await w.clients.otherAdmin.post('/api/v1/decisions', withRandomIds(body))));
  });

  it('keeps province 01’s records from province 82’s people as well', async () => {
    for (const actor of ['admin', 'officerX', 'producerA'] as const) {
      for (const path of [`/api/v1/subjects/${w.ids.subject01}`, `/api/v1/products/${w.ids.product01}`]) {
        const res = await w.clients[actor].get(path);
        expect(res.status, `${actor} ${path}`).toBe(404);
        expect(shape(res)).toEqual(shape(await w.clients[actor].get(withRandomIds(path))));
      }
    }
    expect((await w.clients.ministry.get(`/api/v1/products/${w.ids.product01}`)).status).toBe(200);
  });
});

describe('a seat on a council', () => {
  it('opens the dossiers before that council only: producer B’s dossier, in no session, stays closed to its members', async () => {
    const paths = [
      `/api/v1/dossiers/${w.ids.dossierB}/filing`,
      `/api/v1/dossiers/${w.ids.dossierB}/forms/mau-01`,
      `/api/v1/dossiers/${w.ids.dossierB}/checklist`,
      `/api/v1/dossiers/${w.ids.dossierB}/questions`,
      `/api/v1/dossiers/${w.ids.dossierB}/site-visits`,
      `/api/v1/dossiers/${w.ids.dossierB}/filings/${w.ids.filingB}/evidence/${w.ids.filedEvidenceB}`,
      `/api/v1/dossiers/${w.ids.dossierB}/papers/${w.ids.paperB}/file`,
    ];
    const wrong: string[] = [];
    for (const path of paths) {
      if ((await w.clients.admin.get(path)).status !== 200) wrong.push(`admin ${path}`);
      for (const actor of [...COUNCIL_SEATS, 'unassigned'] as const) {
        const res = await w.clients[actor].get(path);
        if (res.status !== 404 || !sameShape(res, await w.clients[actor].get(withRandomIds(path)))) wrong.push(`${actor} ${path}: ${brief(res)}`);
      }
      const chair = await w.chair.get(path);
      if (chair.status !== 404) wrong.push(`chair ${path}: ${brief(chair)}`);
    }
    expect(wrong).toEqual([]);
  });
});

/**
 * Council scores are secret until the session closes (Art. 7.3d). The council module's own tests
 * check the sheets' contents (src/server/modules/councils/councils.test.ts, "lets nobody — chair,
 * secretary, office — see another member’s total before the session closes"); here, every route
 * that shows a sitting is asked by everyone around it while the session is open.
 */
describe('council scores before the session closes', () => {
  const TOTAL = /"total":\s*-?\d/;

  it('show no member’s total and no council result to the chair, the secretary, the office or the members', async () => {
    const base = `/api/v1/council-sessions/${w.ids.sessionOpen}`;
    const readers = { chair: w.chair, secretary: w.clients.secretary, admin: w.clients.admin, ministry: w.clients.ministry, conflicted: w.clients.conflicted };
    for (const [who, c] of Object.entries(readers)) {
      const session = await c.get(base);
      expect(session.status, who).toBe(200);
      expect(JSON.stringify(session.body), who).not.toMatch(TOTAL);
      const result = await c.get(`${base}/dossiers/${w.ids.dossierA2}/result`);
      expect([200, 403], who).toContain(result.status);
      expect(JSON.stringify(result.body), who).not.toMatch(TOTAL);
      if (result.status === 200) expect(result.body.result, who).toBeNull();
      // The scan of a member's paper sheet is that member's alone until then.
      expect((await c.get(`${base}/sheets/${w.ids.sheetPaper}/scan`)).status, who).toBe(404);
    }
    // The member who submitted sees their own sheet's total, and nobody else's.
    const member = w.clients.member;
    expect((await member.get(`${base}/dossiers/${w.ids.dossierA2}/sheet`)).body).toMatchObject({ id: w.ids.sheetMember, status: 'submitted' });
    expect(JSON.stringify((await member.get(base)).body)).not.toMatch(TOTAL);
    expect((await member.get(`${base}/dossiers/${w.ids.dossierA2}/result`)).status).toBe(403);
    expect((await w.council.members[3]!.get(`${base}/sheets/${w.ids.sheetPaper}/scan`)).status).toBe(200);
  });
});

describe('the public portal', () => {
  it('shows certified products and their producers only: any other id is a page that does not exist', async () => {
    const anonymous = w.clients.anonymous;
    const wrong: string[] = [];
    for (const path of [`/san-pham/${w.ids.productA3}`, `/san-pham/${w.ids.product01}`, `/chu-the/${w.ids.subjectB}`, `/chu-the/${w.ids.subject01}`]) {
      const res = await anonymous.get(path);
      if (res.status !== 404 || !sameShape(res, await anonymous.get(withRandomIds(path)))) wrong.push(`${path}: ${brief(res)}`);
    }
    expect(wrong).toEqual([]);
    const list = JSON.stringify((await anonymous.get('/api/v1/public/products')).body);
    expect(list).toContain(w.ids.productA1);
    for (const id of [w.ids.productA2, w.ids.productA3, w.ids.product01]) expect(list).not.toContain(id);
  });
});
