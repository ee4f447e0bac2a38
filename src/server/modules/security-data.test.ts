import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, DEMO, type TestApp } from '../../../test/support/app.js';
import { freshDatabase } from '../../../test/support/database.js';
import { filePapers, step, COMMUNE_ASSESSMENT } from '../../../test/support/evaluation.js';
import { multipartFiles } from '../../../test/support/multipart.js';
import { workbook, type SheetRows } from '../../../test/support/workbooks.js';
import { withDatabase } from '../../../test/global-setup.js';
import { bestChoices, loadShippedVersion } from '../../domain/criteria/test-support.js';
import type { Actor } from '../../domain/policies/index.js';
import { buildApp } from '../app.js';
import { loadConfig } from '../config.js';
import { openDatabase, PGLITE_EXTENSIONS, queryRows, type Database, type DbOrTx } from '../db/client.js';
import { applyMigrations, MIGRATIONS_DIR } from '../db/migrate.js';
import { appRoleStatements, grantAppRole } from '../db/roles.js';
import { seedDemo } from '../seed/demo.js';
import { run } from '../../cli/main.js';
import { createImportsService } from './imports/imports.service.js';
import { createFileStorage } from '../lib/file-storage.js';

/**
 * Findings of the security review on data: concurrent and long imports, evidence cited in answers,
 * the audit log's protection and the application's own database role. Runs on PGlite, and on
 * PostgreSQL when DATABASE_URL is set (where concurrency is real).
 */

const ON_POSTGRES = Boolean(process.env.DATABASE_URL);
const set1 = loadShippedVersion('qd26').sets.find((s) => s.number === 1)!;
// Early March: round 1 of the year is open.
const now = new Date('2027-03-02T03:00:00Z');
const clock = () => now;

let t: TestApp;
let admin: Client;

beforeAll(async () => {
  t = await createTestApp({ clock });
  admin = await t.client(DEMO.admin);
});
afterAll(() => t.close());

