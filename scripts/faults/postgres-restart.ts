/**
 * PostgreSQL stops under a running server (fast shutdown: open sessions are terminated, as in a
 * restart or a failover), stays away a few seconds, and comes back. Meanwhile every request is
 * answered — with 503 database_unavailable in both languages, never a 500, never a hang — the health
 * check says 503, and once the database is back the same process serves again by itself.
 */
import { Client } from './support/client.js';
import type { Context } from './support/context.js';
import { canRestartCluster } from './support/databases.js';
import { DEMO, DEMO_PASSWORD } from './support/evaluation.js';
import type { Scenario } from './support/report.js';
import { ServerProcess, sleep } from './support/server.js';

const DOWN_MS = 3_000;
/** A request slower than this counts as hanging. */
const HANG_MS = 15_000;
const RECOVERY_LIMIT_MS = 30_000;

type Probe = { kind: string; at: number; ms: number; status: number; code: string | undefined };

export async function postgresRestart(ctx: Context, s: Scenario): Promise<void> {
  if (!canRestartCluster()) {
    s.skip('restarting the PostgreSQL cluster needs root and pg_ctlcluster');
    return;
  }
  const { url, dataDir } = await ctx.postgresDatabase('restart');
  const server = await ServerProcess.start({ dataDir, databaseUrl: url, logFile: ctx.logFile('postgres-restart') });
  let clusterDown = false;
  try {
    const pid = server.pid;
    const admin = await new Client(server.baseUrl).login(DEMO.admin, DEMO_PASSWORD);
    const anonymous = new Client(server.baseUrl);
    const probes: Probe[] = [];
    let probing = true;
    const probe = async (kind: string, send: () => Promise<{ status: number; body: any; ms: number }>) => {
      while (probing) {
        const at = Date.now();
        try {
          const res = await send();
          probes.push({ kind, at, ms: res.ms, status: res.status, code: res.body?.error?.code });
        } catch (err) {
          probes.push({ kind, at, ms: Date.now() - at, status: 0, code: (err as Error).name });
        }
        await sleep(100);
      }
    };
    let n = 0;
    const loops = [
      probe('health', () => anonymous.request('GET', '/api/v1/health', undefined, { timeoutMs: HANG_MS })),
      probe('read', () => admin.request('GET', '/api/v1/subjects?pageSize=5', undefined, { timeoutMs: HANG_MS })),
      probe('write', () =>
        admin.request('POST', '/api/v1/subjects', { name: `Hợp tác xã Khởi động lại ${++n}`, legalForm: 'HTX', communeCode: '30226' }, { timeoutMs: HANG_MS }),
      ),
    ];
    let stoppedAt = 0;
    let down = 0;
    let startedAt = 0;
    let recoveredAt: number | undefined;
    let english: Awaited<ReturnType<Client['request']>> | undefined;
    let vietnamese: Awaited<ReturnType<Client['request']>> | undefined;
    try {
      await sleep(2_000);

      stoppedAt = Date.now();
      clusterDown = true;
      await ctx.pg.stopCluster();
      down = Date.now();
      await sleep(DOWN_MS);
      english = await anonymous.request('GET', '/api/v1/health', undefined, { timeoutMs: HANG_MS, headers: { 'accept-language': 'en' } });
      vietnamese = await admin.request('GET', '/api/v1/subjects?pageSize=5', undefined, { timeoutMs: HANG_MS });
      await ctx.pg.startCluster();
      clusterDown = false;
      startedAt = Date.now();
      while (Date.now() - startedAt < RECOVERY_LIMIT_MS) {
        const recent = ['health', 'read', 'write'].map((kind) => probes.filter((p) => p.kind === kind && p.at > startedAt).at(-1));
        if (recent.every((p) => p && p.status >= 200 && p.status < 300)) {
          recoveredAt = Math.max(...recent.map((p) => p!.at + p!.ms));
          break;
        }
        await sleep(100);
      }
      await sleep(2_000);
    } finally {
      probing = false;
      await Promise.all(loops);
    }

    const outage = probes.filter((p) => p.at >= stoppedAt && p.at < startedAt);
    const failed = probes.filter((p) => p.status < 200 || p.status > 299);
    const wrong = failed.filter((p) => p.status !== 503 || p.code !== 'database_unavailable');
    const slowest = Math.max(...probes.map((p) => p.ms));
    s.check(wrong.length === 0, `answers other than 2xx or 503 database_unavailable: ${wrong.map((p) => `${p.kind} ${p.status} ${p.code ?? ''}`).join(', ')}`);
    s.check(slowest < HANG_MS, `a request took ${(slowest / 1000).toFixed(1)} s`);
    s.check(
      outage.some((p) => p.kind === 'health' && p.status === 503),
      'the health check never answered 503 while the database was down',
    );
    s.check(
      english?.status === 503 && english.body?.error?.message === 'The database is temporarily unavailable. Please try again in a few minutes.',
      `English answer while down: ${english?.status} ${JSON.stringify(english?.body)}`,
    );
    s.check(
      vietnamese?.status === 503 && vietnamese.body?.error?.message === 'Cơ sở dữ liệu tạm thời không truy cập được. Vui lòng thử lại sau ít phút.',
      `Vietnamese answer while down: ${vietnamese?.status} ${JSON.stringify(vietnamese?.body)}`,
    );
    s.check(recoveredAt !== undefined, `no recovery within ${RECOVERY_LIMIT_MS / 1000} s of the database's return`);
    s.check(server.running && server.pid === pid, 'the server process did not survive');
    const count503 = failed.filter((p) => p.status === 503).length;
    const downSlowest = Math.max(0, ...outage.map((p) => p.ms));
    s.fact(
      `cluster stopped in ${((down - stoppedAt) / 1000).toFixed(1)} s, kept down ${DOWN_MS / 1000} s, started in ${((startedAt - down - DOWN_MS) / 1000).toFixed(1)} s; ` +
        `${probes.length} requests (health, list, write every 100 ms): ${count503} answered 503 database_unavailable (slowest while down ${downSlowest.toFixed(0)} ms), ` +
        `none 500, none hanging (slowest ${(slowest / 1000).toFixed(1)} s); all three kinds served again ${recoveredAt ? ((recoveredAt - startedAt) / 1000).toFixed(1) : '—'} s ` +
        `after the database was back, same process (pid ${pid})`,
    );
  } finally {
    if (clusterDown) await ctx.pg.startCluster().catch(() => undefined);
    await server.kill();
  }
}
