/**
 * SIGKILL during an import commit. After the restart, either the import is committed with every row
 * exactly once, or nothing of it is there and committing again completes it exactly once. (Whether a
 * commit is one transaction or resumable batches, the same promise holds.)
 */
import { sql } from 'drizzle-orm';
import { workbook } from '../../test/support/workbooks.js';
import { Client, formWith } from './support/client.js';
import type { Context } from './support/context.js';
import { count, integrityProblems, withDataFolder } from './support/databases.js';
import { DEMO, DEMO_PASSWORD } from './support/evaluation.js';
import type { Scenario } from './support/report.js';
import { ServerProcess, sleep } from './support/server.js';
import { spareCommunes } from './support/writers.js';

const SUBJECTS = 2_000;
const PRODUCTS = 4_000;
/** Into the commit: long enough for it to be writing, well short of its end (about 10 s for 6,000 records on 2 cores). */
const KILL_AFTER_MS = 2_500;
const SETTLE_TIMEOUT_MS = 180_000;

type Job = { id: string; status: string; rowsTotal: number; preview: Record<string, { create: number }> | null; failure: { en: string } | null };

async function settle(admin: Client, id: string): Promise<Job> {
  const deadline = Date.now() + SETTLE_TIMEOUT_MS;
  for (;;) {
    const job = (await admin.get(`/imports/${id}`)) as Job;
    if (job.status !== 'validating' && job.status !== 'committing') return job;
    if (Date.now() > deadline) throw new Error(`import ${id} still ${job.status} after ${SETTLE_TIMEOUT_MS / 1000} s`);
    await sleep(250);
  }
}

