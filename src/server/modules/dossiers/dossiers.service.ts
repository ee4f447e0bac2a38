import { and, desc, eq, isNull, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Dossier, DossierCreateBody, TransitionBody } from '../../../contracts/evaluation.js';
import { findSet } from '../../../domain/criteria/index.js';
import { vietnamDate } from '../../../domain/dates/calendar.js';
import { AppError, conflict, forbidden, invalid, notFound } from '../../../domain/errors.js';
import {
  availableActions,
  checkTransition,
  communeAssessmentDue,
  DOSSIER_STATE_LABELS,
  samplesRequired,
  type DossierAction,
  type DossierState,
} from '../../../domain/evaluation/dossier-workflow.js';
import { roundForProposal } from '../../../domain/evaluation/rounds.js';
import { checkDossierKind, type CurrentCertificate } from '../../../domain/evaluation/dossier-kind.js';
import { certificateStatus } from '../../../domain/certificates/validity.js';
import { canEditProduct, canReadSubject, registryScope, type Actor } from '../../../domain/policies/index.js';
import type { Db, DbOrTx } from '../../db/client.js';
import { certificates, dossiers, evaluationRounds, products, selfAssessments } from '../../db/schema/index.js';
import { likeEscape, subjectScopeWhere } from '../../lib/sql-scope.js';
import { inPages } from '../../lib/table-export.js';
import { foldVietnamese } from '../../../domain/text/vietnamese.js';
import { recordAudit, type AuditActor } from '../audit/audit.service.js';
import type { CriteriaCatalogue } from '../criteria/criteria.catalogue.js';
import { notify } from '../notifications/notifications.service.js';
import { productsRepository } from '../products/products.repository.js';
import { dossiersRepository as repo, type DossierRow } from './dossiers.repository.js';
import { openQuestionCount } from './questions.service.js';
import { snapshotDossierDocuments } from '../documents/documents.service.js';

const DOSSIER = { vi: 'hồ sơ', en: 'dossier' };
const SCOPE_COLUMNS = { provinceCode: dossiers.provinceCode, communeCode: dossiers.communeCode, subjectId: dossiers.subjectId };
const ref = (d: { subjectId: string; provinceCode: string; communeCode: string; state: string }) => ({
  id: d.subjectId,
  provinceCode: d.provinceCode,
  communeCode: d.communeCode,
  state: d.state as DossierState,
});

export type DossierFilters = { q?: string | undefined; state?: string | undefined; kind?: string | undefined; roundId?: string | undefined; communeCode?: string | undefined; productId?: string | undefined };

