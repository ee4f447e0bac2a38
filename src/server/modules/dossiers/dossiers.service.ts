import type { z } from 'zod';
import type { Dossier, DossierCreateBody, TransitionBody } from '../../../contracts/evaluation.js';
import { findSet } from '../../../domain/criteria/index.js';
import { formatDateVn, vietnamDate } from '../../../domain/dates/calendar.js';
import { AppError, conflict, forbidden, invalid, notFound, type Message } from '../../../domain/errors.js';
import { communeUnknown } from '../../../domain/subjects/commune-unknown.js';
import { checkActDate } from '../../../domain/evaluation/dated-acts.js';
import {
  checkTransition,
  communeAssessmentDue,
  COUNCIL_ACTIONS,
  DECISION_ACTIONS,
  samplesRequired,
  type DossierAction,
  type DossierKind,
  type TransitionFacts,
} from '../../../domain/evaluation/dossier-workflow.js';
import { checkDossierKind, type CurrentCertificate } from '../../../domain/evaluation/dossier-kind.js';
import { checkSamplesSent } from '../../../domain/evaluation/ministry-samples.js';
import { certificateStatus } from '../../../domain/certificates/validity.js';
import { canEditProduct, canReadSubject, mayReadDossier, registryScope, type Actor } from '../../../domain/policies/index.js';
import type { Db } from '../../db/client.js';
import { inPages } from '../../lib/table-export.js';
import { recordAudit, type AuditActor } from '../audit/audit.service.js';
import type { CalendarService } from '../calendar/calendar.service.js';
import type { CriteriaCatalogue } from '../criteria/criteria.catalogue.js';
import { productsRepository } from '../products/products.repository.js';
import type { RoundsService } from '../rounds/rounds.service.js';
import { commitStep, staleDossier } from './dossier-steps.js';
import { dossiersRepository as repo, type DossierFilter, type DossierRow, type DossierValues } from './dossiers.repository.js';
import { createRecordsCache } from '../audit/records-cache.js';
import { dossierRef as ref, dossierSubmitBlockers, presentDossier, presentDossierEvent } from './dossiers.presenter.js';
import type { FilingsService, PreparedFiling } from './filings.service.js';
import { dossierPapers, snapshotDossierDocuments } from './papers.service.js';

const DOSSIER = { vi: 'hồ sơ', en: 'dossier' };

export type DossierFilters = {
  q?: string | undefined;
  state?: string | undefined;
  kind?: DossierKind | undefined;
  roundId?: string | undefined;
  communeCode?: string | undefined;
  productId?: string | undefined;
};

/**
 * A list of at most this many dossiers is read whole once, as ids, and kept until the records change:
 * its pages are then slices of it, read by id, and its total is its length. A province's dossiers of
 * a state, a kind, a commune or a search fit; longer lists are paged in the database.
 */
export const MAX_KEPT_DOSSIERS = 4_000;

type Deps = { db: Db; catalogue: CriteriaCatalogue; filings: FilingsService; rounds: RoundsService; calendar: CalendarService; clock: () => Date };

export function createDossiersService({ db, catalogue, filings, rounds, calendar, clock }: Deps) {
  const today = () => vietnamDate(clock());

  const present = (row: DossierRow, actor: Actor): Dossier => presentDossier(row, actor, today());

  async function load(actor: Actor, id: string) {
    const row = await repo.get(db, id);
    if (!row || !mayReadDossier(actor, ref(row))) throw notFound(DOSSIER);
    return row;
  }

  /**
   * The self-assessment a dossier is filed with (Mẫu 02, part III): the product's own, completed, on
   * the product's criteria set and the criteria version in force — a sheet on another set would put
   * the product under criteria it was never classified in.
   */
  async function fileableSelfAssessment(product: { id: string; criteriaSetNumber: number | null }, id: string, legalBasis: string) {
    const sa = await repo.selfAssessmentOf(db, product.id, id);
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
    const row = await repo.standingCertificate(db, productId);
    return row ? { star: row.star, expiresOn: row.expiresOn, status: certificateStatus(row, today()) } : null;
  }

  // Paging through a list reads the same matches again: they are kept until the records change (at
  // most MAX_KEPT_DOSSIERS ids a list: 100 lists take about 30 MB), or for a longer list its total.
  const kept = createRecordsCache<string[] | null | number>(db, { maxEntries: 100 });

  /** One page of the list: the caller's scope and the filters, most recently changed first. */
  async function listPage(actor: Actor, f: DossierFilters, page: { limit: number; offset: number }) {
    const filter: DossierFilter = {
      scope: registryScope(actor),
      q: f.q,
      state: f.state,
      kind: f.kind,
      roundId: f.roundId,
      communeCode: f.communeCode,
      productId: f.productId,
    };
    const key = JSON.stringify(filter);
    const ids = (await kept.get(`${key}|ids`, () => repo.matchIds(db, filter, MAX_KEPT_DOSSIERS))) as string[] | null;
    if (ids) return { items: await repo.rowsByIds(db, ids.slice(page.offset, page.offset + page.limit)), total: ids.length };
    const [items, total] = await Promise.all([repo.page(db, filter, page), kept.get(`${key}|total`, () => repo.count(db, filter)) as Promise<number>]);
    return { items, total };
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
      const communeCode = product.communeCode;
      if (communeCode === null) throw communeUnknown('dossier', 'productId');
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
      // Art. 6.1: a dossier carries the producer's self-assessment (Mẫu 02); one still in progress is
      // attached now and must be completed before filing (the dossier page says so).
      if (!body.selfAssessmentId) {
        const m = {
          vi: 'Cần chọn phiếu tự đánh giá (Mẫu 02) của sản phẩm theo bộ tiêu chí của sản phẩm, hoặc bắt đầu tự đánh giá trước khi lập hồ sơ.',
          en: 'Choose a self-assessment (Form 02) of the product on its criteria set, or start one, before opening a dossier.',
        };
        throw invalid('self_assessment_required', m, { selfAssessmentId: m });
      }
      const sa = await fileableSelfAssessment(product, body.selfAssessmentId, entry.version.legalBasis);
      const id = await db.transaction(async (tx) => {
        const row = await repo.insert(tx, {
          productId: product.id,
          subjectId: product.subjectId,
          provinceCode: product.provinceCode,
          communeCode,
          kind: body.kind,
          legalBasis: entry.version.legalBasis,
          setNumber,
          selfAssessmentId: sa.id,
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
        submitBlockers: dossierSubmitBlockers(before),
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
      if (body.expectedVersion !== before.version) throw staleDossier();

      const changes: Partial<DossierValues> = { state: check.to };
      let comment = body.comment;
      let filing: PreparedFiling | undefined;
      if (action === 'submit') {
        // Art. 7.6, 12.3: the kind is the product's standing on the day it is filed, not the day the
        // draft was opened: a re-rating drafted before expiry and filed after it is a first evaluation.
        const kindCheck = checkDossierKind(before.kind as DossierKind, await currentCertificate(before.productId), now);
        if (!kindCheck.ok) throw invalid('dossier_kind_not_allowed', kindCheck.message, { kind: kindCheck.message });
      }
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
        const samples = checkSamplesSent(before.setNumber, body.forwarding.samplesSent);
        if (samples) throw invalid('samples_missing', samples, { 'forwarding.samplesSent': samples });
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
      return (await repo.events(db, id)).map(presentDossierEvent);
    },
  };
}

export type DossiersService = ReturnType<typeof createDossiersService>;
