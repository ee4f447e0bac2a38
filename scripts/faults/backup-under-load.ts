/**
 * `ocop backup` while the server is being written to (PostgreSQL: the documented way to back up a
 * running platform), then `ocop restore` into a fresh database. The archive is one consistent moment:
 * every write confirmed before the backup started is in it, nothing sent after it ended is, and no
 * record is torn from the rest of its transaction (a producer without its audit entry, or the reverse;
 * a product without its producer).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { Client } from './support/client.js';
import type { Context } from './support/context.js';
import { count, withPostgres } from './support/databases.js';
import { DEMO, DEMO_PASSWORD } from './support/evaluation.js';
import type { Scenario } from './support/report.js';
import { REPO_ROOT, ServerProcess, sleep } from './support/server.js';
import { spareCommunes, Writers } from './support/writers.js';

/** Runs an `ocop` command in its own process without blocking this one (the writers keep going). */
function ocop(args: string[], env: Record<string, string>): Promise<{ status: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['bin/ocop.js', ...args], { cwd: REPO_ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('exit', (status) => resolve({ status, output }));
  });
}

export async function backupUnderLoad(ctx: Context, s: Scenario): Promise<void> {
  const source = await ctx.postgresDatabase('backup');
  const server = await ServerProcess.start({ dataDir: source.dataDir, databaseUrl: source.url, logFile: ctx.logFile('backup') });
  try {
    const admin = await new Client(server.baseUrl).login(DEMO.admin, DEMO_PASSWORD);
    const commune = (await spareCommunes(admin))[2]!;
    const writers = new Writers(admin, commune, 'Sao lưu', 6, false);
    writers.start();
    await sleep(1_500);

    const archive = path.join(ctx.folder('backup-archive'), 'ocop.tar.gz');
    const startedAt = Date.now();
    const backup = await ocop(['backup', '--out', archive], { DATABASE_URL: source.url, DATA_DIR: source.dataDir });
    const endedAt = Date.now();
    await sleep(1_000);
    await writers.stop();
    if (!s.check(backup.status === 0, `backup exited ${backup.status}: ${backup.output.slice(-500)}`)) return;
    const during = writers.confirmed.filter((c) => c.at > startedAt && c.sentAt < endedAt).length;
    s.fact(
      `backup of ${(fs.statSync(archive).size / 1024).toFixed(0)} kB took ${((endedAt - startedAt) / 1000).toFixed(1)} s while 6 writers ran: ` +
        `${writers.confirmed.length} writes confirmed in all, ${during} of them during the backup, ${[...writers.refused.values()].reduce((a, b) => a + b, 0)} refused`,
    );
    s.check(writers.refused.size === 0, `writes refused during the backup: ${JSON.stringify([...writers.refused])}`);

    const target = await ctx.emptyDatabase('restored');
    const restoreStarted = Date.now();
    const restore = await ocop(['restore', archive], { DATABASE_URL: target.url, DATA_DIR: ctx.folder('restored-files') });
    if (!s.check(restore.status === 0, `restore exited ${restore.status}: ${restore.output.slice(-500)}`)) return;
    const restoreSeconds = (Date.now() - restoreStarted) / 1000;

    const sourceCount = await withPostgres(source.url, (q) => count(q, sql`select count(*)::int as n from subjects where commune_code = ${commune}`));
    await withPostgres(target.url, async (q) => {
      const restored = new Set((await q<{ id: string }>(sql`select id::text as id from subjects where commune_code = ${commune}`)).map((r) => r.id));
      const restoredProducts = new Set(
        (await q<{ id: string }>(sql`select p.id::text as id from products p join subjects s on s.id = p.subject_id where s.commune_code = ${commune}`)).map(
          (r) => r.id,
        ),
      );
      const before = writers.confirmed.filter((c) => c.at < startedAt);
      const missing = before.filter((c) => !(c.kind === 'subject' ? restored : restoredProducts).has(c.id));
      s.check(missing.length === 0, `${missing.length} writes confirmed before the backup started are not in it`);
      const late = writers.confirmed.filter((c) => c.sentAt > endedAt && (c.kind === 'subject' ? restored : restoredProducts).has(c.id));
      s.check(late.length === 0, `${late.length} writes sent after the backup ended are in it`);
      const known = new Set(writers.confirmed.map((c) => c.id));
      const strangers = [...restored, ...restoredProducts].filter((id) => !known.has(id));
      s.check(strangers.length === 0, `${strangers.length} restored records the server never confirmed`);
      const torn = await count(
        q,
        sql`select count(*)::int as n from subjects s where s.commune_code = ${commune}
            and not exists (select 1 from audit_log a where a.entity_type = 'subject' and a.action = 'create' and a.entity_id = s.id::text)`,
      );
      const tornAudit = await count(
        q,
        sql`select count(*)::int as n from audit_log a where a.entity_type = 'subject' and a.action = 'create' and a.after->>'communeCode' = ${commune}
            and not exists (select 1 from subjects s where s.id::text = a.entity_id)`,
      );
      const orphanProducts = await count(
        q,
        sql`select count(*)::int as n from products p where not exists (select 1 from subjects s where s.id = p.subject_id)`,
      );
      s.check(
        torn === 0 && tornAudit === 0 && orphanProducts === 0,
        `torn records: ${torn} producers without their audit entry, ${tornAudit} entries without their producer, ${orphanProducts} products without their producer`,
      );
      s.fact(
        `restored into a fresh database in ${restoreSeconds.toFixed(1)} s: ${restored.size} producers of the ${writers.subjects.length} written ` +
          `(${writers.subjects.filter((c) => c.at < startedAt).length} confirmed before the backup started, all there; none sent after it ended), ` +
          `${restoredProducts.size} products, no torn record; the source has ${sourceCount}`,
      );
    });
  } finally {
    await server.kill();
  }
}
