import { findSet, listScorableCriteria } from '../../../domain/criteria/index.js';
import { conflict, forbidden, invalid, notFound } from '../../../domain/errors.js';
import { vietnamDate } from '../../../domain/dates/calendar.js';
import { checkActDate } from '../../../domain/evaluation/dated-acts.js';
import { isAtMinistry, isUnderReview } from '../../../domain/evaluation/dossier-workflow.js';
import { mayAnswerQuestions, mayAskQuestions, mayReadReview, reviewsDossier, type Actor } from '../../../domain/policies/index.js';
import type { Db } from '../../db/client.js';
import { recordAudit, type AuditActor } from '../audit/audit.service.js';
import type { CriteriaCatalogue } from '../criteria/criteria.catalogue.js';
import { notify } from '../notifications/notifications.service.js';
import { dossiersRepository, type DossierRow } from './dossiers.repository.js';
import { presentQuestions, presentSiteVisit } from './dossiers.presenter.js';
import { questionsRepository as repo } from './questions.repository.js';

const QUESTION = { vi: 'câu hỏi', en: 'question' };

/**
 * The review of a dossier before scoring: questions on evidence — asked by the office (advisory
 * team) or a member of a council sitting on the dossier, answered by the producer in the same
 * thread, closed by whoever may ask — and the advisory team's site visits.
 */
