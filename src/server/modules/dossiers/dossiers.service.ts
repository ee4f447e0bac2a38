import { and, desc, eq, isNull, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Dossier, DossierCreateBody, TransitionBody } from '../../../contracts/evaluation.js';
import { findSet } from '../../../domain/criteria/index.js';
import { formatDateVn, vietnamDate } from '../../../domain/dates/calendar.js';
import { AppError, conflict, forbidden, invalid, notFound, type Message } from '../../../domain/errors.js';
import { checkActDate } from '../../../domain/evaluation/dated-acts.js';
import {
  availableActions,
  checkTransition,
  communeAssessmentDue,
  COUNCIL_ACTIONS,
  DECISION_ACTIONS,
  DOSSIER_STATE_LABELS,
  samplesRequired,
  type DossierAction,
  type DossierState,
  type TransitionFacts,
} from '../../../domain/evaluation/dossier-workflow.js';
import { checkDossierKind, type CurrentCertificate } from '../../../domain/evaluation/dossier-kind.js';
import { certificateStatus } from '../../../domain/certificates/validity.js';
import { canEditProduct, canReadSubject, registryScope, type Actor } from '../../../domain/policies/index.js';
import type { Db, DbOrTx } from '../../db/client.js';
import { certificates, dossiers, products, selfAssessments } from '../../db/schema/index.js';
import { likeEscape, subjectScopeWhere } from '../../lib/sql-scope.js';
import { inPages } from '../../lib/table-export.js';
import { foldVietnamese } from '../../../domain/text/vietnamese.js';
import { recordAudit, type AuditActor } from '../audit/audit.service.js';
import type { CalendarService } from '../calendar/calendar.service.js';
import type { CriteriaCatalogue } from '../criteria/criteria.catalogue.js';
import { dossierPapers, snapshotDossierDocuments } from '../documents/documents.service.js';
import { notify } from '../notifications/notifications.service.js';
import { productsRepository } from '../products/products.repository.js';
import type { RoundsService } from '../rounds/rounds.service.js';
import { dossiersRepository as repo, type DossierRow } from './dossiers.repository.js';
import type { FilingsService, PreparedFiling } from './filings.service.js';
import { openQuestionCount } from './questions.service.js';

const DOSSIER = { vi: 'hồ sơ', en: 'dossier' };
const SCOPE_COLUMNS = { provinceCode: dossiers.provinceCode, communeCode: dossiers.communeCode, subjectId: dossiers.subjectId };
const ref = (d: { subjectId: string; provinceCode: string; communeCode: string; state: string }) => ({
  id: d.subjectId,
  provinceCode: d.provinceCode,
  communeCode: d.communeCode,
  state: d.state as DossierState,
});

export type DossierFilters = {
  q?: string | undefined;
  state?: string | undefined;
  kind?: string | undefined;
  roundId?: string | undefined;
  communeCode?: string | undefined;
  productId?: string | undefined;
};

type Deps = { db: Db; catalogue: CriteriaCatalogue; filings: FilingsService; rounds: RoundsService; calendar: CalendarService; clock?: () => Date };

