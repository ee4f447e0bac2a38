import { and, eq, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import type { Certificate, PublicVerification, RevokeBody, ViolationBody } from '../../../contracts/certificates.js';
import {
  CERTIFICATE_STATUS_LABELS,
  certificateStatus,
  isInForce,
  reratingWindow,
  revocationDue,
  revokingAuthority,
  type CertificateStatus,
} from '../../../domain/certificates/validity.js';
import { addDays, vietnamDate } from '../../../domain/dates/calendar.js';
import { conflict, forbidden, invalid, notFound } from '../../../domain/errors.js';
import { checkActDate } from '../../../domain/evaluation/dated-acts.js';
import { overdueDeadlines } from '../../../domain/evaluation/deadlines.js';
import { isAtMinistry, type DossierState } from '../../../domain/evaluation/dossier-workflow.js';
import { canReadSubject, canRevokeCertificate, registryScope, type Actor } from '../../../domain/policies/index.js';
import type { Db } from '../../db/client.js';
import { certificates, productPhotos } from '../../db/schema/index.js';
import { subjectScopeWhere } from '../../lib/sql-scope.js';
import { inPages } from '../../lib/table-export.js';
import { recordAudit, SYSTEM_ACTOR, type AuditActor } from '../audit/audit.service.js';
import { dossiersRepository } from '../dossiers/dossiers.repository.js';
import { dossiers } from '../../db/schema/index.js';
import { notify } from '../notifications/notifications.service.js';
import { certificatesRepository as repo, type CertificateRow } from './certificates.repository.js';

const CERTIFICATE = { vi: 'giấy chứng nhận', en: 'certificate' };
const alreadyRevoked = () => conflict('already_revoked', { vi: 'Giấy chứng nhận đã bị thu hồi.', en: 'The certificate is already revoked.' });
export const verificationPath = (code: string) => `/v/${code}`;

export function createCertificatesService(db: Db, clock: () => Date = () => new Date()) {
  const today = () => vietnamDate(clock());

  async function statuses(rows: CertificateRow[]): Promise<Map<string, CertificateStatus>> {
    const pending = await repo.pendingRerating(db, [...new Set(rows.map((r) => r.productId))]);
    const day = today();
    return new Map(rows.map((r) => [r.id, certificateStatus({ ...r, reratingPendingSince: pending.get(r.productId) ?? null }, day)]));
  }

  function present(r: CertificateRow, status: CertificateStatus): z.infer<typeof Certificate> {
    return {
      id: r.id,
      number: r.number,
      productId: r.productId,
      productName: r.productName,
      ocopCode: r.ocopCode,
      subjectName: r.subjectName,
      communeName: r.communeName,
      provinceCode: r.provinceCode,
      level: r.level,
      star: r.star,
      score: r.score,
      issuedOn: r.issuedOn,
      expiresOn: r.expiresOn,
      status,
      reratingWindow: reratingWindow(r.expiresOn),
      verificationCode: r.verificationCode,
      verificationPath: verificationPath(r.verificationCode),
      decisionNumber: r.decisionNumber,
      decisionSignedOn: r.decisionSignedOn,
      decisionSigner: r.decisionSigner,
      decisionSignerTitle: r.decisionSignerTitle,
      revokedOn: r.revokedOn,
      revocationGround: r.revocationGround,
      revocationDecisionNo: r.revocationDecisionNo,
      revocationSigner: r.revocationSigner,
      revocationSignerTitle: r.revocationSignerTitle,
      violation: r.violationConcludedOn
        ? {
            ground: r.violationGround ?? '',
            concludedOn: r.violationConcludedOn,
            reference: r.violationReference ?? '',
            revokeBy: revocationDue(r.violationConcludedOn),
          }
        : null,
      supersededOn: r.supersededOn,
      revokedBy: revokingAuthority(r.star as 3 | 4 | 5),
    };
  }

  async function presentAll(rows: CertificateRow[]) {
    const s = await statuses(rows);
    return rows.map((r) => present(r, s.get(r.id)!));
  }

  const scopeWhere = (actor: Actor) => subjectScopeWhere(registryScope(actor));
  const ref = (r: CertificateRow) => ({ id: r.subjectId, provinceCode: r.provinceCode, communeCode: r.communeCode });

  async function load(actor: Actor, id: string) {
    const row = await repo.get(db, id);
    if (!row || !canReadSubject(actor, ref(row))) throw notFound(CERTIFICATE);
    return row;
  }
  const getOne = async (actor: Actor, id: string) => (await presentAll([await load(actor, id)]))[0]!;

  type Filters = { status?: CertificateStatus | undefined; productId?: string | undefined };
  const listWhere = (actor: Actor, f: Filters) => and(scopeWhere(actor), f.productId ? eq(certificates.productId, f.productId) : undefined);

  return {
    async list(actor: Actor, f: Filters & { page: number; pageSize: number }) {
      const where = listWhere(actor, f);
      if (!f.status) {
        const { items, total } = await repo.list(db, where, { limit: f.pageSize, offset: (f.page - 1) * f.pageSize });
        return { items: await presentAll(items), total, page: f.page, pageSize: f.pageSize };
      }
      // Status depends on today and on pending re-ratings, so it is computed, then paged.
      const all = (await presentAll(await repo.all(db, where))).filter((c) => c.status === f.status);
      return { items: all.slice((f.page - 1) * f.pageSize, f.page * f.pageSize), total: all.length, page: f.page, pageSize: f.pageSize };
    },

    /** Every certificate the list shows with these filters, in its order, read in batches (for exports). */
    async *exportRows(actor: Actor, f: Filters) {
      const where = listWhere(actor, f);
      if (!f.status) {
        yield* inPages(async (page) => presentAll((await repo.list(db, where, page)).items));
        return;
      }
      for await (const c of inPages(async (page) => presentAll(await repo.all(db, where, page)))) if (c.status === f.status) yield c;
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
        await tx
          .update(certificates)
          .set({ violationConcludedOn: body.concludedOn, violationGround: body.ground, violationReference: body.reference })
          .where(eq(certificates.id, id));
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
      const date = checkActDate({ date: body.decidedOn, label: { vi: 'ngày quyết định thu hồi', en: 'revocation decision' } }, today(), [
        { date: before.issuedOn, label: { vi: 'ngày cấp giấy chứng nhận', en: 'certificate’s issue' } },
        { date: before.violationConcludedOn, label: { vi: 'ngày kết luận vi phạm', en: 'conclusion of the violation' } },
      ]);
      if (!date.ok) throw invalid('date_out_of_order', date.message, { decidedOn: date.message });
      await db.transaction(async (tx) => {
        const [after] = await tx
          .update(certificates)
          .set({
            revokedOn: body.decidedOn,
            revocationGround: body.ground,
            revocationDecisionNo: body.decisionNo,
            revocationNote: body.note ?? null,
            revocationSigner: body.signer,
            revocationSignerTitle: body.signerTitle,
          })
          .where(and(eq(certificates.id, id), isNull(certificates.revokedOn)))
          .returning();
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
      return getOne(actor, id);
    },

    /**
     * The office's work list: certificates to re-rate now, windows missed, labels lapsed,
     * revocations due after a violation (Art. 8.4), and dossiers past a deadline (Art. 5, 7.2, 7.6g).
     */
    async worklist(actor: Actor) {
      const day = today();
      const rows = await presentAll(await repo.expiringBetween(db, scopeWhere(actor), addDays(day, -365), addDays(day, 180)));
      const violations = await presentAll(await repo.violationsPending(db, scopeWhere(actor)));
      const moving = await dossiersRepository.moving(
        db,
        subjectScopeWhere(registryScope(actor), { provinceCode: dossiers.provinceCode, communeCode: dossiers.communeCode, subjectId: dossiers.subjectId }),
      );
      return {
        dueForRerating: rows.filter((c) => c.status === 'due_for_rerating'),
        windowMissed: rows.filter((c) => c.status === 'expiring'),
        lapsed: rows.filter((c) => c.status === 'expired'),
        revocationsDue: violations.map((c) => ({ certificate: c, dueOn: c.violation!.revokeBy, overdue: day > c.violation!.revokeBy })),
        dossiersOverdue: moving.flatMap((d) =>
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
        ),
      };
    },

    /**
     * Reminds producers once when their certificate enters the re-rating window (Art. 7.6), through
     * notifications and the e-mail outbox. Safe to run any number of times: each certificate is
     * marked when reminded.
     */
    async sendReratingReminders(): Promise<number> {
      const day = today();
      const candidates = await repo.expiringBetween(db, isNull(certificates.reratingReminderOn), day, addDays(day, 180));
      const s = await statuses(candidates);
      let sent = 0;
      for (const c of candidates.filter((r) => s.get(r.id) === 'due_for_rerating')) {
        await db.transaction(async (tx) => {
          const marked = await tx
            .update(certificates)
            .set({ reratingReminderOn: day })
            .where(and(eq(certificates.id, c.id), isNull(certificates.reratingReminderOn)))
            .returning({ id: certificates.id });
          if (!marked.length) return; // another process reminded it meanwhile
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

    /** The public check behind a label's QR code; undefined when no certificate has that code. */
    async verify(code: string): Promise<PublicVerification | undefined> {
      const row = await repo.byCode(db, code);
      if (!row) return undefined;
      const status = (await statuses([row])).get(row.id)!;
      const photo = (
        await db.select({ id: productPhotos.id }).from(productPhotos).where(eq(productPhotos.productId, row.productId)).orderBy(productPhotos.position).limit(1)
      )[0];
      return {
        genuine: true,
        inForce: isInForce(status),
        status,
        statusLabel: CERTIFICATE_STATUS_LABELS[status],
        certificate: {
          number: row.number,
          star: row.star,
          issuedOn: row.issuedOn,
          expiresOn: row.expiresOn,
          // "Ủy ban nhân dân tỉnh Đồng Tháp": the unit's kind in lower case inside the name.
          issuer:
            row.level === 'ministry'
              ? 'Bộ Nông nghiệp và Môi trường'
              : `Ủy ban nhân dân ${row.provinceName.charAt(0).toLowerCase()}${row.provinceName.slice(1)}`,
        },
        product: { name: row.productName, ocopCode: row.ocopCode, photoUrl: photo ? `/api/v1/public/certificates/${code}/photo` : null },
        producer: { name: row.subjectName, commune: row.communeName, province: row.provinceName },
        decision: row.decisionNumber && row.decisionSignedOn ? { number: row.decisionNumber, signedOn: row.decisionSignedOn } : null,
      };
    },

    /** The product's first photo, for the public page (only for codes that exist). */
    async publicPhoto(code: string) {
      const row = await repo.byCode(db, code);
      if (!row) return undefined;
      return (await db.select().from(productPhotos).where(eq(productPhotos.productId, row.productId)).orderBy(productPhotos.position).limit(1))[0];
    },
  };
}
export type CertificatesService = ReturnType<typeof createCertificatesService>;