export function createQuestionsService(db: Db, catalogue: CriteriaCatalogue, clock: () => Date) {
  async function load(actor: Actor, dossierId: string) {
    const dossier = await dossiersRepository.get(db, dossierId);
    if (!dossier) throw notFound({ vi: 'hồ sơ', en: 'dossier' });
    const ref = { id: dossier.subjectId, provinceCode: dossier.provinceCode, communeCode: dossier.communeCode };
    const seated = actor.kind === 'user' && (await dossiersRepository.hasCouncilSeat(db, actor.userId, dossierId));
    if (!mayReadReview(actor, ref, seated)) throw notFound({ vi: 'hồ sơ', en: 'dossier' });
    // At the ministry the central advisory team (the ministry's office) reviews; before, the province's.
    const stage = isAtMinistry(dossier.state) ? 'ministry' : 'province';
    return {
      dossier,
      reviewer: reviewsDossier(actor, ref, stage),
      mayAsk: mayAskQuestions(actor, ref, stage, seated),
      mayAnswer: mayAnswerQuestions(actor, ref),
    };
  }

  async function list(dossierId: string) {
    const questions = await repo.questions(db, dossierId);
    const messages = await repo.messagesOf(
      db,
      questions.map((q) => q.id),
    );
    return presentQuestions(questions, messages);
  }

  async function checkCriterion(dossier: DossierRow, code: string) {
    const entry = await catalogue.find(dossier.legalBasis);
    const set = entry && findSet(entry.version, dossier.setNumber);
    if (!set || !listScorableCriteria(set).some((c) => c.code === code)) {
      const m = { vi: `Tiêu chí ${code} không có trong bộ của hồ sơ.`, en: `Criterion ${code} is not in the dossier's set.` };
      throw invalid('unknown_criterion', m, { criterionCode: m });
    }
  }

  async function siteVisits(actor: Actor, dossierId: string) {
    await load(actor, dossierId);
    return (await repo.siteVisits(db, dossierId)).map(presentSiteVisit);
  }

  return {
    async list(actor: Actor, dossierId: string) {
      await load(actor, dossierId);
      return list(dossierId);
    },

    async ask(actor: Actor, audit: AuditActor, dossierId: string, body: { criterionCode: string; question: string }) {
      const { dossier, mayAsk } = await load(actor, dossierId);
      if (!mayAsk)
        throw forbidden({
          vi: 'Chỉ tổ tư vấn, Văn phòng OCOP hoặc thành viên hội đồng được hỏi.',
          en: 'Only the advisory team, the office or council members ask questions.',
        });
      if (!isUnderReview(dossier.state))
        throw conflict('dossier_not_under_review', { vi: 'Hồ sơ không ở bước thẩm định.', en: 'The dossier is not under review.' });
      await checkCriterion(dossier, body.criterionCode);
      await db.transaction(async (tx) => {
        const q = await repo.insertQuestion(tx, { dossierId, criterionCode: body.criterionCode, askedBy: audit.userId });
        await repo.insertMessage(tx, { questionId: q.id, authorUserId: audit.userId, authorLabel: audit.label, body: body.question });
        await recordAudit(tx, audit, { action: 'create', entityType: 'evidence_question', entityId: q.id, after: { dossierId, ...body } });
        await notify(tx, {
          userIds: await dossiersRepository.producerUsers(tx, dossier.subjectId),
          dossierId,
          title: `Câu hỏi về minh chứng tiêu chí ${body.criterionCode}: ${dossier.productName}`,
          body: body.question,
        });
      });
      return list(dossierId);
    },

    async answer(actor: Actor, audit: AuditActor, dossierId: string, questionId: string, body: { body: string; evidenceId?: string | undefined }) {
      const { dossier, mayAsk, mayAnswer } = await load(actor, dossierId);
      const q = await repo.question(db, dossierId, questionId);
      if (!q) throw notFound(QUESTION);
      if (!mayAnswer && !mayAsk) throw forbidden();
      if (q.status === 'closed') throw conflict('question_closed', { vi: 'Câu hỏi đã đóng.', en: 'The question is closed.' });
      // A cited piece of evidence must be this dossier's: another producer's, or an unknown id, would
      // put a document in the review that the dossier was never filed with.
      if (body.evidenceId && !(await repo.isDossierEvidence(db, dossier, body.evidenceId))) {
        const m = {
          vi: 'Minh chứng được dẫn không thuộc hồ sơ này (không có trong hồ sơ đã nộp hay phiếu tự đánh giá của sản phẩm).',
          en: "The cited evidence is not this dossier's (neither in what it was filed with nor in the product's self-assessments).",
        };
        throw invalid('evidence_not_in_dossier', m, { evidenceId: m });
      }
      await db.transaction(async (tx) => {
        await repo.insertMessage(tx, {
          questionId,
          authorUserId: audit.userId,
          authorLabel: audit.label,
          body: body.body,
          evidenceId: body.evidenceId ?? null,
        });
        // The producer's reply marks it answered; a follow-up from the asker reopens it.
        await repo.setStatus(tx, dossierId, questionId, mayAnswer ? 'answered' : 'open', clock());
        await recordAudit(tx, audit, {
          action: 'update',
          entityType: 'evidence_question',
          entityId: questionId,
          before: { status: q.status },
          after: { status: mayAnswer ? 'answered' : 'open', message: body.body },
        });
        if (!mayAnswer)
          await notify(tx, {
            userIds: await dossiersRepository.producerUsers(tx, dossier.subjectId),
            dossierId,
            title: `Câu hỏi bổ sung: ${dossier.productName}`,
            body: body.body,
          });
      });
      return list(dossierId);
    },

    /** Site visits: recorded by the office (advisory team); read by all who may read the dossier's review. */
    siteVisits,

    /**
     * The advisory team's site visit (Art. 7.3c, 7.4c): the province's office before its council, the
     * ministry's before the central one; dated on or after the dossier's receipt and not ahead.
     */
    async recordSiteVisit(
      actor: Actor,
      audit: AuditActor,
      dossierId: string,
      body: { visitedOn: string; visitors: string; summary: string; criterionNotes: Record<string, string> },
    ) {
      const { dossier, reviewer } = await load(actor, dossierId);
      if (!reviewer)
        throw forbidden({
          vi: 'Chỉ tổ tư vấn (cơ quan tham mưu OCOP) ghi kết quả khảo sát.',
          en: 'Only the advisory team (the OCOP office) records site visits.',
        });
      if (!isUnderReview(dossier.state))
        throw conflict('dossier_not_under_review', { vi: 'Hồ sơ không ở bước thẩm định.', en: 'The dossier is not under review.' });
      const receivedBy = isAtMinistry(dossier.state) ? 'ministry_receive' : 'receive';
      const received = (await dossiersRepository.lastStepOn(db, [dossierId], receivedBy)).get(dossierId);
      const date = checkActDate({ date: body.visitedOn, label: { vi: 'ngày khảo sát', en: 'site visit' } }, vietnamDate(clock()), [
        { date: received, label: { vi: 'ngày tiếp nhận hồ sơ', en: 'receipt of the dossier' } },
      ]);
      if (!date.ok) throw invalid('date_out_of_order', date.message, { visitedOn: date.message });
      for (const code of Object.keys(body.criterionNotes)) await checkCriterion(dossier, code);
      await db.transaction(async (tx) => {
        const row = await repo.insertSiteVisit(tx, {
          dossierId,
          visitedOn: body.visitedOn,
          visitors: body.visitors.normalize('NFC'),
          summary: body.summary.normalize('NFC'),
          criterionNotes: body.criterionNotes,
          authorUserId: audit.userId,
        });
        await recordAudit(tx, audit, { action: 'create', entityType: 'site_visit', entityId: row.id, after: row });
      });
      return siteVisits(actor, dossierId);
    },

    async close(actor: Actor, audit: AuditActor, dossierId: string, questionId: string) {
      const { mayAsk } = await load(actor, dossierId);
      if (!mayAsk) throw forbidden();
      const row = await repo.setStatus(db, dossierId, questionId, 'closed', clock());
      if (!row) throw notFound(QUESTION);
      await recordAudit(db, audit, { action: 'update', entityType: 'evidence_question', entityId: questionId, before: null, after: { status: 'closed' } });
      return list(dossierId);
    },
  };
}
export type QuestionsService = ReturnType<typeof createQuestionsService>;
