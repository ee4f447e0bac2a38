import type { z } from 'zod';
import {
  WORKLIST_PREVIEW,
  WORKLIST_SECTIONS,
  type RevokeBody,
  type ViolationBody,
  type Worklist,
  type WorklistSection,
} from '../../../contracts/certificates.js';
import { certificateStatus, CERTIFICATE_STATUS_LABELS, isRevocable, reratingWindow, type CertificateStatus } from '../../../domain/certificates/validity.js';
import { addDays, vietnamDate } from '../../../domain/dates/calendar.js';
import { conflict, forbidden, invalid, notFound } from '../../../domain/errors.js';
import { checkActDate } from '../../../domain/evaluation/dated-acts.js';
import { overdueDeadlines } from '../../../domain/evaluation/deadlines.js';
import { isAtMinistry, type DossierState } from '../../../domain/evaluation/dossier-workflow.js';
import { canReadSubject, canRevokeCertificate, registryScope, type Actor, type RegistryScope } from '../../../domain/policies/index.js';
import type { Db } from '../../db/client.js';
import { inPages } from '../../lib/table-export.js';
import { createRecordsCache } from '../audit/records-cache.js';
import { recordAudit, SYSTEM_ACTOR, type AuditActor } from '../audit/audit.service.js';
import { dossiersRepository } from '../dossiers/dossiers.repository.js';
import { notify } from '../notifications/notifications.service.js';
import { presentCertificate } from './certificates.presenter.js';
import { certificatesRepository as repo, type CertificateRow } from './certificates.repository.js';

const CERTIFICATE = { vi: 'giấy chứng nhận', en: 'certificate' };
const alreadyRevoked = () => conflict('already_revoked', { vi: 'Giấy chứng nhận đã bị thu hồi.', en: 'The certificate is already revoked.' });