export function createDossiersService({ db, catalogue, filings, rounds, calendar, clock = () => new Date() }: Deps) {
  const today = () => vietnamDate(clock());

  function present(row: DossierRow, actor: Actor): Dossier {
    return {
      id: row.id,
      productId: row.productId,
      productName: row.productName,
      ocopCode: row.ocopCode,
      subjectId: row.subjectId,
      subjectName: row.subjectName,
      provinceCode: row.provinceCode,
      communeCode: row.communeCode,
      communeName: row.communeName,
      roundId: row.roundId,
      roundName: row.roundName,
      ministryRoundId: row.ministryRoundId,
      kind: row.kind,
      state: row.state as DossierState,
      legalBasis: row.legalBasis,
      setNumber: row.setNumber,
      selfAssessmentId: row.selfAssessmentId,
      registration: row.registration,
      samples: row.samples,
      communeAssessment: row.communeAssessment ?? null,
      submittedOn: row.submittedOn,
      filedOn: row.filedOn,
      communeDueOn: row.communeDueOn,
      communeOverdue: row.state === 'submitted' && row.communeDueOn !== null && today() > row.communeDueOn,
      councilScore: row.councilScore,
      councilStar: row.councilStar,
      centralScore: row.centralScore,
      centralStar: row.centralStar,
      forwarding: row.forwarding ?? null,
      decidedStar: row.decidedStar,
      version: row.version,
      availableActions: availableActions(actor, ref(row), { councilScore: row.councilScore, councilStar: row.councilStar, decidedStar: row.decidedStar }),
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
    };
  }

  async function load(actor: Actor, id: string) {
    const row = await repo.get(db, id);
    if (!row || !canReadSubject(actor, ref(row))) throw notFound(DOSSIER);
    return row;
  }

  /**
   * The self-assessment a dossier is filed with (Mẫu 02, part III): the product's own, completed, on
   * the product's criteria set and the criteria version in force — a sheet on another set would put
   * the product under criteria it was never classified in.
   */
  async function fileableSelfAssessment(product: { id: string; criteriaSetNumber: number | null }, id: string, legalBasis: string) {
    const sa = (
      await db
        .select()
        .from(selfAssessments)
        .where(and(eq(selfAssessments.id, id), eq(selfAssessments.productId, product.id)))
        .limit(1)
    )[0];
    const refuse = (code: string, m: Message) => invalid(code, m, { selfAssessmentId: m });
    if (!sa) throw refuse('unknown_self_assessment', { vi: 'Phiếu tự đánh giá không thuộc sản phẩm này.', en: 'The self-assessment is not of this product.' });
    if (product.criteriaSetNumber !== null && sa.setNumber !== product.criteriaSetNumber)
      throw refuse('criteria_set_mismatch', {
        vi: `Phiếu tự đánh giá theo bộ số ${sa.setNumber}, nhưng sản phẩm thuộc bộ số ${product.criteriaSetNumber}.`,
        en: `The self-assessment uses set ${sa.setNumber}, but the product belongs to set ${product.criteriaSetNumber}.`,
      });
    if (sa.legalBasis !== legalBasis)
      throw refuse('criteria_version_mismatch', {
        vi: `Phiếu tự đánh giá theo ${sa.legalBasis}, hồ sơ đánh giá theo ${legalBasis}.`,
        en: `The self-assessment follows ${sa.legalBasis}; the dossier ${legalBasis}.`,
      });
    return sa;
  }

  /** The product's certificate still standing (not revoked or replaced), with today's status. */
  async function currentCertificate(productId: string): Promise<CurrentCertificate> {
    const row = (
      await db
        .select()
        .from(certificates)
        .where(and(eq(certificates.productId, productId), isNull(certificates.revokedOn), isNull(certificates.supersededOn)))
        .orderBy(desc(certificates.issuedOn))
        .limit(1)
    )[0];
    return row ? { star: row.star, expiresOn: row.expiresOn, status: certificateStatus(row, today()) } : null;
  }

  /** One page of the list: the caller's scope and the filters, most recently changed first. */
  function listPage(actor: Actor, f: DossierFilters, page: { limit: number; offset: number }) {
    const where = and(
      subjectScopeWhere(registryScope(actor), SCOPE_COLUMNS),
      f.state ? eq(dossiers.state, f.state) : undefined,
      f.kind ? eq(dossiers.kind, f.kind as 'first') : undefined,
      f.roundId ? or(eq(dossiers.roundId, f.roundId), eq(dossiers.ministryRoundId, f.roundId)) : undefined,
      f.communeCode ? eq(dossiers.communeCode, f.communeCode) : undefined,
      f.productId ? eq(dossiers.productId, f.productId) : undefined,
      f.q ? or(sql`${products.nameSearch} like ${`%${likeEscape(foldVietnamese(f.q))}%`}`, eq(products.ocopCode, f.q.trim())) : undefined,
    );
    return repo.list(db, where, page);
  }

  return {
    async list(actor: Actor, f: DossierFilters & { page: number; pageSize: number }) {
      const { items, total } = await listPage(actor, f, { limit: f.pageSize, offset: (f.page - 1) * f.pageSize });
      return { items: items.map((r) => present(r, actor)), total, page: f.page, pageSize: f.pageSize };
    },

    /** Every dossier the list shows with these filters, in its order, read in batches (for exports). */
    exportRows: (actor: Actor, f: DossierFilters) => inPages(async (page) => (await listPage(actor, f, page)).items.map((r) => present(r, actor))),

    get: async (actor: Actor, id: string) => present(await load(actor, id), actor),

    /** Opens a draft dossier for a product: one moving dossier per product at a time. */
    async create(actor: Actor, audit: AuditActor, body: z.infer<typeof DossierCreateBody>) {
      const product = await productsRepository.get(db, body.productId);
      const subject = product && { id: product.subjectId, provinceCode: product.provinceCode, communeCode: product.communeCode };
      if (!product || !subject || !canReadSubject(actor, subject)) {
        const m = { vi: 'Không tìm thấy sản phẩm.', en: 'The product was not found.' };
        throw invalid('unknown_product', m, { productId: m });
      }
      if (!canEditProduct(actor, subject)) throw forbidden();
      if (await repo.openForProduct(db, product.id))
        throw conflict('dossier_in_progress', { vi: 'Sản phẩm đang có hồ sơ chưa kết thúc.', en: 'The product already has a dossier in progress.' });
      const kindCheck = checkDossierKind(body.kind, await currentCertificate(product.id), today());
      if (!kindCheck.ok) throw invalid('dossier_kind_not_allowed', kindCheck.message, { kind: kindCheck.message });
      const entry = await catalogue.current();
      const setNumber = product.criteriaSetNumber;
      if (!entry || !setNumber || !findSet(entry.version, setNumber)) {
        const m = { vi: 'Sản phẩm chưa được phân bộ tiêu chí.', en: 'The product has no criteria set.' };
        throw invalid('unknown_criteria_set', m, { productId: m });
      }
      const sa = body.selfAssessmentId ? await fileableSelfAssessment(product, body.selfAssessmentId, entry.version.legalBasis) : undefined;
      const id = await db.transaction(async (tx) => {
        const row = await repo.insert(tx, {
          productId: product.id,
          subjectId: product.subjectId,
          provinceCode: product.provinceCode,
          communeCode: product.communeCode,
          kind: body.kind,
          legalBasis: entry.version.legalBasis,
          setNumber,
          selfAssessmentId: sa?.id ?? null,
          registration: body.registration,
          samples: samplesRequired(setNumber),
        });
        await repo.addEvent(tx, {
          dossierId: row.id,
          action: 'create',
          fromState: null,
          toState: 'draft',
          actorUserId: audit.userId,
          actorLabel: audit.label,
          at: clock(),
        });
        await recordAudit(tx, audit, { action: 'create', entityType: 'dossier', entityId: row.id, after: row });
        return row.id;
      });
      return present((await repo.get(db, id))!, actor);
    },

    /**
     * One step of the workflow (src/domain/evaluation/dossier-workflow.ts), with its event, audit
     * entry and notifications in one transaction, under the optimistic lock. Recognition goes through
     * decisions and a score only through a council's closing session, never through this endpoint.
     */
    async transition(actor: Actor, audit: AuditActor, id: string, body: z.infer<typeof TransitionBody>) {
      const before = await load(actor, id);
      const action = body.action as DossierAction;
      if (DECISION_ACTIONS.includes(action))
        throw invalid('decision_required', {
          vi: 'Kết quả công nhận hoặc phê duyệt được ghi bằng quyết định (mục Quyết định), không ghi trực tiếp trên hồ sơ.',
          en: 'Recognition and approval are recorded through a decision (POST /api/v1/decisions), not on the dossier directly.',
        });
      if (COUNCIL_ACTIONS.includes(action))
        throw invalid('score_from_sheets_only', {
          vi: 'Điểm của hội đồng chỉ được ghi từ các phiếu chấm đã khoá của thành viên, khi kết thúc phiên họp (Điều 3.3); không nhập tay.',
          en: 'A council score is recorded only from its members’ locked sheets when the session closes (Art. 3.3); it is never typed in.',
        });
      const now = today();
      const facts: TransitionFacts = {
        comment: body.comment,
        councilScore: before.councilScore,
        councilStar: before.councilStar,
        decidedStar: before.decidedStar,
      };
      if (action === 'assess') {
        if (!body.assessment) {
          const m = { vi: 'Cần nhập báo cáo đánh giá của xã (Mẫu 03).', en: 'The commune’s assessment (Form 03) is required.' };
          throw invalid('assessment_required', m, { assessment: m });
        }
        facts.conclusion = body.assessment.conclusion;
      }
      if (action === 'receive' || action === 'send_to_council') {
        const { status } = await dossierPapers(db, before, now);
        facts.missingPapers = status.missing;
        facts.disqualifyingPapers = status.disqualifying;
      }
      const check = checkTransition(actor, ref(before), action, facts);
      if (!check.ok) {
        if (check.reason === 'forbidden') throw forbidden(check.message);
        throw new AppError(check.reason === 'invalid_state' ? 'conflict' : 'invalid', check.reason, check.message);
      }
      if (body.expectedVersion !== before.version) throw stale();

      const changes: Partial<typeof dossiers.$inferInsert> = { state: check.to };
      let comment = body.comment;
      let filing: PreparedFiling | undefined;
      if (action === 'submit' || action === 'resubmit') {
        const product = (await productsRepository.get(db, before.productId))!;
        const saId = body.selfAssessmentId ?? before.selfAssessmentId;
        if (!saId)
          throw invalid('self_assessment_required', {
            vi: 'Hồ sơ cần phiếu tự đánh giá đã hoàn thành (Mẫu 02, phần III).',
            en: 'The dossier needs a completed self-assessment (Form 02, part III).',
          });
        const sa = await fileableSelfAssessment(product, saId, before.legalBasis);
        filing = await filings.prepare(before, sa.id);
        changes.selfAssessmentId = sa.id;
      }
      if (action === 'submit') {
        changes.submittedOn = now;
        changes.communeDueOn = communeAssessmentDue(now, await calendar.workingDays(before.provinceCode));
        // Art. 5: the round whose proposal deadline the commune can still meet.
        changes.roundId = (await rounds.forProposal('province', before.provinceCode, now)).id;
      }
      if (action === 'assess' && body.assessment) {
        changes.communeAssessment = { ...body.assessment, assessedOn: now };
        // A proposal after its round's deadline goes to the next round (Art. 5.1), and the event says so.
        const round = before.roundId ? await rounds.get(before.roundId) : undefined;
        if (check.to === 'commune_assessed' && (!round || round.proposalDeadline < now)) {
          const next = await rounds.forProposal('province', before.provinceCode, now);
          changes.roundId = next.id;
          if (round)
            comment = [comment, `Đề nghị sau hạn ${formatDateVn(round.proposalDeadline)} của ${round.name}: chuyển sang ${next.name}.`]
              .filter(Boolean)
              .join(' ');
        }
      }
      if (action === 'receive' && check.to === 'disqualified')
        comment = `Hồ sơ bị loại: thiếu ${facts.disqualifyingPapers!.map((m) => m.vi).join('; ')} (Phụ lục II, Quyết định 26/2026/QĐ-TTg).`;
      if (action === 'forward_to_ministry') {
        if (!body.forwarding) {
          const m = {
            vi: 'Cần số, ngày văn bản của UBND tỉnh gửi Bộ và số mẫu gửi kèm.',
            en: 'The province’s letter (number, date) and the samples sent are required.',
          };
          throw invalid('forwarding_required', m, { forwarding: m });
        }
        const date = checkActDate({ date: body.forwarding.letterDate, label: { vi: 'ngày văn bản gửi Bộ', en: 'letter to the ministry' } }, now, [
          { date: (await repo.approvalOf(db, before.id))?.signedOn, label: { vi: 'ngày quyết định phê duyệt kết quả', en: 'approval decision' } },
        ]);
        if (!date.ok) throw invalid('date_out_of_order', date.message, { 'forwarding.letterDate': date.message });
        changes.forwarding = body.forwarding;
      }
      if (action === 'ministry_receive') {
        changes.forwarding = { ...before.forwarding!, samplesReceived: body.samplesReceived ?? before.forwarding?.samplesSent ?? 0, receivedOn: now };
        // Art. 5.2: the ministry's round by the day the province's proposal arrived.
        changes.ministryRoundId = (await rounds.forProposal('ministry', null, before.forwarding?.letterDate ?? now)).id;
      }

      await db.transaction(async (tx) => {
        if (filing) changes.currentFilingId = (await filings.write(tx, before.id, now, audit.userId, filing)).id;
        await commitStep(tx, { before, action, to: check.to, changes, audit, comment, expectedVersion: body.expectedVersion, at: clock() });
        if (filing) await snapshotDossierDocuments(tx, before, now);
      });
      return present((await repo.get(db, id))!, actor);
    },

    async events(actor: Actor, id: string) {
      await load(actor, id);
      return (await repo.events(db, id)).map((e) => ({
        id: e.id,
        action: e.action,
        fromState: e.fromState,
        toState: e.toState,
        actorLabel: e.actorLabel,
        comment: e.comment,
        at: e.at.toISOString(),
      }));
    },
  };
}

