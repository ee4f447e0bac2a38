/**
 * SIGKILL in the two moments of the evaluation that must never be half-done:
 *  - council members submitting their sheets: a sheet whose submission was answered 200 is there
 *    after the restart, locked; the others are drafts that can still be submitted, once;
 *  - a decision issuing certificates: after the restart every certificate has its decision and
 *    every decision all its certificates; a decision not recorded can be recorded again, once.
 */
import { sql } from 'drizzle-orm';
import type { Client } from './support/client.js';
import type { Context } from './support/context.js';
import { count, integrityProblems, withDataFolder } from './support/databases.js';
import { decisionBody, dossierInCouncil, draftSheet, openSession, producerWithProducts, setUpCouncil, sheetPath } from './support/evaluation.js';
import type { Scenario } from './support/report.js';
import { ServerProcess } from './support/server.js';

const DOSSIERS = 6;
/** Kill when this many submissions have been answered 200 (of 5 members × 6 dossiers = 30). */
const KILL_AT_SUBMISSION = 12;

type Submission = { member: Client; memberNo: number; dossierId: string; key: string };

/** Sends all at once; kills the server as soon as `killAt` of them were answered with `okStatus`. */
async function fireAndKill<T extends { key: string }>(
  server: ServerProcess,
  items: T[],
  send: (item: T) => Promise<{ status: number }>,
  okStatus: number,
  killAt: number,
): Promise<{ acked: Set<string>; statuses: Map<string, number> }> {
  const acked = new Set<string>();
  const statuses = new Map<string, number>();
  let killing: Promise<void> | undefined;
  await Promise.all(
    items.map(async (item) => {
      try {
        const res = await send(item);
        statuses.set(item.key, res.status);
        if (res.status === okStatus) {
          acked.add(item.key);
          if (acked.size === killAt) killing = server.kill();
        }
      } catch {
        statuses.set(item.key, 0); // no answer: the connection was cut by the kill
      }
    }),
  );
  await (killing ?? server.kill());
  return { acked, statuses };
}

