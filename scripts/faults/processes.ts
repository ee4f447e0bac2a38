/**
 * Several processes on one PostgreSQL, as a load balancer spreads users over them: two web processes
 * (`ocop serve`, BACKGROUND_WORK=off) and two workers (`ocop worker`) on the same database. What one
 * process does, the others must see, and nothing may be done twice: a session opened on one is valid
 * on the other and ended there for both; a rate limit counts the requests to both together; an
 * import uploaded to one and committed through both at the same moment is checked and committed
 * once, by a worker (a web process with BACKGROUND_WORK=off leaves imports to the workers); mail in
 * the outbox, drained by both workers, reaches the SMTP server once each. The workers print what they run and stop cleanly
 * on SIGTERM.
 */
import { sql } from 'drizzle-orm';
import { workbook } from '../../test/support/workbooks.js';
import { Client, formWith, newAddress } from './support/client.js';
import type { Context } from './support/context.js';
import { count, withPostgres } from './support/databases.js';
import { DEMO, DEMO_PASSWORD } from './support/evaluation.js';
import type { Scenario } from './support/report.js';
import { ServerProcess, sleep } from './support/server.js';
import { SmtpCapture } from './support/smtp-capture.js';
import { spareCommunes } from './support/writers.js';

/** Label verifications per minute per client address, on every process together. */
const VERIFY_LIMIT = 5;
const SUBJECTS = 300;
const PRODUCTS = 600;
/** Mail put in the outbox for the workers, besides the password-reset links the web processes queue. */
const MAILS = 40;
const SETTLE_TIMEOUT_MS = 120_000;

type Job = { id: string; status: string; rowsDone: number; failure: { en: string } | null };

async function settle(client: Client, id: string, seen: Set<string>): Promise<Job> {
  const deadline = Date.now() + SETTLE_TIMEOUT_MS;
  for (;;) {
    const job = (await client.get(`/imports/${id}`)) as Job;
    seen.add(job.status);
    if (job.status !== 'validating' && job.status !== 'committing') return job;
    if (Date.now() > deadline) throw new Error(`import ${id} still ${job.status} after ${SETTLE_TIMEOUT_MS / 1000} s`);
    await sleep(100);
  }
}

/** The same signed-in user on another process: the cookie and CSRF token the browser holds, sent elsewhere. */
function sameUserOn(client: Client, baseUrl: string): Client {
  const other = new Client(baseUrl, client.address);
  other.cookie = client.cookie;
  other.csrf = client.csrf;
  return other;
}