/** `certificatesChanged` is told after a revocation (public caches drop their answers). */
export function createCertificatesService(db: Db, clock: () => Date = () => new Date(), certificatesChanged: () => void = () => {}) {
  const today = () => vietnamDate(clock());

  async function statuses(rows: CertificateRow[]): Promise<Map<string, CertificateStatus>> {
    const pending = await repo.pendingRerating(db, [...new Set(rows.map((r) => r.productId))]);
    const day = today();
    return new Map(rows.map((r) => [r.id, certificateStatus({ ...r, reratingPendingSince: pending.get(r.productId) ?? null }, day)]));
  }

  async function presentAll(rows: CertificateRow[]) {
    const s = await statuses(rows);
    return rows.map((r) => presentCertificate(r, s.get(r.id)!));
  }

  const ref = (r: CertificateRow) => ({ id: r.subjectId, provinceCode: r.provinceCode, communeCode: r.communeCode });

  async function load(actor: Actor, id: string) {
    const row = await repo.get(db, id);
    if (!row || !canReadSubject(actor, ref(row))) throw notFound(CERTIFICATE);
    return row;
  }
  const getOne = async (actor: Actor, id: string) => (await presentAll([await load(actor, id)]))[0]!;

  type Filters = { status?: CertificateStatus | undefined; productId?: string | undefined };
  const listFilter = (actor: Actor, f: Filters) => ({ scope: registryScope(actor), productId: f.productId });

  /** The office's work list for a scope on a day, every item of each section, most urgent first. */
  async function computeWorklist(scope: RegistryScope, day: string) {
    // Expired in the last year or expiring within 180 days, not revoked or replaced: soonest expiry first.
    const rows = await presentAll(await repo.expiringBetween(db, { scope }, addDays(day, -365), addDays(day, 180)));
    const violations = await presentAll(await repo.violationsPending(db, { scope }));
    const moving = await dossiersRepository.moving(db, { scope });
    const byDueOn = (a: { dueOn: string }, b: { dueOn: string }) => a.dueOn.localeCompare(b.dueOn);
    return {
      dueForRerating: rows.filter((c) => c.status === 'due_for_rerating'),
      windowMissed: rows.filter((c) => c.status === 'expiring'),
      lapsed: rows.filter((c) => c.status === 'expired'),
      revocationsDue: violations.map((c) => ({ certificate: c, dueOn: c.violation!.revokeBy, overdue: day > c.violation!.revokeBy })).sort(byDueOn),
      dossiersOverdue: moving
        .flatMap((d) =>
          overdueDeadlines(
            {
              kind: d.kind,
              state: d.state as DossierState,
              communeDueOn: d.communeDueOn,
              receivedOn: isAtMinistry(d.state) ? d.ministryReceivedOn : d.receivedOn,
              roundResultDeadline: isAtMinistry(d.state) ? d.ministryResultDeadline : d.provinceResultDeadline,
            },
            day,
          ).map((o) => ({ dossierId: d.id, productName: d.productName, ocopCode: d.ocopCode, state: d.state, ...o })),
        )
        .sort(byDueOn),
    };
  }
  type WholeWorklist = Awaited<ReturnType<typeof computeWorklist>>;

  /** What is sent: each section's number of items and its first WORKLIST_PREVIEW, or all of the one opened. */
  function worklistAnswer(whole: WholeWorklist, open: WorklistSection | undefined): Worklist {
    const section = (name: WorklistSection, items: unknown[]) => ({ total: items.length, items: name === open ? items : items.slice(0, WORKLIST_PREVIEW) });
    return Object.fromEntries(WORKLIST_SECTIONS.map((name) => [name, section(name, whole[name])])) as Worklist;
  }

  // Every officer of a scope asks for the same list: kept until the records change (or the day
  // does), with the answer most asked for (no section opened), whose JSON is then written once.
  const worklists = createRecordsCache<{ whole: WholeWorklist; preview: Worklist }>(db);

  return {
    async list(actor: Actor, f: Filters & { page: number; pageSize: number }) {
      const filter = listFilter(actor, f);
      if (!f.status) {
        const { items, total } = await repo.list(db, filter, { limit: f.pageSize, offset: (f.page - 1) * f.pageSize });
        return { items: await presentAll(items), total, page: f.page, pageSize: f.pageSize };
      }
      // Status depends on today and on pending re-ratings, so it is computed, then paged.
      const all = (await presentAll(await repo.all(db, filter))).filter((c) => c.status === f.status);
      return { items: all.slice((f.page - 1) * f.pageSize, f.page * f.pageSize), total: all.length, page: f.page, pageSize: f.pageSize };
    },

    /** Every certificate the list shows with these filters, in its order, read in batches (for exports). */
    async *exportRows(actor: Actor, f: Filters) {
      const filter = listFilter(actor, f);
      if (!f.status) {
        yield* inPages(async (page) => presentAll((await repo.list(db, filter, page)).items));
        return;
      }
      for await (const c of inPages(async (page) => presentAll(await repo.all(db, filter, page)))) if (c.status === f.status) yield c;
    },

    get: getOne,

    /** For the PDF and DOCX writers: the certificate as presented, with the names the documents print. */
    async forPrint(actor: Actor, id: string) {
      const row = await load(actor, id);
      return { certificate: (await presentAll([row]))[0]!, provinceName: row.provinceName, communeCode: row.communeCode };
    },

    /**
     * Records the conclusion of a violation by a competent authority (or the commune's confirmation
     * that production stopped): the certificate must then be revoked within 15 days (Art. 8.4), and
     * the work list says so.
     */
    async recordViolation(actor: Actor, audit: AuditActor, id: string, body: z.infer<typeof ViolationBody>) {
      const before = await load(actor, id);
      if (!canRevokeCertificate(actor, before))
        throw forbidden({ vi: 'Chỉ cơ quan đã công nhận mới xử lý thu hồi (Điều 8).', en: 'Only the recognising authority handles revocation (Art. 8).' });
      if (before.revokedOn) throw alreadyRevoked();
      const date = checkActDate({ date: body.concludedOn, label: { vi: 'ngày kết luận vi phạm', en: 'conclusion of the violation' } }, today(), [
        { date: before.issuedOn, label: { vi: 'ngày cấp giấy chứng nhận', en: 'certificate’s issue' } },
      ]);
      if (!date.ok) throw invalid('date_out_of_order', date.message, { concludedOn: date.message });
      await db.transaction(async (tx) => {
        await repo.recordViolation(tx, id, { violationConcludedOn: body.concludedOn, violationGround: body.ground, violationReference: body.reference });
        await recordAudit(tx, audit, {
          action: 'update',
          entityType: 'certificate',
          entityId: id,
          before: { violationConcludedOn: before.violationConcludedOn },
          after: { violationConcludedOn: body.concludedOn, ground: body.ground, reference: body.reference },
        });
      });
      return getOne(actor, id);
    },

    /**
     * Revocation (Art. 8): on one of grounds a–f, by the authority that recognised the star — the
     * province for 3–4★, the ministry for 5★ — with the revoking decision's number, date and signer.
     * It is dated on or after the certificate's issue and the violation's conclusion, and not ahead.
     */
    async revoke(actor: Actor, audit: AuditActor, id: string, body: z.infer<typeof RevokeBody>) {
      const before = await load(actor, id);
      if (!canRevokeCertificate(actor, before))
        throw forbidden({ vi: 'Chỉ cơ quan đã công nhận mới được thu hồi (Điều 8).', en: 'Only the recognising authority may revoke (Art. 8).' });
      if (before.revokedOn) throw alreadyRevoked();
      // Art. 8.1: only a recognition still in force is withdrawn; an expired or replaced certificate has none left.
      const status = (await statuses([before])).get(before.id)!;
      if (!isRevocable(status))
        throw conflict('not_revocable', {
          vi: `Giấy chứng nhận đang ở trạng thái "${CERTIFICATE_STATUS_LABELS[status].vi}", không còn hiệu lực để thu hồi (Điều 8).`,
          en: `The certificate is "${CERTIFICATE_STATUS_LABELS[status].en}": it is no longer in force, so there is nothing to revoke (Art. 8).`,
        });
      const date = checkActDate({ date: body.decidedOn, label: { vi: 'ngày quyết định thu hồi', en: 'revocation decision' } }, today(), [
        { date: before.issuedOn, label: { vi: 'ngày cấp giấy chứng nhận', en: 'certificate’s issue' } },
        { date: before.violationConcludedOn, label: { vi: 'ngày kết luận vi phạm', en: 'conclusion of the violation' } },
      ]);
      if (!date.ok) throw invalid('date_out_of_order', date.message, { decidedOn: date.message });
      await db.transaction(async (tx) => {
        const after = await repo.revoke(tx, id, {
          revokedOn: body.decidedOn,
          revocationGround: body.ground,
          revocationDecisionNo: body.decisionNo,
          revocationNote: body.note ?? null,
          revocationSigner: body.signer,
          revocationSignerTitle: body.signerTitle,
        });
        if (!after) throw alreadyRevoked();
        await recordAudit(tx, audit, {
          action: 'update',
          entityType: 'certificate',
          entityId: id,
          before: { revokedOn: null },
          after: { revokedOn: body.decidedOn, ground: body.ground, decisionNo: body.decisionNo, signer: body.signer },
        });
        await notify(tx, {
          userIds: await dossiersRepository.producerUsers(tx, before.subjectId),
          title: `Thu hồi giấy chứng nhận OCOP: ${before.productName}`,
          body: `Giấy chứng nhận số ${before.number} của sản phẩm "${before.productName}" bị thu hồi theo quyết định số ${body.decisionNo}.`,
        });
      });
      certificatesChanged();
      return getOne(actor, id);
    },

    /**
     * The office's work list: certificates to re-rate now, windows missed, labels lapsed,
     * revocations due after a violation (Art. 8.4), and dossiers past a deadline (Art. 5, 7.2, 7.6g);
     * each section's first items, or all of the one opened.
     */
    async worklist(actor: Actor, open?: WorklistSection) {
      const day = today();
      const scope = registryScope(actor);
      const kept = await worklists.get(`${JSON.stringify(scope)}|${day}`, async () => {
        const whole = await computeWorklist(scope, day);
        return { whole, preview: worklistAnswer(whole, undefined) };
      });
      return open ? worklistAnswer(kept.whole, open) : kept.preview;
    },

    /**
     * Reminds producers once when their certificate enters the re-rating window (Art. 7.6), through
     * notifications and the e-mail outbox. Safe to run any number of times: each certificate is
     * marked when reminded.
     */
    async sendReratingReminders(): Promise<number> {
      const day = today();
      const candidates = await repo.expiringBetween(db, { scope: { kind: 'all' }, notYetReminded: true }, day, addDays(day, 180));
      const s = await statuses(candidates);
      let sent = 0;
      for (const c of candidates.filter((r) => s.get(r.id) === 'due_for_rerating')) {
        await db.transaction(async (tx) => {
          if (!(await repo.markReminded(tx, c.id, day))) return; // another process reminded it meanwhile
          const window = reratingWindow(c.expiresOn);
          await notify(tx, {
            userIds: await dossiersRepository.producerUsers(tx, c.subjectId),
            title: `Đến hạn đánh giá lại sản phẩm OCOP: ${c.productName}`,
            body: `Giấy chứng nhận số ${c.number} hết hạn ngày ${c.expiresOn.split('-').reverse().join('/')}. Hồ sơ đánh giá lại nộp từ ${window.opens.split('-').reverse().join('/')} đến ${window.closes.split('-').reverse().join('/')} (Điều 7, Quyết định 26/2026/QĐ-TTg).`,
          });
          await recordAudit(tx, SYSTEM_ACTOR, {
            action: 'update',
            entityType: 'certificate',
            entityId: c.id,
            before: { reratingReminderOn: null },
            after: { reratingReminderOn: day },
          });
          sent++;
        });
      }
      return sent;
    },

    /** The product's first photo, for the public page (only for codes that exist). */
    async publicPhoto(code: string) {
      const row = await repo.byCode(db, code);
      if (!row) return undefined;
      return repo.firstPhoto(db, row.productId);
    },
  };
}
export type CertificatesService = ReturnType<typeof createCertificatesService>;