async function upload(admin: Client, file: Buffer): Promise<Job> {
  const res = await admin.request('POST', '/api/v1/imports', formWith({}, { field: 'files', name: 'ho-so-cu.xlsx', data: file }));
  if (res.status !== 202) throw new Error(`upload: ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
  return settle(admin, (res.body as Job).id);
}

/** Producers and products of the import's commune, as the registry API lists them. */
async function imported(admin: Client, commune: string) {
  const subjects = (await admin.get(`/subjects?communeCode=${commune}&pageSize=1`)).total as number;
  const products = (await admin.get(`/products?communeCode=${commune}&pageSize=1`)).total as number;
  return { subjects, products };
}

export async function importCrash(ctx: Context, s: Scenario): Promise<void> {
  const dataDir = await ctx.pgliteDataDir('import');
  const server = await ServerProcess.start({ dataDir, logFile: ctx.logFile('import') });
  try {
    const admin = await new Client(server.baseUrl).login(DEMO.admin, DEMO_PASSWORD);
    const commune = (await spareCommunes(admin))[0]!;
    const file = await workbook({
      'Chủ thể': [
        ['Mã chủ thể', 'Tên chủ thể', 'Loại hình', 'Mã xã'],
        ...Array.from({ length: SUBJECTS }, (_, i) => [`FI${String(i + 1).padStart(5, '0')}`, `Hợp tác xã Thử nghiệm ${i + 1}`, 'HTX', commune]),
      ],
      'Sản phẩm': [
        ['ma_san_pham', 'ma_chu_the', 'ten_san_pham', 'bo_san_pham'],
        ...Array.from({ length: PRODUCTS }, (_, i) => [
          `FP${String(i + 1).padStart(5, '0')}`,
          `FI${String((i % SUBJECTS) + 1).padStart(5, '0')}`,
          `Sản phẩm thử ${i + 1}`,
          1,
        ]),
      ],
    });
    const job = await upload(admin, file);
    if (!s.check(job.status === 'validated', `the workbook was not accepted: ${job.status} ${JSON.stringify(job.failure)}`)) return;
    s.fact(`workbook of ${(file.length / 1024).toFixed(0)} kB: ${SUBJECTS} producers and ${PRODUCTS} products, checked`);

    const commitStarted = Date.now();
    const commit = admin.request('POST', `/api/v1/imports/${job.id}/commit`, {}).catch(() => null);
    await sleep(KILL_AFTER_MS);
    await server.kill();
    const answer = await commit;
    s.fact(`SIGKILL ${((Date.now() - commitStarted) / 1000).toFixed(1)} s after the commit was sent (its answer: ${answer ? answer.status : 'none, cut'})`);

    const restartMs = await server.restart();
    const after = (await admin.get(`/imports/${job.id}`)) as Job;
    const found = await imported(admin, commune);
    s.fact(
      `restarted in ${(restartMs / 1000).toFixed(1)} s; the job reads '${after.status}'; ${found.subjects} producers and ${found.products} products there`,
    );
    const whole = found.subjects === SUBJECTS && found.products === PRODUCTS;
    if (after.status === 'committed') s.check(whole, `a committed import without all its rows: ${found.subjects} producers, ${found.products} products`);
    else {
      const again = await admin.request('POST', `/api/v1/imports/${job.id}/commit`, {});
      if (again.status === 202) {
        // A resumable commit: batches written before the crash stay, the rest follows, nothing twice.
        const done = await settle(admin, job.id);
        s.check(done.status === 'committed', `committing again ended '${done.status}'`);
        s.fact(`committing the same job again resumed it: ${done.status}`);
      } else {
        // A commit in one transaction: nothing may be there, and the job asks to be uploaded again.
        s.check(found.subjects === 0 && found.products === 0, `partial import after the crash: ${found.subjects} producers, ${found.products} products`);
        s.check(after.status === 'failed' && !!after.failure, `committing again was refused (${again.status}) without the job saying what to do`);
        const fresh = await upload(admin, file);
        const res = await admin.request('POST', `/api/v1/imports/${fresh.id}/commit`, {});
        const done = res.status === 202 ? await settle(admin, fresh.id) : fresh;
        s.check(done.status === 'committed', `the upload again ended '${done.status}'`);
        s.fact(`committing again was refused (${again.status}: "${after.failure?.en}"); uploading the same workbook again committed it`);
      }
    }
    const final = await imported(admin, commune);
    s.check(final.subjects === SUBJECTS && final.products === PRODUCTS, `after the commit: ${final.subjects} producers, ${final.products} products`);
    const twice = await admin.request('POST', `/api/v1/imports/${job.id}/commit`, {});
    s.check(twice.status === 409 || twice.status === 400, `committing a committed import again answered ${twice.status}`);
    await server.stop();

    await withDataFolder(dataDir, async (q, database) => {
      const subjects = await count(q, sql`select count(*)::int as n from subjects where external_code like 'FI%'`);
      const distinctSubjects = await count(q, sql`select count(distinct external_code)::int as n from subjects where external_code like 'FI%'`);
      const products = await count(q, sql`select count(*)::int as n from products where external_code like 'FP%'`);
      const audited = await count(
        q,
        sql`select count(*)::int as n from audit_log a join subjects s on a.entity_id = s.id::text
            where a.entity_type = 'subject' and a.action = 'create' and s.external_code like 'FI%'`,
      );
      const imports = await count(q, sql`select count(*)::int as n from import_jobs where status = 'committed'`);
      s.check(
        subjects === SUBJECTS && distinctSubjects === SUBJECTS,
        `database: ${subjects} imported producers (${distinctSubjects} codes), expected ${SUBJECTS}`,
      );
      s.check(products === PRODUCTS, `database: ${products} imported products, expected ${PRODUCTS}`);
      s.check(audited === SUBJECTS, `database: ${audited} audit entries for ${SUBJECTS} imported producers`);
      s.check(imports === 1, `database: ${imports} committed imports, expected 1`);
      const integrity = await integrityProblems(database);
      for (const p of integrity.problems) s.check(false, p);
      s.fact(
        `database after: ${subjects} producers, ${products} products, each once with its audit entry; ${imports} committed import; ${integrity.tables} tables readable`,
      );
    });
  } finally {
    await server.kill();
  }
}