export function createDossiersService(db: Db, catalogue: CriteriaCatalogue, clock: () => Date = () => new Date()) {
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
      kind: row.kind,
      state: row.state as DossierState,
      legalBasis: row.legalBasis,
      setNumber: row.setNumber,
      selfAssessmentId: row.selfAssessmentId,
      registration: row.registration,
      samples: row.samples,
      communeAssessment: row.communeAssessment ?? null,
      submittedOn: row.submittedOn,
      communeDueOn: row.communeDueOn,
      communeOverdue: row.state === 'submitted' && row.communeDueOn !== null && today() > row.communeDueOn,
      councilScore: row.councilScore,
      councilStar: row.councilStar,
      decidedStar: row.decidedStar,
      version: row.version,
      availableActions: availableActions(actor, ref(row), { councilScore: row.councilScore, decidedStar: row.decidedStar }),
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
    };
  }

  async function load(actor: Actor, id: string) {
    const row = await repo.get(db, id);
    if (!row || !canReadSubject(actor, ref(row))) throw notFound(DOSSIER);
    return row;
  }

  /** The self-assessment filed with the dossier: the product's own, completed (Mẫu 02, part III). */
  async function completedSelfAssessment(productId: string, id: string | null | undefined) {
    if (!id) return undefined;
    const sa = (await db.select().from(selfAssessments).where(and(eq(selfAssessments.id, id), eq(selfAssessments.productId, productId))).limit(1))[0];
    if (!sa) {
      const m = { vi: 'Phiếu tự đánh giá không thuộc sản phẩm này.', en: 'The self-assessment is not of this product.' };
      throw invalid('unknown_self_assessment', m, { selfAssessmentId: m });
    }
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
      f.roundId ? eq(dossiers.roundId, f.roundId) : undefined,
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
      const sa = await completedSelfAssessment(product.id, body.selfAssessmentId);
      const round = body.roundId ? (await db.select().from(evaluationRounds).where(eq(evaluationRounds.id, body.roundId)).limit(1))[0] : undefined;
      const legalBasis = sa?.legalBasis ?? round?.legalBasis ?? (await catalogue.current())?.version.legalBasis;
      const setNumber = sa?.setNumber ?? product.criteriaSetNumber;
      const entry = legalBasis ? await catalogue.find(legalBasis) : undefined;
      if (!entry || !setNumber || !findSet(entry.version, setNumber)) {
        const m = { vi: 'Sản phẩm chưa được phân bộ tiêu chí.', en: 'The product has no criteria set.' };
        throw invalid('unknown_criteria_set', m, { productId: m });
      }
      const id = await db.transaction(async (tx) => {
        const row = await repo.insert(tx, {
          productId: product.id,
          subjectId: product.subjectId,
          provinceCode: product.provinceCode,
          communeCode: product.communeCode,
          roundId: round?.id ?? null,
          kind: body.kind,
          legalBasis: entry.version.legalBasis,
          setNumber,
          selfAssessmentId: sa?.id ?? null,
          registration: body.registration,
          samples: samplesRequired(setNumber),
        });
        await repo.addEvent(tx, { dossierId: row.id, action: 'create', fromState: null, toState: 'draft', actorUserId: audit.userId, actorLabel: audit.label });
        await recordAudit(tx, audit, { action: 'create', entityType: 'dossier', entityId: row.id, after: row });
        return row.id;
      });
      return present((await repo.get(db, id))!, actor);
    },

    /**
     * One step of the workflow (src/domain/evaluation/dossier-workflow.ts), with its event, audit
     * entry and notifications in one transaction, under the optimistic lock.
     */
    async transition(actor: Actor, audit: AuditActor, id: string, body: z.infer<typeof TransitionBody>) {
      const before = await load(actor, id);
      const action = body.action as DossierAction;
      if (action === 'decide' || action === 'ministry_decide')
        throw invalid('decision_required', {
          vi: 'Kết quả công nhận được ghi bằng quyết định (mục Quyết định), không ghi trực tiếp trên hồ sơ.',
          en: 'Recognition is recorded through a decision (POST /api/v1/decisions), not on the dossier directly.',
        });
      const councilScore = action === 'record_score' ? (body.councilScore ?? null) : before.councilScore;
      const openQuestions = action === 'record_score' ? await openQuestionCount(db, id) : 0;
      const check = checkTransition(actor, ref(before), action, { comment: body.comment, councilScore, openQuestions });
      if (!check.ok) {
        if (check.reason === 'forbidden') throw forbidden(check.message);
        throw new AppError(check.reason === 'invalid_state' ? 'conflict' : 'invalid', check.reason, check.message);
      }
      if (body.expectedVersion !== before.version) throw stale();

      const changes: Partial<typeof dossiers.$inferInsert> = { state: check.to };
      const now = today();
      if (action === 'submit') {
        const sa = await completedSelfAssessment(before.productId, before.selfAssessmentId);
        if (!sa || sa.status !== 'completed')
          throw invalid('self_assessment_required', {
            vi: 'Hồ sơ cần phiếu tự đánh giá đã hoàn thành (Mẫu 02, phần III).',
            en: 'The dossier needs a completed self-assessment (Form 02, part III).',
          });
        changes.submittedOn = now;
        changes.communeDueOn = communeAssessmentDue(now);
      }
      if (action === 'assess') {
        if (!body.assessment) {
          const m = { vi: 'Cần nhập báo cáo đánh giá của xã (Mẫu 03).', en: 'The commune’s assessment (Form 03) is required.' };
          throw invalid('assessment_required', m, { assessment: m });
        }
        changes.communeAssessment = { ...body.assessment, assessedOn: now };
      }
      if (action === 'receive' && !before.roundId) {
        const rounds = await db.select().from(evaluationRounds).where(and(eq(evaluationRounds.level, 'province'), eq(evaluationRounds.provinceCode, before.provinceCode)));
        const round = body.roundId ? rounds.find((r) => r.id === body.roundId) : roundForProposal(rounds, before.submittedOn ?? now);
        if (!round) {
          const m = { vi: 'Chưa có đợt đánh giá cấp tỉnh đang mở; hãy mở đợt trước.', en: 'No open provincial round; open one first.' };
          throw invalid('no_open_round', m, { roundId: m });
        }
        changes.roundId = round.id;
      }
      if (action === 'record_score') changes.councilScore = councilScore;

      await db.transaction(async (tx) => {
        await commitStep(tx, { before, action, to: check.to, changes, audit, comment: body.comment, expectedVersion: body.expectedVersion });
        if (action === 'submit' || action === 'resubmit') await snapshotDossierDocuments(tx, before, now);
      });
      return present((await repo.get(db, id))!, actor);
    },

    async events(actor: Actor, id: string) {
      await load(actor, id);
      return (await repo.events(db, id)).map((e) => ({ id: e.id, action: e.action, fromState: e.fromState, toState: e.toState, actorLabel: e.actorLabel, comment: e.comment, at: e.at.toISOString() }));
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
  step: { before: DossierRow; action: DossierAction; to: DossierState; changes: Partial<typeof dossiers.$inferInsert>; audit: AuditActor; comment?: string | undefined; expectedVersion: number },
) {
  const { before, action, to, audit, comment } = step;
  const after = await repo.updateIfVersion(tx, before.id, step.expectedVersion, { ...step.changes, state: to });
  if (!after) throw staleDossier();
  await repo.addEvent(tx, { dossierId: before.id, action, fromState: before.state, toState: to, actorUserId: audit.userId, actorLabel: audit.label, comment: comment ?? null });
  const { productName: _p, ocopCode: _o, subjectName: _s, communeName: _c, roundName: _r, ...beforeRow } = before;
  await recordAudit(tx, audit, { action: 'update', entityType: 'dossier', entityId: before.id, before: beforeRow, after });
  const label = DOSSIER_STATE_LABELS[to];
  const message = `Hồ sơ sản phẩm "${before.productName}" (${before.ocopCode}): ${label.vi}.${comment ? ` Ghi chú: ${comment}` : ''}`;
  const recipients = [
    ...(await repo.producerUsers(tx, before.subjectId)),
    ...(['submitted', 'resubmitted', 'returned'].includes(to) ? await repo.communeOfficers(tx, before.communeCode) : []),
    ...(to === 'commune_assessed' ? await repo.provinceAdmins(tx, before.provinceCode) : []),
  ].filter((u) => u !== audit.userId);
  await notify(tx, { userIds: recipients, dossierId: before.id, title: `${label.vi}: ${before.productName}`, body: message });
  return after;
}

export type DossiersService = ReturnType<typeof createDossiersService>;