/** `ocop …` run in this process with the given environment: its exit code and what it printed. */
async function ocop(args: string[], env: Record<string, string>) {
  let out = '';
  const code = await run(args, {
    env: { ...process.env, NO_COLOR: '1', ...env },
    out: (chunk) => void (out += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8')),
    err: (chunk) => void (out += chunk),
    isTTY: false,
    stdin: (async function* () {})(),
  });
  return { code, out };
}

const rows = <T>(db: DbOrTx, query: string) => queryRows<T>(db, sql.raw(query));
const count = async (query: string) => (await rows<{ n: number }>(t.database.db, `select count(*)::int as n from ${query}`))[0]!.n;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A generated workbook: `subjects` producers in two communes of the demo province, `perSubject` products each. */
function generated(prefix: string, subjects: number, perSubject: number): SheetRows {
  const s: unknown[][] = [['Mã chủ thể', 'Tên chủ thể', 'Loại hình', 'Mã xã']];
  const p: unknown[][] = [['ma_san_pham', 'ma_chu_the', 'ten_san_pham', 'bo_san_pham']];
  for (let i = 0; i < subjects; i++) {
    s.push([`${prefix}-S${i}`, `Hợp tác xã ${prefix} số ${i}`, 'HTX', i % 2 ? '29905' : '30226']);
    for (let j = 0; j < perSubject; j++) p.push([`${prefix}-P${i}-${j}`, `${prefix}-S${i}`, `Sản phẩm ${prefix} ${i}.${j}`, 1]);
  }
  return { 'Chủ thể': s, 'Sản phẩm': p };
}

async function upload(data: Buffer) {
  const { payload, headers } = multipartFiles([{ name: 'ho-so.xlsx', data }]);
  const res = await admin.request('POST', '/api/v1/imports', payload, { headers });
  expect(res.status, JSON.stringify(res.body)).toBe(202);
  const job = await settle(res.body.id);
  expect(job.status, JSON.stringify(job.problems?.slice(0, 3))).toBe('validated');
  return job;
}
async function settle(id: string) {
  for (;;) {
    const job = (await admin.get(`/api/v1/imports/${id}`)).body;
    if (job.status !== 'validating' && job.status !== 'committing') return job;
    await sleep(20);
  }
}
async function commit(id: string) {
  const res = await admin.post(`/api/v1/imports/${id}/commit`);
  expect(res.status, JSON.stringify(res.body)).toBe(202);
  return settle(id);
}

/** Each record of the prefix exactly once, each created with exactly one audit entry. */
async function expectExactlyOnce(prefix: string, subjects: number, products: number) {
  const like = `'${prefix}-%'`;
  expect(await count(`subjects where external_code like ${like}`)).toBe(subjects);
  expect(await count(`products where external_code like ${like}`)).toBe(products);
  expect(await count(`(select external_code from products where external_code like ${like} group by 1 having count(*) > 1) d`)).toBe(0);
  expect(
    await count(
      `audit_log a join subjects s on a.entity_id = s.id::text where a.entity_type = 'subject' and a.action = 'create' and s.external_code like ${like}`,
    ),
  ).toBe(subjects);
  expect(
    await count(
      `audit_log a join products p on a.entity_id = p.id::text where a.entity_type = 'product' and a.action = 'create' and p.external_code like ${like}`,
    ),
  ).toBe(products);
}

async function adminActor(): Promise<{ actor: Actor; audit: { userId: string; label: string; ip: null } }> {
  const me = (await admin.get('/api/v1/auth/me')).body.user;
  return {
    actor: { kind: 'user', userId: me.id, role: 'admin', provinceCode: me.provinceCode, communeCodes: [], subjectId: null },
    audit: { userId: me.id, label: me.email, ip: null },
  };
}

describe('imports committed at once', () => {
  it('create each product once: the second commit finds the first one’s records and leaves them', async () => {
    const data = await workbook(generated('CC', 20, 60));
    const [a, b] = [await upload(data), await upload(data)];
    expect(a.preview.products.create).toBe(1200);
    expect(b.preview.products.create).toBe(1200);
    const started = await Promise.all([admin.post(`/api/v1/imports/${a.id}/commit`), admin.post(`/api/v1/imports/${b.id}/commit`)]);
    expect(started.map((r) => r.status)).toEqual([202, 202]);
    const done = await Promise.all([settle(a.id), settle(b.id)]);
    expect(
      done.map((j) => j.status),
      JSON.stringify(done.map((j) => j.failure)),
    ).toEqual(['committed', 'committed']);
    await expectExactlyOnce('CC', 20, 1200);
    // Between them the two commits created each record once; the rest they found unchanged.
    expect(done[0].preview.products.create + done[1].preview.products.create).toBe(1200);
    expect(done[0].preview.products.unchanged + done[1].preview.products.unchanged).toBe(1200);
  }, 240_000);

  it('of products of producers already on file create each product once (the reported case: twice as many products)', async () => {
    const sheets = generated('CD', 10, 100);
    await commit((await upload(await workbook({ 'Chủ thể': sheets['Chủ thể']! }))).id);
    const data = await workbook(sheets);
    const [a, b] = [await upload(data), await upload(data)];
    expect(a.preview).toMatchObject({ subjects: { create: 0, unchanged: 10 }, products: { create: 1000 } });
    await Promise.all([admin.post(`/api/v1/imports/${a.id}/commit`), admin.post(`/api/v1/imports/${b.id}/commit`)]);
    const done = await Promise.all([settle(a.id), settle(b.id)]);
    expect(done.map((j) => j.status)).toEqual(['committed', 'committed']);
    await expectExactlyOnce('CD', 10, 1000);
  }, 240_000);

  it('holds one product per external code of a province in the database itself', async () => {
    const [p] = await rows<{ id: string; subject_id: string; external_code: string; province_code: string }>(
      t.database.db,
      `select id, subject_id, external_code, province_code from products where external_code = 'CC-P0-0'`,
    );
    expect(p!.province_code).toBe('82');
    const copy = `insert into products (subject_id, name, name_search, sort_key, external_code, ocop_code)
                  values ('${p!.subject_id}', 'Bản sao', 'ban sao', 'ban sao', 'CC-P0-0', '82-TEST-${randomBytes(3).toString('hex')}')`;
    await expect(t.database.db.execute(sql.raw(copy))).rejects.toThrow();
    // Products without a code of the province's records are as many as there are.
    const bare = (n: number) =>
      `insert into products (subject_id, name, name_search, sort_key, ocop_code) values ('${p!.subject_id}', 'Không mã', 'khong ma', 'khong ma', '82-NULL-${n}')`;
    await t.database.db.execute(sql.raw(bare(1)));
    await t.database.db.execute(sql.raw(bare(2)));
  });
});

describe('a large import', () => {
  it('is written in batches: the server answers other requests while it is written', async () => {
    const job = await upload(await workbook(generated('BIG', 1000, 4)));
    expect(job.rowsTotal).toBe(5000);
    const started = performance.now();
    const anonymous = await t.client();
    expect((await admin.post(`/api/v1/imports/${job.id}/commit`)).status).toBe(202);
    let answeredMeanwhile = 0;
    let slowest = 0;
    let last;
    for (;;) {
      const asked = performance.now();
      expect((await anonymous.get('/api/v1/health')).status).toBe(200);
      slowest = Math.max(slowest, performance.now() - asked);
      last = (await admin.get(`/api/v1/imports/${job.id}`)).body;
      if (last.status !== 'committing') break;
      answeredMeanwhile++;
      await sleep(25);
    }
    const whole = performance.now() - started;
    expect(last.status, JSON.stringify(last.failure)).toBe('committed');
    // Measured against the commit itself, not against the clock: a health check waits for a batch at most.
    expect(answeredMeanwhile).toBeGreaterThanOrEqual(3);
    expect(slowest).toBeLessThan(whole / 3);
    await expectExactlyOnce('BIG', 1000, 4000);
  }, 300_000);

  it('resumes a commit that failed after some batches: every record exactly once, the import recorded once', async () => {
    const job = await upload(await workbook(generated('RF', 10, 50)));
    const { actor, audit } = await adminActor();
    const limits = { maxBytes: t.config.importMaxBytes, maxRows: t.config.importMaxRows };
    const faulty = createImportsService(t.database.db, t.config.provinceCode, limits, clock, {
      batchSize: 100,
      afterBatch: ({ index }) => {
        if (index === 2) throw new Error('disk full');
      },
    });
    await faulty.commit(actor, audit, job.id);
    await faulty.settled(job.id);
    const failed = (await admin.get(`/api/v1/imports/${job.id}`)).body;
    expect(failed.status).toBe('failed');
    expect(failed.failure.en).toContain('300 of 510 records are written');
    expect(await count(`subjects where external_code like 'RF-%'`)).toBe(10);
    expect(await count(`products where external_code like 'RF-%'`)).toBe(290);
    expect(await count(`audit_log where entity_type = 'import' and entity_id = '${job.id}'`)).toBe(0);

    const done = await commit(job.id);
    expect(done.status).toBe('committed');
    await expectExactlyOnce('RF', 10, 500);
    expect(done.preview.products).toEqual({ create: 500, update: 0, unchanged: 0 });
    expect(await count(`audit_log where entity_type = 'import' and entity_id = '${job.id}'`)).toBe(1);
    expect((await admin.post(`/api/v1/imports/${job.id}/commit`)).status).toBe(409);
  }, 120_000);

  it('resumes a commit the server stopped in the middle of, even when the stopped one wakes up again', async () => {
    const job = await upload(await workbook(generated('RS', 10, 50)));
    const { actor, audit } = await adminActor();
    const limits = { maxBytes: t.config.importMaxBytes, maxRows: t.config.importMaxRows };
    let reached: () => void;
    const stopped = new Promise<void>((r) => (reached = r));
    let wake: () => void;
    const asleep = new Promise<void>((r) => (wake = r));
    // The first server's commit stops after its second batch, as if the process had died there.
    const first = createImportsService(t.database.db, t.config.provinceCode, limits, clock, {
      batchSize: 100,
      afterBatch: async ({ index }) => {
        if (index !== 1) return;
        reached();
        await asleep;
      },
    });
    await first.commit(actor, audit, job.id);
    await stopped;
    // A process that died renews its job's lease no more, and the lease runs out (other processes on
    // PostgreSQL go by it); this one is only paused, so its lease is run out here.
    await t.database.db.execute(sql`update import_jobs set lease_until = now() - interval '1 second' where id = ${job.id}`);
    const interrupted = (await admin.get(`/api/v1/imports/${job.id}`)).body;
    expect(interrupted.status).toBe('failed');
    expect(interrupted.failure.en).toContain('200 records are written');

    // The restarted server (the application's own service) commits the rest.
    expect((await commit(job.id)).status).toBe('committed');
    await expectExactlyOnce('RS', 10, 500);
    // The first wakes up: it finds everything written and does not record the import a second time.
    wake!();
    await first.settled(job.id);
    await expectExactlyOnce('RS', 10, 500);
    expect(await count(`audit_log where entity_type = 'import' and entity_id = '${job.id}'`)).toBe(1);
    expect((await admin.get(`/api/v1/imports/${job.id}`)).body.status).toBe('committed');
  }, 120_000);
});

describe('an import on several processes of one database', () => {
  it('is claimed by one process only: the other refuses it while its lease is renewed, shows it under way, and the records are written once', async () => {
    const job = await upload(await workbook(generated('MP', 10, 50)));
    const { actor, audit } = await adminActor();
    const limits = { maxBytes: t.config.importMaxBytes, maxRows: t.config.importMaxRows };
    let reached!: () => void;
    const paused = new Promise<void>((r) => (reached = r));
    let resume!: () => void;
    const resumed = new Promise<void>((r) => (resume = r));
    // Two processes on PostgreSQL: each has its own service (and its own memory) over the same database.
    const options = {
      batchSize: 100,
      leaseMs: 1_200,
      afterBatch: async ({ index }: { index: number }) => {
        if (index !== 0) return;
        reached();
        await resumed;
      },
    };
    const processes = [
      createImportsService(t.database.db, t.config.provinceCode, limits, clock, options),
      createImportsService(t.database.db, t.config.provinceCode, limits, clock, options),
    ];
    const answers = await Promise.allSettled(processes.map((p) => p.commit(actor, audit, job.id)));
    expect(answers.map((a) => a.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refusal = (answers.find((a) => a.status === 'rejected') as PromiseRejectedResult).reason;
    expect(refusal).toMatchObject({ code: 'import_busy' });
    const [working, other] = answers[0]!.status === 'fulfilled' ? processes : [processes[1]!, processes[0]!];
    await paused;
    // Past the first lease: renewed by the working process, so the other still sees the job under way.
    await sleep(2_000);
    expect((await other!.get(actor, job.id)).status).toBe('committing');
    await expect(other!.commit(actor, audit, job.id)).rejects.toMatchObject({ code: 'import_busy' });
    resume();
    await working!.settled(job.id);
    expect((await other!.get(actor, job.id)).status).toBe('committed');
    await expectExactlyOnce('MP', 10, 500);
    expect(await count(`audit_log where entity_type = 'import' and entity_id = '${job.id}'`)).toBe(1);
  }, 120_000);
});

describe('an import left to a worker (web processes with BACKGROUND_WORK=off)', () => {
  const limits = () => ({ maxBytes: t.config.importMaxBytes, maxRows: t.config.importMaxRows });
  const queueOf = () => {
    const storage = createFileStorage(fs.mkdtempSync(path.join(os.tmpdir(), 'ocop-import-queue-')));
    return {
      storage,
      web: createImportsService(t.database.db, t.config.provinceCode, limits(), clock, { storage, queueForWorker: true }),
      worker: createImportsService(t.database.db, t.config.provinceCode, limits(), clock, { storage }),
    };
  };
  const storedKeys = async (storage: ReturnType<typeof createFileStorage>) => {
    const keys: string[] = [];
    for await (const o of storage.list()) keys.push(o.key);
    return keys;
  };

  it('waits in the web process, is checked and committed by the worker under the asker’s name, and its files leave storage', async () => {
    const { actor, audit } = await adminActor();
    const { storage, web, worker } = queueOf();
    const uploaded = await web.upload(actor, [{ name: 'hang-doi.xlsx', data: await workbook(generated('QW', 3, 4)) }]);
    expect(uploaded).toMatchObject({ status: 'validating', queued: true });
    // Waiting is not "the server stopped": shown under way, past any lease, until a worker takes it.
    expect(await web.get(actor, uploaded.id)).toMatchObject({ status: 'validating', queued: true, failure: null });
    expect(await storedKeys(storage)).toEqual([`imports/${uploaded.id}-0.upload`]);

    expect(await worker.runQueued()).toBe(1);
    expect(await web.get(actor, uploaded.id)).toMatchObject({ status: 'validated', queued: false, rowsTotal: 15, problemCount: 0 });
    expect(await storedKeys(storage)).toEqual([]);

    expect(await web.commit(actor, audit, uploaded.id)).toMatchObject({ status: 'committing', queued: true });
    // Asked once: a second ask, through this process or another, finds it taken.
    await expect(web.commit(actor, audit, uploaded.id)).rejects.toMatchObject({ code: 'import_busy' });
    await expect(worker.commit(actor, audit, uploaded.id)).rejects.toMatchObject({ code: 'import_busy' });
    expect(await count(`subjects where external_code like 'QW-%'`)).toBe(0);

    expect(await worker.runQueued()).toBe(1);
    expect(await web.get(actor, uploaded.id)).toMatchObject({ status: 'committed', queued: false });
    await expectExactlyOnce('QW', 3, 12);
    expect(await count(`audit_log where entity_type = 'import' and entity_id = '${uploaded.id}' and actor_user_id = '${audit.userId}'`)).toBe(1);
    // The asker stays in the audit log only: the finished job drops it with its rows.
    expect(await count(`import_jobs where id = '${uploaded.id}' and (commit_actor is not null or rows is not null)`)).toBe(0);
    expect(await worker.runQueued()).toBe(0);
  });

  it('checks a CSV file against the sheet chosen at upload, and fails a check whose files are gone, asking for a new upload', async () => {
    const { actor } = await adminActor();
    const { storage, web, worker } = queueOf();
    const csv = { name: 'x.csv', data: Buffer.from('ma_chu_the,ten,loai\nCT21,X,HTX\n') };
    const forced = await web.upload(actor, [csv], 'subjects');
    expect(await worker.runQueued()).toBe(1);
    const checked = await web.get(actor, forced.id);
    expect(checked.status).toBe('invalid');
    expect(checked.problems[0]!.message.vi).toContain('Thiếu cột bắt buộc');

    const lost = await web.upload(actor, [csv]);
    await storage.remove(`imports/${lost.id}-0.upload`);
    expect(await worker.runQueued()).toBe(1);
    const failed = await web.get(actor, lost.id);
    expect(failed.status).toBe('failed');
    expect(failed.failure?.vi).toMatch(/Lỗi khi xử lý/);
  });
});

describe('an answer to a question on evidence', () => {
  let producer: Client;
  let dossierId: string;
  let questionId: string;
  let filedEvidenceId: string;
  let draftEvidenceId: string;
  let othersEvidenceId: string;

  /** A producer account for a demo subject, and its first product. */
  async function producerOf(query: string, email: string) {
    const subject = (await admin.get(`/api/v1/subjects?q=${encodeURIComponent(query)}`)).body.items[0];
    await admin.post('/api/v1/users', { email, fullName: 'Chủ thể', role: 'producer', subjectId: subject.id, password: 'producer-password' });
    const client = await t.client(email, 'producer-password');
    const product = (await client.get('/api/v1/products')).body.items[0];
    return { client, subjectId: subject.id as string, productId: product.id as string };
  }
  async function assessmentWithEvidence(client: Client, productId: string, url: string) {
    const sa = (await client.post(`/api/v1/products/${productId}/self-assessments`, {})).body;
    await client.put(`/api/v1/self-assessments/${sa.id}`, { choices: bestChoices(set1), notes: {} });
    const added = await client.post(`/api/v1/self-assessments/${sa.id}/evidence`, { criterionCode: '1.1', url });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    return { id: sa.id as string, evidenceId: added.body.evidence.at(-1).id as string };
  }

  beforeAll(async () => {
    const officer = await t.client(DEMO.officer);
    const own = await producerOf('quyt hong', 'quyt@example.vn');
    producer = own.client;
    await admin.post('/api/v1/rounds/defaults', { year: 2027 });
    const sa = await assessmentWithEvidence(producer, own.productId, 'https://example.vn/hop-dong-lien-ket.pdf');
    filedEvidenceId = sa.evidenceId;
    expect((await producer.post(`/api/v1/self-assessments/${sa.id}/complete`)).status).toBe(200);
    await filePapers(producer, own.subjectId, own.productId);
    const dossier = (
      await producer.post('/api/v1/dossiers', {
        productId: own.productId,
        kind: 'first',
        selfAssessmentId: sa.id,
        registration: { representativeName: 'Võ Văn Phúc' },
      })
    ).body;
    dossierId = dossier.id;
    await step(producer, dossierId, 'submit');
    await step(officer, dossierId, 'assess', { assessment: COMMUNE_ASSESSMENT });
    await step(admin, dossierId, 'receive');
    // A later draft of the same product: its evidence is the product's too.
    draftEvidenceId = (await assessmentWithEvidence(producer, own.productId, 'https://example.vn/hop-dong-moi.pdf')).evidenceId;
    // Another producer's evidence.
    const other = await producerOf('sa giang', 'sagiang@example.vn');
    othersEvidenceId = (await assessmentWithEvidence(other.client, other.productId, 'https://example.vn/cua-nguoi-khac.pdf')).evidenceId;

    const asked = await admin.post(`/api/v1/dossiers/${dossierId}/questions`, { criterionCode: '1.1', question: 'Hợp đồng liên kết còn hiệu lực không?' });
    expect(asked.status, JSON.stringify(asked.body)).toBe(201);
    questionId = asked.body[0].id;
  }, 120_000);

  const answer = (evidenceId: string) =>
    producer.post(`/api/v1/dossiers/${dossierId}/questions/${questionId}/messages`, { body: 'Xin xem minh chứng.', evidenceId });
  const messages = async () => (await admin.get(`/api/v1/dossiers/${dossierId}/questions`)).body[0].messages;

  it('may not cite another producer’s evidence, nor an unknown id; nothing is stored', async () => {
    for (const evidenceId of [othersEvidenceId, '00000000-0000-4000-8000-000000000000']) {
      const res = await answer(evidenceId);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('evidence_not_in_dossier');
      expect(res.body.error.fields).toHaveProperty('evidenceId');
      expect(res.body.error.message).toContain('Minh chứng');
    }
    producer.lang = 'en';
    expect((await answer(othersEvidenceId)).body.error.message).toContain('not this dossier');
    producer.lang = 'vi';
    expect(await messages()).toHaveLength(1);
  });

  it('cites the evidence the dossier was filed with, or the product’s', async () => {
    expect((await answer(filedEvidenceId)).status).toBe(200);
    expect((await answer(draftEvidenceId)).status).toBe(200);
    expect((await messages()).map((m: { evidenceId: string | null }) => m.evidenceId)).toEqual([null, filedEvidenceId, draftEvidenceId]);
  });
});

describe('the audit log', () => {
  it('cannot be truncated, even by the owner of the table', async () => {
    const before = await count('audit_log');
    expect(before).toBeGreaterThan(0);
    await expect(t.database.db.execute(sql`truncate audit_log`)).rejects.toThrow();
    await expect(t.database.db.execute(sql`truncate audit_log, subjects cascade`)).rejects.toThrow();
    expect(await count('audit_log')).toBe(before);
  });
});

/** A database of its own for one test: a PGlite in memory, or a new database on the PostgreSQL server. */
async function emptyDatabase(): Promise<Database & { url?: string }> {
  const url = process.env.DATABASE_URL;
  if (!url) return openDatabase({ pglite: await PGlite.create({ extensions: PGLITE_EXTENSIONS }) });
  const name = `ocop_m_${randomBytes(6).toString('hex')}`;
  const server = new pg.Client({ connectionString: url });
  await server.connect();
  await server.query(`create database ${name}`);
  const database = await openDatabase({ databaseUrl: withDatabase(url, name) });
  return {
    ...database,
    async close() {
      await database.close();
      await server.query(`drop database if exists ${name} with (force)`);
      await server.end();
    },
  };
}

describe('migration 0015 on a database holding duplicate product codes', () => {
  it('keeps the oldest product on the code, clears the others’ with an audit entry, and then holds codes unique', async () => {
    // The migrations before 0015, as an older version shipped them.
    const older = fs.mkdtempSync(path.join(os.tmpdir(), 'ocop-migrations-'));
    fs.cpSync(MIGRATIONS_DIR, older, { recursive: true });
    const journalFile = path.join(older, 'meta', '_journal.json');
    const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] };
    const at = journal.entries.findIndex((e) => e.tag === '0015_security');
    expect(at).toBeGreaterThan(0);
    journal.entries = journal.entries.slice(0, at);
    fs.writeFileSync(journalFile, JSON.stringify(journal));

    const database = await emptyDatabase();
    const migrate = (folder: string) =>
      database.kind === 'pglite'
        ? migratePglite(database.db as never, { migrationsFolder: folder })
        : migratePg(database.db as never, { migrationsFolder: folder });
    try {
      await migrate(older);
      const { db } = database;
      await db.execute(sql`insert into provinces (code, name, name_en, full_name, full_name_en, sort_key) values
        ('82', 'Đồng Tháp', 'Dong Thap', 'Tỉnh Đồng Tháp', 'Dong Thap Province', 'dong thap'),
        ('83', 'Bến Tre', 'Ben Tre', 'Tỉnh Bến Tre', 'Ben Tre Province', 'ben tre')`);
      await db.execute(sql`insert into communes (code, province_code, name, name_en, full_name, full_name_en, sort_key) values
        ('29905', '82', 'Sa Đéc', 'Sa Dec', 'Phường Sa Đéc', 'Sa Dec Ward', 'sa dec'),
        ('28756', '83', 'An Hội', 'An Hoi', 'Phường An Hội', 'An Hoi Ward', 'an hoi')`);
      const subject = async (province: string, commune: string, code: string) =>
        (
          await rows<{ id: string }>(
            db,
            `insert into subjects (province_code, commune_code, external_code, name, name_search, sort_key, legal_form)
             values ('${province}', '${commune}', '${code}', 'HTX ${code}', 'htx', 'htx', 'HTX') returning id`,
          )
        )[0]!.id;
      const [a, b, c] = [await subject('82', '29905', 'CT01'), await subject('82', '29905', 'CT02'), await subject('83', '28756', 'CT01')];
      let serial = 0;
      const product = async (subjectId: string, code: string | null, createdAt: string) =>
        (
          await rows<{ id: string }>(
            db,
            `insert into products (subject_id, name, name_search, sort_key, external_code, ocop_code, created_at)
             values ('${subjectId}', 'SP', 'sp', 'sp', ${code ? `'${code}'` : 'null'}, 'X-${++serial}', '${createdAt}') returning id`,
          )
        )[0]!.id;
      const kept = await product(a, 'SP01', '2025-01-01T00:00:00Z');
      const twin = await product(a, 'SP01', '2025-01-01T00:00:01Z');
      const elsewhere = await product(b, 'SP01', '2025-01-02T00:00:00Z');
      const otherProvince = await product(c, 'SP01', '2025-01-03T00:00:00Z');
      await product(a, null, '2025-01-04T00:00:00Z');
      await product(b, null, '2025-01-04T00:00:00Z');

      await migrate(MIGRATIONS_DIR);

      const after = new Map(
        (await rows<{ id: string; external_code: string | null; province_code: string }>(db, `select id, external_code, province_code from products`)).map(
          (r) => [r.id, r],
        ),
      );
      expect(after.get(kept)).toMatchObject({ external_code: 'SP01', province_code: '82' });
      expect(after.get(twin)!.external_code).toBeNull();
      expect(after.get(elsewhere)!.external_code).toBeNull();
      expect(after.get(otherProvince)).toMatchObject({ external_code: 'SP01', province_code: '83' });
      expect(after.size).toBe(6);
      const audit = await rows<{ entity_id: string; before: { externalCode: string } }>(
        db,
        `select entity_id, before from audit_log where entity_type = 'product' order by entity_id`,
      );
      expect(audit.map((r) => r.entity_id).sort()).toEqual([twin, elsewhere].sort());
      expect(audit.every((r) => r.before.externalCode === 'SP01')).toBe(true);
      // From now on the database refuses a second SP01 in province 82, and fills the province itself.
      await expect(product(b, 'SP01', '2025-02-01T00:00:00Z')).rejects.toThrow();
      const fresh = await product(c, 'SP02', '2025-02-01T00:00:00Z');
      expect((await rows<{ province_code: string }>(db, `select province_code from products where id = '${fresh}'`))[0]!.province_code).toBe('83');
    } finally {
      await database.close();
      fs.rmSync(older, { recursive: true, force: true });
    }
  }, 120_000);
});

describe.skipIf(!ON_POSTGRES)('the application’s own database role (PostgreSQL)', () => {
  it('writes as usual, yet may not empty, rewrite or unguard the audit log; migrations run as the owner', async () => {
    const serverUrl = process.env.DATABASE_URL!;
    const owner = await freshDatabase();
    const [{ name }] = (await rows<{ name: string }>(owner.db, 'select current_database() as name')) as [{ name: string }];
    const role = `ocop_app_${randomBytes(4).toString('hex')}`;
    const server = new pg.Client({ connectionString: serverUrl });
    await server.connect();
    await server.query(`create role ${role} login password 'app-role-password'`);
    const appUrl = new URL(withDatabase(serverUrl, name));
    appUrl.username = role;
    appUrl.password = 'app-role-password';
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ocop-files-'));
    let appDatabase: Database | undefined;
    let app: Awaited<ReturnType<typeof buildApp>> | undefined;
    try {
      await seedDemo(owner.db);
      const granted = await ocop(['db', 'grant-app-role', role], { DATA_DIR: dataDir, DATABASE_URL: withDatabase(serverUrl, name) });
      expect(granted, granted.out).toMatchObject({ code: 0 });
      await expect(grantAppRole(owner.db, 'postgres')).rejects.toThrow(/superuser/);
      await expect(grantAppRole(owner.db, 'no_such_role_here')).rejects.toThrow(/no role/);
      appDatabase = await openDatabase({ databaseUrl: appUrl.toString() });

      // Migrations: refused to the application's role, applied over the owner's connection.
      await expect(applyMigrations(appDatabase)).rejects.toThrow();
      await applyMigrations(appDatabase, { ownerUrl: withDatabase(serverUrl, name) });
      await expect(applyMigrations(appDatabase, { ownerUrl: withDatabase(serverUrl, 'postgres') })).rejects.toThrow(/same database/);

      const config = loadConfig({ ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' });
      app = await buildApp({ config, database: appDatabase, clock });
      await app.ready();
      const client = new Client(app);
      await client.login(DEMO.admin, DEMO.password);
      const created = await client.post('/api/v1/subjects', { name: 'Hợp tác xã Vai Trò', legalForm: 'HTX', communeCode: '29905' });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      const audited = await rows<{ n: number }>(appDatabase.db, `select count(*)::int as n from audit_log where entity_id = '${created.body.id}'`);
      expect(audited[0]!.n).toBe(1);

      for (const statement of [
        'truncate audit_log',
        `update audit_log set actor_label = 'x'`,
        'delete from audit_log',
        'alter table audit_log disable trigger all',
        'alter table audit_log disable trigger audit_log_no_truncate',
        'drop trigger audit_log_append_only on audit_log',
        'create table intruder (id int)',
        'truncate subjects cascade',
      ])
        await expect(appDatabase.db.execute(sql.raw(statement)), statement).rejects.toThrow();
      expect(await rows<{ n: number }>(owner.db, `select count(*)::int as n from audit_log where entity_id = '${created.body.id}'`)).toEqual([{ n: 1 }]);
    } finally {
      await app?.close();
      await appDatabase?.close();
      await owner.db.execute(sql.raw(`drop owned by ${role}`));
      await owner.close();
      await server.query(`drop role if exists ${role}`);
      await server.end();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});

it('`ocop db grant-app-role` needs PostgreSQL', async () => {
  const res = await ocop(['db', 'grant-app-role', 'ocop_app'], { DATA_DIR: os.tmpdir(), DATABASE_URL: '', DATABASE_OWNER_URL: '' });
  expect(res.code).toBe(1);
  expect(res.out).toContain('only on PostgreSQL');
});

it('the documentation shows the grants of the application role as the code makes them', () => {
  const doc = fs.readFileSync(path.join(process.cwd(), 'docs/database-roles.md'), 'utf8');
  for (const statement of appRoleStatements('ocop_app')) expect(doc).toContain(`${statement};`);
  expect(() => appRoleStatements('app"; drop table subjects; --')).toThrow();
});