export const staleDossier = () =>
  conflict('stale_dossier', {
    vi: 'Hồ sơ vừa được người khác cập nhật. Tải lại để xem trạng thái mới.',
    en: 'Someone else changed the dossier meanwhile. Reload to see its new state.',
  });
const stale = staleDossier;

/**
 * Writes one step inside the caller's transaction: the state change under the optimistic lock,
 * the event, the audit entry and the notices to those concerned. Used by the workflow endpoint and
 * by decisions, which move many dossiers at once.
 */
export async function commitStep(
  tx: DbOrTx,
  step: {
    before: DossierRow;
    action: DossierAction;
    to: DossierState;
    changes: Partial<typeof dossiers.$inferInsert>;
    audit: AuditActor;
    comment?: string | undefined;
    expectedVersion: number;
    /** When the step is taken, from the service's clock: later acts are dated against it. */
    at: Date;
  },
) {
  const { before, action, to, audit, comment } = step;
  const after = await repo.updateIfVersion(tx, before.id, step.expectedVersion, { ...step.changes, state: to });
  if (!after) throw staleDossier();
  await repo.addEvent(tx, {
    dossierId: before.id,
    action,
    fromState: before.state,
    toState: to,
    actorUserId: audit.userId,
    actorLabel: audit.label,
    comment: comment ?? null,
    at: step.at,
  });
  const { productName: _p, ocopCode: _o, subjectName: _s, communeName: _c, roundName: _r, ...beforeRow } = before;
  await recordAudit(tx, audit, { action: 'update', entityType: 'dossier', entityId: before.id, before: beforeRow, after });
  const label = DOSSIER_STATE_LABELS[to];
  const message = `Hồ sơ sản phẩm "${before.productName}" (${before.ocopCode}): ${label.vi}.${comment ? ` Ghi chú: ${comment}` : ''}`;
  const recipients = [
    ...(await repo.producerUsers(tx, before.subjectId)),
    ...(['submitted', 'resubmitted', 'returned'].includes(to) ? await repo.communeOfficers(tx, before.communeCode) : []),
    ...(['commune_assessed', 'ministry_decided', 'central_scored'].includes(to) ? await repo.provinceAdmins(tx, before.provinceCode) : []),
    ...(to === 'forwarded_to_ministry' ? await repo.ministryAdmins(tx) : []),
  ].filter((u) => u !== audit.userId);
  await notify(tx, { userIds: recipients, dossierId: before.id, title: `${label.vi}: ${before.productName}`, body: message });
  return after;
}

export type DossiersService = ReturnType<typeof createDossiersService>;