export async function evaluationCrash(ctx: Context, sheets: Scenario, certificates: Scenario): Promise<void> {
  let started = Date.now();
  const dataDir = await ctx.pgliteDataDir('evaluation');
  const server = await ServerProcess.start({ dataDir, logFile: ctx.logFile('evaluation') });
  try {
    const { parties, productIds } = await producerWithProducts(server.baseUrl, 'fault', DOSSIERS);
    const { admin } = parties;
    const council = await setUpCouncil(server.baseUrl, admin, 'fault');
    const dossierIds: string[] = [];
    for (const id of productIds) dossierIds.push(await dossierInCouncil(parties, id));
    const sessionId = await openSession(council, admin, dossierIds);
    const submissions: Submission[] = [];
    for (const dossierId of dossierIds)
      for (const [memberNo, member] of council.members.entries()) {
        await draftSheet(member, sessionId, dossierId);
        submissions.push({ member, memberNo, dossierId, key: `${dossierId}/${memberNo}` });
      }
    sheets.fact(`${DOSSIERS} dossiers before a council of 5 scoring members, ${submissions.length} draft sheets`);

    // --- Sheets: all submitted at once, the server killed when 12 were answered.
    const fired = await fireAndKill(
      server,
      submissions,
      (x) => x.member.request('POST', `/api/v1${sheetPath(sessionId, x.dossierId)}/submit`, {}),
      200,
      KILL_AT_SUBMISSION,
    );
    const cut = [...fired.statuses.values()].filter((st) => st === 0).length;
    const other = [...fired.statuses.values()].filter((st) => st !== 0 && st !== 200);
    sheets.check(other.length === 0, `submissions answered other than 200 before the kill: ${other.join(', ')}`);
    const restartMs = await server.restart();
    const status = new Map<string, string>();
    for (const x of submissions) status.set(x.key, (await x.member.get(sheetPath(sessionId, x.dossierId))).status);
    const lost = [...fired.acked].filter((key) => status.get(key) !== 'submitted');
    sheets.check(lost.length === 0, `${lost.length} sheets answered 200 are not locked after the restart`);
    const lockedUnanswered = submissions.filter((x) => !fired.acked.has(x.key) && status.get(x.key) === 'submitted').length;
    const drafts = submissions.filter((x) => status.get(x.key) === 'draft');
    sheets.fact(
      `SIGKILL after ${fired.acked.size} of ${submissions.length} submissions were answered 200 (${cut} cut without an answer); ` +
        `restarted in ${(restartMs / 1000).toFixed(1)} s: all ${fired.acked.size} locked, ${lockedUnanswered} more locked whose answer was lost, ${drafts.length} still drafts`,
    );
    for (const x of drafts) {
      const res = await x.member.request('POST', `/api/v1${sheetPath(sessionId, x.dossierId)}/submit`, {});
      sheets.check(res.status === 200, `a draft left by the crash could not be submitted: ${res.status}`);
    }
    const acked = submissions.find((x) => fired.acked.has(x.key))!;
    const again = await acked.member.request('POST', `/api/v1${sheetPath(sessionId, acked.dossierId)}/submit`, {});
    sheets.check(again.status === 409 || again.status === 400, `a locked sheet submitted again answered ${again.status}`);
    const closed = await council.secretary.request('POST', `/api/v1/council-sessions/${sessionId}/close`, {});
    sheets.check(closed.status === 200, `the session did not close: ${closed.status} ${JSON.stringify(closed.body).slice(0, 300)}`);
    const states = await Promise.all(dossierIds.map(async (id) => (await admin.get(`/dossiers/${id}`)).state as string));
    sheets.check(
      states.every((st) => st === 'scored'),
      `dossiers after closing: ${states.join(', ')}`,
    );
    sheets.fact(`the rest submitted, a second submission refused (${again.status}); the session closed with ${DOSSIERS} results from 30 locked sheets`);
    sheets.seconds = (Date.now() - started) / 1000;

    // --- Certificates: four decisions at once (one of three dossiers, three of one), killed at the first 201.
    started = Date.now();
    const year = new Date().getFullYear();
    const decisions = [
      { key: 'F-1', dossiers: dossierIds.slice(0, 3) },
      { key: 'F-2', dossiers: [dossierIds[3]!] },
      { key: 'F-3', dossiers: [dossierIds[4]!] },
      { key: 'F-4', dossiers: [dossierIds[5]!] },
    ];
    const decided = await fireAndKill(
      server,
      decisions,
      (d) => admin.request('POST', '/api/v1/decisions', decisionBody(`${d.key}/QĐ-UBND`, d.dossiers)),
      201,
      1,
    );
    const restart2 = await server.restart();
    const listed = (await admin.get('/decisions')) as { number: string; items: { dossierId: string; certificateNumber: string | null }[] }[];
    const certs = (await admin.get('/certificates?pageSize=100')).items as { number: string; decisionNumber: string | null }[];
    const numbers = new Set(listed.map((d) => d.number));
    const lostDecisions = [...decided.acked].filter((key) => !numbers.has(`${key}/QĐ-UBND`));
    certificates.check(lostDecisions.length === 0, `decisions answered 201 missing after the restart: ${lostDecisions.join(', ')}`);
    const itemCount = listed.reduce((n, d) => n + d.items.length, 0);
    const withoutNumber = listed.flatMap((d) => d.items).filter((i) => !i.certificateNumber).length;
    certificates.check(
      certs.length === itemCount && withoutNumber === 0,
      `${certs.length} certificates for ${itemCount} decided dossiers (${withoutNumber} without one)`,
    );
    certificates.check(
      certs.every((c) => c.decisionNumber && numbers.has(c.decisionNumber)),
      'a certificate without its decision',
    );
    certificates.fact(
      `SIGKILL at the first of 4 decisions answered 201 (${[...decided.statuses.values()].filter((st) => st === 0).length} cut); restarted in ${(restart2 / 1000).toFixed(1)} s: ` +
        `${listed.length} decision(s) with ${certs.length} certificates, each with its decision`,
    );
    for (const d of decisions.filter((x) => !numbers.has(`${x.key}/QĐ-UBND`))) {
      const res = await admin.request('POST', '/api/v1/decisions', decisionBody(`${d.key}/QĐ-UBND`, d.dossiers));
      certificates.check(
        res.status === 201,
        `a decision lost in the crash could not be recorded again: ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`,
      );
    }
    const twice = await admin.request('POST', '/api/v1/decisions', decisionBody('F-9/QĐ-UBND', [dossierIds[0]!]));
    certificates.check(twice.status >= 400 && twice.status < 500, `a decided dossier decided again answered ${twice.status}`);
    const all = ((await admin.get('/certificates?pageSize=100')).items as { number: string }[]).map((c) => c.number).sort();
    const expected = Array.from({ length: DOSSIERS }, (_, i) => `OCOP-82-${year}-${String(i + 1).padStart(4, '0')}`);
    certificates.check(
      JSON.stringify(all) === JSON.stringify(expected),
      `certificate numbers ${all.join(', ')}: expected ${expected[0]}…${expected.at(-1)} without a gap`,
    );
    await server.stop();

    await withDataFolder(dataDir, async (q, database) => {
      const orphans = await count(q, sql`select count(*)::int as n from certificates c left join decisions d on d.id = c.decision_id where d.id is null`);
      const uneven = await count(
        q,
        sql`select count(*)::int as n from decisions d where d.kind = 'recognition' and
              (select count(*) from decision_items i where i.decision_id = d.id and i.star is not null) <>
              (select count(*) from certificates c where c.decision_id = d.id)`,
      );
      const undecided = await count(
        q,
        sql`select count(*)::int as n from dossiers x where (x.state = 'decided') <> exists (select 1 from certificates c where c.dossier_id = x.id)`,
      );
      const sheetsLocked = await count(q, sql`select count(*)::int as n from score_sheets where status = 'submitted'`);
      certificates.check(orphans === 0, `database: ${orphans} certificates without their decision`);
      certificates.check(uneven === 0, `database: ${uneven} decisions whose certificates do not match their items`);
      certificates.check(undecided === 0, `database: ${undecided} dossiers whose state disagrees with their certificate`);
      sheets.check(sheetsLocked === submissions.length, `database: ${sheetsLocked} locked sheets, expected ${submissions.length}`);
      const integrity = await integrityProblems(database);
      for (const p of integrity.problems) certificates.check(false, p);
      certificates.fact(
        `lost decisions recorded again, a second decision on a dossier refused (${twice.status}); database: ${DOSSIERS} certificates numbered without a gap, ` +
          `none without its decision, every dossier's state agreeing; ${integrity.tables} tables readable, indexes agreeing`,
      );
    });
    certificates.seconds = (Date.now() - started) / 1000;
  } finally {
    await server.kill();
  }
}
