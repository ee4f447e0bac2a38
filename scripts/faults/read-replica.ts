/**
 * DATABASE_READ_URL: a server on a primary with a streaming replica. Public reads (the label check,
 * the catalogue) are answered by the replica, writes and signed-in pages by the primary. Shown by
 * pausing the replica's replay: a certificate revoked on the primary still reads as valid on the
 * public check (the replica has not applied it) while the office's page shows it revoked; once
 * replay resumes, the public check says revoked within the portal's cache lifetime.
 */
import { Client } from './support/client.js';
import type { Context } from './support/context.js';
import { certifiedProducts, DEMO, DEMO_PASSWORD, today } from './support/evaluation.js';
import { replicaUnavailable, StreamingReplica } from './support/replica.js';
import type { Scenario } from './support/report.js';
import { ServerProcess, sleep } from './support/server.js';

/** The portal's cache lifetime (30 s) and the replica's replay, with room to spare. */
const PROPAGATION_LIMIT_MS = 45_000;

export async function readReplica(ctx: Context, s: Scenario): Promise<void> {
  const unavailable = replicaUnavailable();
  if (unavailable) {
    s.skip(unavailable);
    return;
  }
  const clusters = await StreamingReplica.start();
  let server: ServerProcess | undefined;
  try {
    s.check(await clusters.streaming(), 'the standby streams from the primary');
    await clusters.createDatabase('ocop');
    server = await ServerProcess.start({
      dataDir: ctx.folder('read-replica'),
      databaseUrl: clusters.urlOfPrimary('ocop'),
      logFile: ctx.logFile('read-replica'),
      env: { DATABASE_READ_URL: clusters.urlOfReplica('ocop'), VERIFY_RATE_LIMIT: '0' },
    });
    s.fact(`primary on port ${clusters.primaryPort}, streaming replica on port ${clusters.replicaPort}`);

    const { codes, parties } = await certifiedProducts(server.baseUrl, 'replica', 1);
    const code = codes[0]!;
    await clusters.caughtUp();
    const visitor = new Client(server.baseUrl);
    const publicCheck = async () => (await visitor.request('GET', `/api/v1/public/verify/${code}`)).body?.status as string | undefined;
    s.check((await publicCheck()) === 'valid', 'the label check answers valid once the replica caught up');
    const catalogue = await visitor.request('GET', '/api/v1/public/products?pageSize=5');
    s.check(catalogue.status === 200 && catalogue.body.total > 0, `the open data list answers from the replica (${catalogue.status})`);
    const onReplica = await clusters.onReplica('ocop', 'select count(*)::int as n from certificates');
    s.check(onReplica.rows[0].n > 0, 'the certificates reached the replica by replication');

    const ministry = await new Client(server.baseUrl).login(DEMO.ministry, DEMO_PASSWORD);
    const revokedNationally = async () => (await ministry.get('/indicators/national')).totals.certificates.revoked as number;
    const revokedBefore = await revokedNationally();

    await clusters.pauseReplay();
    const certificate = (await parties.admin.get('/certificates?pageSize=100')).items.find((c: { verificationCode: string }) => c.verificationCode === code);
    await parties.admin.post(`/certificates/${certificate.id}/revoke`, {
      ground: 'c',
      decisionNo: '99/QĐ-UBND',
      decidedOn: today(),
      signer: 'Nguyễn Văn Bản Sao',
      signerTitle: 'Phó Chủ tịch',
    });
    const office = await parties.admin.get(`/certificates/${certificate.id}`);
    s.check(office.status === 'revoked', `the office's page reads the primary: ${office.status}`);
    const whilePaused = await publicCheck();
    s.check(whilePaused === 'valid', `the public label check reads the paused replica, which has not applied the revocation yet: ${whilePaused}`);
    const nationalWhilePaused = await revokedNationally();
    s.check(
      nationalWhilePaused === revokedBefore,
      `the national dashboard reads the replica too: ${nationalWhilePaused} revoked, as before the revocation (${revokedBefore})`,
    );

    await clusters.resumeReplay();
    await clusters.caughtUp();
    const resumed = Date.now();
    let status = await publicCheck();
    while (status !== 'revoked' && Date.now() - resumed < PROPAGATION_LIMIT_MS) {
      await sleep(1_000);
      status = await publicCheck();
    }
    s.check(status === 'revoked', `after replay resumed the label check says revoked within ${PROPAGATION_LIMIT_MS / 1000} s: ${status}`);
    const nationalAfter = await revokedNationally();
    s.check(nationalAfter === revokedBefore + 1, `once the replica caught up the national dashboard counts the revocation: ${nationalAfter}`);
    s.fact(
      `revocation visible on the public check ${((Date.now() - resumed) / 1000).toFixed(0)} s after the replica caught up (the portal caches an answer 30 s)`,
    );
  } finally {
    await server?.stop();
    await clusters.stop();
  }
}
