/**
 * The embedded database lives in the server's own process, so SIGKILL stops PostgreSQL itself in the
 * middle of writing. Three kills under a stream of writes; after each restart every write the server
 * confirmed is there, and at the end the folder reopens whole: tables readable, indexes agreeing with
 * them, each record with its audit entry; after each restart the server answers and its sessions hold.
 */
import { spawnSync } from 'node:child_process';
import { sql } from 'drizzle-orm';
import { Client } from './support/client.js';
import type { Context } from './support/context.js';
import { count, integrityProblems, withDataFolder } from './support/databases.js';
import { DEMO, DEMO_PASSWORD } from './support/evaluation.js';
import type { Scenario } from './support/report.js';
import { REPO_ROOT, ServerProcess, sleep } from './support/server.js';
import { spareCommunes, Writers } from './support/writers.js';

const KILLS = 3;
const WRITERS = 8;

export async function pgliteKills(ctx: Context, s: Scenario): Promise<void> {
  const dataDir = await ctx.pgliteDataDir('pglite');
  const server = await ServerProcess.start({ dataDir, logFile: ctx.logFile('pglite') });
  try {
    let admin = await new Client(server.baseUrl).login(DEMO.admin, DEMO_PASSWORD);
    const commune = (await spareCommunes(admin))[1]!;

    // While the server runs, its folder is locked: a backup (or a second server) must refuse it.
    const backup = spawnSync(process.execPath, ['bin/ocop.js', 'backup', '--out', `${ctx.folder('pglite-backup')}/b.tar.gz`], {
      cwd: REPO_ROOT,
      env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' },
      encoding: 'utf8',
    });
    s.check(
      backup.status !== 0 && /in use|đang được/.test(backup.stderr + backup.stdout),
      `a backup of the running server's folder was not refused: ${backup.status}`,
    );

    const all: Writers[] = [];
    const restarts: number[] = [];
    for (let kill = 1; kill <= KILLS; kill++) {
      const writers = new Writers(admin, commune, `Sự cố ${kill}`, WRITERS);
      all.push(writers);
      writers.start();
      await sleep(2_000 + Math.floor(Math.random() * 2_000));
      await server.kill();
      await writers.stop();
      restarts.push(await server.restart());
      // Sessions live in the database: the same sign-in still works after the crash.
      const me = await admin.request('GET', '/api/v1/auth/me');
      if (!s.check(me.status === 200, `the session did not survive kill ${kill}: ${me.status}`))
        admin = await new Client(server.baseUrl).login(DEMO.admin, DEMO_PASSWORD);
      const missing: string[] = [];
      for (const c of writers.confirmed) {
        const res = await admin.request('GET', `/api/v1/${c.kind === 'subject' ? 'subjects' : 'products'}/${c.id}`);
        if (res.status !== 200) missing.push(`${c.kind} ${c.id} (${res.status})`);
      }
      s.check(missing.length === 0, `kill ${kill}: ${missing.length} confirmed writes missing after the restart: ${missing.slice(0, 3).join(', ')}`);
    }
    const confirmed = all.flatMap((w) => w.confirmed);
    const attempts = all.reduce((n, w) => n + w.attempts, 0);
    const listed = (await admin.get(`/subjects?communeCode=${commune}&pageSize=1`)).total as number;
    const confirmedSubjects = confirmed.filter((c) => c.kind === 'subject').length;
    s.check(listed >= confirmedSubjects, `${listed} producers listed, fewer than the ${confirmedSubjects} confirmed`);
    s.fact(
      `${KILLS} SIGKILLs, each after 2–4 s of ${WRITERS} concurrent writers: ${attempts} writes sent, ${confirmed.length} confirmed (201), all there after each restart; ` +
        `restarts took ${restarts.map((ms) => (ms / 1000).toFixed(1)).join(', ')} s`,
    );
    await server.stop();

    await withDataFolder(dataDir, async (q, database) => {
      const subjects = await count(q, sql`select count(*)::int as n from subjects where commune_code = ${commune}`);
      const unaudited = await count(
        q,
        sql`select count(*)::int as n from subjects s where s.commune_code = ${commune}
            and (select count(*) from audit_log a where a.entity_type = 'subject' and a.entity_id = s.id::text and a.action = 'create') <> 1`,
      );
      const products = await count(q, sql`select count(*)::int as n from products p join subjects s on s.id = p.subject_id where s.commune_code = ${commune}`);
      const unauditedProducts = await count(
        q,
        sql`select count(*)::int as n from products p join subjects s on s.id = p.subject_id where s.commune_code = ${commune}
            and (select count(*) from audit_log a where a.entity_type = 'product' and a.entity_id = p.id::text and a.action = 'create') <> 1`,
      );
      const orphanAudit = await count(
        q,
        sql`select count(*)::int as n from audit_log a where a.entity_type = 'subject' and a.action = 'create'
            and a.after->>'communeCode' = ${commune} and not exists (select 1 from subjects s where s.id::text = a.entity_id)`,
      );
      s.check(subjects === listed, `the folder holds ${subjects} producers, the API listed ${listed}`);
      s.check(unaudited === 0 && unauditedProducts === 0, `records without exactly one audit entry: ${unaudited} producers, ${unauditedProducts} products`);
      s.check(orphanAudit === 0, `${orphanAudit} audit entries for producers that are not there`);
      const integrity = await integrityProblems(database);
      for (const p of integrity.problems) s.check(false, p);
      s.fact(
        `folder reopened: ${subjects} producers and ${products} products written (each with one audit entry, no entry without its record), ` +
          `${integrity.tables} tables and ${integrity.rows} rows readable, indexes agreeing, audit guard in place`,
      );
    });
    s.fact('a backup of the running server’s folder refused (the folder lock), as documented');
  } finally {
    await server.kill();
  }
}