export async function severalProcesses(ctx: Context, s: Scenario): Promise<void> {
  const db = await ctx.postgresDatabase('processes');
  // A busy mail server: each message is answered 150 ms after it is sent.
  const smtp = await SmtpCapture.start({ acceptDelayMs: 150 });
  const shared = { VERIFY_RATE_LIMIT: String(VERIFY_LIMIT), SMTP_URL: smtp.url, OUTBOX_INTERVAL_SECONDS: '1' };
  const web = (name: string) =>
    ServerProcess.start({ dataDir: db.dataDir, databaseUrl: db.url, logFile: ctx.logFile(name), env: { ...shared, BACKGROUND_WORK: 'off' } });
  const worker = (name: string) =>
    ServerProcess.start({ dataDir: db.dataDir, databaseUrl: db.url, logFile: ctx.logFile(name), env: shared, command: 'worker' });
  const processes: ServerProcess[] = [];
  try {
    const [a, b] = await Promise.all([web('processes-a'), web('processes-b')]);
    processes.push(a!, b!);

    // Sessions: opened on A, used and ended on B.
    const onA = await new Client(a!.baseUrl).login(DEMO.admin, DEMO_PASSWORD);
    const onB = sameUserOn(onA, b!.baseUrl);
    const me = await onB.request('GET', '/api/v1/auth/me');
    s.check(me.status === 200 && me.body?.user?.email === DEMO.admin, `a session opened on A is not valid on B: ${me.status}`);
    const loggedOut = await onB.request('POST', '/api/v1/auth/logout', {});
    s.check(loggedOut.status === 200, `logging out on B answered ${loggedOut.status}`);
    const afterLogout = await onA.request('GET', '/api/v1/auth/me');
    s.check(afterLogout.status === 401, `the session ended on B still works on A: ${afterLogout.status}`);
    s.fact(`a session opened on A was valid on B (${me.status}); logged out on B, A refused it (${afterLogout.status})`);

    // A rate limit: one client address, requests alternating between A and B.
    const visitor = newAddress();
    const statuses: number[] = [];
    for (let i = 0; i < VERIFY_LIMIT + 4; i++) {
      const res = await new Client((i % 2 ? b : a)!.baseUrl, visitor).request('GET', '/api/v1/public/verify/KHONG-CO-MA');
      statuses.push(res.status);
    }
    const limited = statuses.filter((x) => x === 429).length;
    s.check(
      limited === 4 && !statuses.slice(0, VERIFY_LIMIT).includes(429),
      `VERIFY_RATE_LIMIT=${VERIFY_LIMIT} over two processes: answers ${statuses.join(' ')} (each process counting alone lets ${2 * VERIFY_LIMIT} through)`,
    );
    s.fact(
      `VERIFY_RATE_LIMIT=${VERIFY_LIMIT}, ${statuses.length} verifications from one address alternating A and B: ${limited} refused 429 (${statuses.join(' ')})`,
    );

    // The workers start before the import: web processes with BACKGROUND_WORK=off leave its check and commit to them.
    const [w1, w2] = await Promise.all([worker('processes-worker-1'), worker('processes-worker-2')]);
    processes.push(w1!, w2!);
    const startLines = w1!.logSince(0);
    s.check(
      /outbox: mỗi \/ every 1 s/.test(startLines) && /imports: mỗi \/ every 1 s/.test(startLines) && /Worker running/.test(startLines),
      `the worker did not print its schedules: ${startLines.slice(-400)}`,
    );

    // An import: uploaded to A, committed through A and B at the same moment, worked by a worker.
    const admin = await new Client(a!.baseUrl).login(DEMO.admin, DEMO_PASSWORD);
    const adminB = sameUserOn(admin, b!.baseUrl);
    const commune = (await spareCommunes(admin))[3]!;
    const file = await workbook({
      'Chủ thể': [
        ['Mã chủ thể', 'Tên chủ thể', 'Loại hình', 'Mã xã'],
        ...Array.from({ length: SUBJECTS }, (_, i) => [`MP${String(i + 1).padStart(5, '0')}`, `Hợp tác xã Nhiều tiến trình ${i + 1}`, 'HTX', commune]),
      ],
      'Sản phẩm': [
        ['ma_san_pham', 'ma_chu_the', 'ten_san_pham', 'bo_san_pham'],
        ...Array.from({ length: PRODUCTS }, (_, i) => [
          `MQ${String(i + 1).padStart(5, '0')}`,
          `MP${String((i % SUBJECTS) + 1).padStart(5, '0')}`,
          `Sản phẩm nhiều tiến trình ${i + 1}`,
          1,
        ]),
      ],
    });
    const uploaded = await admin.request('POST', '/api/v1/imports', formWith({}, { field: 'files', name: 'nhieu-tien-trinh.xlsx', data: file }));
    if (!s.check(uploaded.status === 202, `upload: ${uploaded.status} ${JSON.stringify(uploaded.body).slice(0, 300)}`)) return;
    const id = (uploaded.body as Job).id;
    const seenOnB = new Set<string>();
    // Read on B while a worker checks it: under way there too, not "the server stopped".
    const checked = await settle(adminB, id, seenOnB);
    if (!s.check(checked.status === 'validated', `the workbook was not accepted: ${checked.status} ${JSON.stringify(checked.failure)}`)) return;
    const answers = await Promise.all([admin, adminB].map((c) => c.request('POST', `/api/v1/imports/${id}/commit`, {})));
    const codes = answers.map((r) => r.status).sort();
    s.check(
      codes[0] === 202 && codes[1] === 409 && answers.some((r) => r.body?.error?.code === 'import_busy'),
      `the same commit sent to A and B at once answered ${answers.map((r) => `${r.status} ${r.body?.error?.code ?? ''}`).join(', ')}; expected one 202 and one 409 import_busy`,
    );
    const asker = answers[0]!.status === 202 ? 'A' : 'B';
    const reader = asker === 'A' ? adminB : admin;
    const seenElsewhere = new Set<string>();
    const done = await settle(reader, id, seenElsewhere);
    s.check(done.status === 'committed', `the import ended '${done.status}' ${JSON.stringify(done.failure)}`);
    s.check(!seenElsewhere.has('failed') && !seenOnB.has('failed'), `a web process showed the job failed while a worker ran it`);
    const worked = [w1!, w2!].map((w) => (w.logSince(0).match(/imports worked taken=(\d+)/g) ?? []).reduce((sum, line) => sum + Number(line.split('=')[1]), 0));
    s.check(worked[0]! + worked[1]! === 2, `the workers took ${worked.join(' and ')} import runs; expected the check and the commit, 2 in all`);
    s.fact(
      `import of ${SUBJECTS} producers and ${PRODUCTS} products: uploaded to A, commit sent to A and B at once, answered ${answers.map((r) => r.status).join(' and ')}; ` +
        `asked through ${asker}, followed on the other (${[...seenElsewhere].join(' → ')}); checked and committed by the workers (${worked.join(' and ')} runs)`,
    );

    // The outbox, drained by two workers while mail keeps coming: links asked for through both web
    // processes, and waves of mail queued directly, so that runs start while the other worker is sending.
    const unsent = sql`select count(*)::int as n from email_outbox where sent_at is null`;
    const alreadySent = await withPostgres(db.url, (q) => count(q, sql`select count(*)::int as n from email_outbox where sent_at is not null`));
    const drainStarted = Date.now();
    const demoAccounts = ['admin@ocop.demo', 'canbo.sadec@ocop.demo', 'hoidong@ocop.demo', 'htx.sen@ocop.demo', 'bo.ocop@ocop.demo'];
    for (const [i, email] of demoAccounts.entries()) {
      const res = await new Client((i % 2 ? b : a)!.baseUrl).request('POST', '/api/v1/auth/password-reset/request', { email });
      s.check(res.status === 200, `password reset request for ${email}: ${res.status}`);
    }
    for (let wave = 0; wave < MAILS / 5; wave++) {
      await withPostgres(db.url, (q) =>
        q(sql`insert into email_outbox (id, "to", subject, body)
              select gen_random_uuid(), 'hop-thu-' || ${wave} || '-' || n || '@example.vn', 'Thu thu ' || n, 'Noi dung ' || n from generate_series(1, 5) n`),
      );
      await sleep(400);
    }
    const expected = (await withPostgres(db.url, (q) => count(q, sql`select count(*)::int as n from email_outbox`))) - alreadySent;
    let pending = expected;
    while (pending > 0 && Date.now() - drainStarted < 90_000) {
      await sleep(500);
      pending = await withPostgres(db.url, (q) => count(q, unsent));
    }
    s.check(pending === 0, `${pending} of ${expected} mails still unsent after 90 s`);
    await sleep(1_500); // a duplicate still on its way would arrive now
    const byRecipient = new Map<string, number>();
    for (const m of smtp.mails) for (const to of m.to) byRecipient.set(to, (byRecipient.get(to) ?? 0) + 1);
    const twice = [...byRecipient].filter(([, n]) => n > 1);
    s.check(
      twice.length === 0,
      `${twice.length} mails sent more than once: ${twice
        .slice(0, 5)
        .map(([to, n]) => `${to} ×${n}`)
        .join(', ')}`,
    );
    s.check(smtp.mails.length === alreadySent + expected, `the SMTP server received ${smtp.mails.length} messages for ${alreadySent + expected} mails`);
    const sentBy = [w1!, w2!].map((w) => (w.logSince(0).match(/outbox sent sent=(\d+)/g) ?? []).reduce((sum, line) => sum + Number(line.split('=')[1]), 0));
    s.fact(
      `${expected} mails (reset links asked through A and B, ${MAILS} queued in waves of 5) drained by two workers every 1 s against an SMTP server answering in 150 ms: ` +
        `sent in ${((Date.now() - drainStarted) / 1000).toFixed(1)} s, ${smtp.mails.length} messages received, ${twice.length ? `${twice.length} twice` : 'none twice'} (worker 1 sent ${sentBy[0]}, worker 2 ${sentBy[1]})`,
    );

    // The workers stop on SIGTERM, cleanly.
    const stopStarted = Date.now();
    await Promise.all([w1!.stop(), w2!.stop()]);
    const exits = [w1!, w2!].map((w) => w.exitStatus);
    s.check(
      exits.every((e) => e?.code === 0),
      `workers after SIGTERM: ${exits.map((e) => JSON.stringify(e)).join(', ')} (expected exit code 0)`,
    );
    s.check(/Stopped/.test(w1!.logSince(0)), 'the worker did not say it stopped');
    s.fact(`both workers stopped on SIGTERM in ${((Date.now() - stopStarted) / 1000).toFixed(1)} s with exit code 0`);

    await Promise.all([a!.stop(), b!.stop()]);
    await withPostgres(db.url, async (q) => {
      const subjects = await count(q, sql`select count(*)::int as n from subjects where external_code like 'MP%'`);
      const products = await count(q, sql`select count(*)::int as n from products where external_code like 'MQ%'`);
      const audited = await count(
        q,
        sql`select count(*)::int as n from audit_log a join subjects s on a.entity_id = s.id::text
            where a.entity_type = 'subject' and a.action = 'create' and s.external_code like 'MP%'`,
      );
      const importEntries = await count(q, sql`select count(*)::int as n from audit_log where entity_type = 'import' and entity_id = ${id}`);
      s.check(subjects === SUBJECTS && products === PRODUCTS, `database: ${subjects} producers and ${products} products, expected ${SUBJECTS} and ${PRODUCTS}`);
      s.check(audited === SUBJECTS, `database: ${audited} audit entries for ${SUBJECTS} imported producers`);
      s.check(importEntries === 1, `database: the import recorded ${importEntries} times`);
      const attempts = await count(q, sql`select coalesce(max(attempts), 0)::int as n from email_outbox`);
      s.check(attempts === 1, `database: a mail was attempted ${attempts} times`);
      s.fact(
        `database: ${subjects} producers and ${products} products (${audited} audit entries), the import recorded ${importEntries} time(s); ` +
          `most attempts of one mail: ${attempts}`,
      );
    });
  } finally {
    for (const p of processes) await p.kill();
    await smtp.close();
  }
}
