import type {
  BusinessPlan,
  BusinessPlanInput,
  BusinessPlanListQuery,
  IdeaListQuery,
  IdeaScreeningInput,
  ProductIdeaInput,
} from '../../../contracts/programme.js';
import { formatDateVn, vietnamDate } from '../../../domain/dates/calendar.js';
import { pastDateProblem } from '../../../domain/dates/periods.js';
import { isRecognisingResult, type HistoricalLevel } from '../../../domain/evaluation/historical-results.js';
import { conflict, forbidden, invalid, notFound, type FieldErrors } from '../../../domain/errors.js';
import {
  activitiesProvince,
  canEditActivity,
  canReadActivity,
  ownSubjectOf,
  registryScope,
  scopeIncludes,
  type Actor,
} from '../../../domain/policies/index.js';
import { committedTotal, ideaMayHavePlan, type BusinessPlanStatus, type GrantStatus, type IdeaStatus } from '../../../domain/programme/index.js';
import { foldVietnamese, normalizeText } from '../../../domain/text/vietnamese.js';
import type { Db } from '../../db/client.js';
import { inPages } from '../../lib/table-export.js';
import { recordAudit, type AuditActor } from '../audit/audit.service.js';
import { presentBusinessPlan, presentIdea, presentIdeaListItem, presentPlanListItem } from './ideas.presenter.js';
import { ideasRepository as repo, type BusinessPlanListRow, type IdeaFilters, type IdeaRow, type IdeaScope, type PlanFilters } from './ideas.repository.js';

const IDEA = { vi: 'ý tưởng sản phẩm', en: 'product idea' };
const PLAN = { vi: 'phương án sản xuất kinh doanh', en: 'business plan' };

/** Plan statuses that follow an approval, and so carry its date. */
const APPROVED_STATUSES: readonly BusinessPlanStatus[] = ['approved', 'implementing', 'completed'];

const text = (v: string | null | undefined) => (v == null ? null : normalizeText(v));

/**
 * How far a plan's product went: 'registered' once the plan names it; 'evaluated' when one of its
 * dossiers reached the council or a result of an earlier year was recorded; 'recognised' when it
 * holds a recognition of 3★ or more — a certificate not revoked, or an earlier result at a level
 * able to recognise under its legal basis (isRecognisingResult, ocop-rules §7.5).
 */
function productStage(
  plan: BusinessPlanListRow,
  earlierResults: readonly { level: HistoricalLevel; legalBasis: string; star: number | null }[],
): BusinessPlan['productStage'] {
  if (!plan.productId) return 'none';
  if (plan.certified || earlierResults.some((r) => (r.star ?? 0) >= 3 && isRecognisingResult(r))) return 'recognised';
  if (plan.reachedCouncil || earlierResults.length) return 'evaluated';
  return 'registered';
}

/**
 * Steps 1–4 of the annual OCOP cycle (ocop-rules §8): the commune receives a product idea (phiếu đăng
 * ký ý tưởng sản phẩm), screens it — accepts it, returns it with advice, or rejects it — and a
 * business plan (phương án / dự án sản xuất kinh doanh) is then built on an accepted idea. The
 * commune's officers keep the ideas received in their communes, the office all of the province's;
 * a producer reads its own.
 */
export function createIdeasService(db: Db, deploymentProvince: string, clock: () => Date) {
  const today = () => vietnamDate(clock());

  const scopeOf = (actor: Actor): IdeaScope => ({ provinceCode: activitiesProvince(actor, deploymentProvince), registry: registryScope(actor) });

  /** As the list's scope: the province's activities (or the producer's own), then the registry scope over the idea's place. */
  function mayRead(actor: Actor, idea: IdeaRow) {
    const own = ownSubjectOf(actor);
    const inProvince = canReadActivity(actor, idea, deploymentProvince) || (own !== null && own === idea.subjectId);
    return inProvince && scopeIncludes(registryScope(actor), { id: idea.subjectId ?? '', provinceCode: idea.provinceCode, communeCode: idea.communeCode });
  }

  async function load(actor: Actor, id: string, what = IDEA) {
    const idea = await repo.get(db, id);
    // 404 rather than 403: a caller outside the scope must not learn that the record exists.
    if (!idea || !mayRead(actor, idea)) throw notFound(what);
    return idea;
  }
  async function loadForEdit(actor: Actor, id: string, what = IDEA) {
    const idea = await load(actor, id, what);
    if (!canEditActivity(actor, idea, deploymentProvince)) throw forbidden();
    return idea;
  }

  /** The commune an idea is received in: one of the caller's province. */
  async function communeFor(actor: Actor, code: string) {
    const commune = await repo.commune(db, code);
    const province = activitiesProvince(actor, deploymentProvince);
    if (!commune || commune.provinceCode !== province) {
      const message = { vi: `Xã/phường mã ${code} không thuộc tỉnh.`, en: `Commune ${code} is not in the province.` };
      throw invalid('commune_outside_province', message, { communeCode: message });
    }
    return commune;
  }

  async function checkIdea(input: ProductIdeaInput, provinceCode: string, before: IdeaRow | null) {
    const fields: FieldErrors = {};
    const future = pastDateProblem(input.receivedOn, today());
    if (future) fields.receivedOn = future;
    else if (before?.screenedOn && input.receivedOn > before.screenedOn)
      fields.receivedOn = {
        vi: `Ngày tiếp nhận không được sau ngày sàng lọc (${formatDateVn(before.screenedOn)}).`,
        en: `The reception date cannot be after the screening date (${before.screenedOn}).`,
      };
    if (input.subjectId) {
      const subject = await repo.subject(db, input.subjectId);
      if (!subject || subject.provinceCode !== provinceCode)
        fields.subjectId = { vi: 'Không có chủ thể này trong tỉnh.', en: 'No such subject in the province.' };
    } else if (!input.proposerName)
      fields.proposerName = {
        vi: 'Chọn chủ thể đã đăng ký hoặc ghi tên người đề xuất ý tưởng.',
        en: 'Choose a registered subject or enter the name of who proposed the idea.',
      };
    if (input.externalCode) {
      const holder = await repo.findByExternalCode(db, provinceCode, input.externalCode);
      if (holder && holder.id !== before?.id)
        fields.externalCode = { vi: 'Mã này đã dùng cho ý tưởng khác.', en: 'This code is already used by another idea.' };
    }
    if (Object.keys(fields).length)
      throw invalid('invalid_idea', { vi: 'Phiếu ý tưởng có thông tin chưa hợp lệ.', en: 'The idea has invalid fields.' }, fields);
  }

  const ideaValues = (input: ProductIdeaInput, provinceCode: string) => {
    const title = normalizeText(input.title);
    return {
      provinceCode,
      communeCode: input.communeCode,
      externalCode: input.externalCode ?? null,
      subjectId: input.subjectId ?? null,
      proposerName: text(input.proposerName),
      title,
      titleSearch: foldVietnamese(title),
      description: text(input.description),
      criteriaSetNumber: input.criteriaSetNumber ?? null,
      receivedOn: input.receivedOn,
    };
  };

  /** What the grants linked to each plan committed (grants not cancelled). */
  async function grantTotals(planIds: string[]) {
    const grants = await repo.grantsOfPlans(db, planIds);
    return new Map(
      planIds.map((id) => [
        id,
        committedTotal(grants.filter((g) => g.businessPlanId === id).map((g) => ({ amountVnd: g.amountVnd, status: g.status as GrantStatus }))),
      ]),
    );
  }

  async function plansView(ideaId: string): Promise<BusinessPlan[]> {
    return withProgress(await repo.plansOf(db, ideaId), presentBusinessPlan);
  }

  /** Plans presented with how far each one's product went and what its grants committed. */
  async function withProgress<R extends BusinessPlanListRow, T>(
    plans: R[],
    present: (row: R, stage: BusinessPlan['productStage'], grantsTotalVnd: number) => T,
  ): Promise<T[]> {
    const [totals, results] = await Promise.all([
      grantTotals(plans.map((p) => p.id)),
      repo.earlierResultsOf(
        db,
        plans.flatMap((p) => (p.productId ? [p.productId] : [])),
      ),
    ]);
    return plans.map((p) =>
      present(
        p,
        productStage(
          p,
          results.filter((r) => r.productId === p.productId),
        ),
        totals.get(p.id) ?? 0,
      ),
    );
  }

  async function ideaView(id: string) {
    return presentIdea((await repo.get(db, id))!, await plansView(id));
  }

  /** A plan, with the idea it is built on, as the caller may see it (404 otherwise). */
  async function loadPlan(actor: Actor, id: string) {
    const plan = await repo.getPlan(db, id);
    if (!plan) throw notFound(PLAN);
    return { plan, idea: await loadForEdit(actor, plan.ideaId, PLAN) };
  }

  /**
   * A plan's dates follow the idea's screening and each other; acts done are not dated ahead. Its
   * product is one of the idea's subject, or, for an idea without a registered subject, of a
   * producer of the idea's commune (the proposer registered since).
   */
  async function checkPlan(idea: IdeaRow, input: BusinessPlanInput, planId: string | null) {
    const fields: FieldErrors = {};
    const now = today();
    const submittedFuture = pastDateProblem(input.submittedOn, now);
    if (submittedFuture) fields.submittedOn = submittedFuture;
    else if (idea.screenedOn && input.submittedOn < idea.screenedOn)
      fields.submittedOn = {
        vi: `Ngày nộp phương án không được trước ngày ý tưởng được chấp nhận (${formatDateVn(idea.screenedOn)}).`,
        en: `The plan cannot be submitted before the idea was accepted (${idea.screenedOn}).`,
      };
    if (input.approvedOn) {
      const approvedFuture = pastDateProblem(input.approvedOn, now);
      if (approvedFuture) fields.approvedOn = approvedFuture;
      else if (input.approvedOn < input.submittedOn)
        fields.approvedOn = { vi: 'Ngày phê duyệt không được trước ngày nộp phương án.', en: 'The approval date cannot be before the submission date.' };
      else if (input.status === 'drafting')
        fields.approvedOn = { vi: 'Phương án đang xây dựng chưa có ngày phê duyệt.', en: 'A plan being drafted has no approval date yet.' };
    } else if (APPROVED_STATUSES.includes(input.status))
      fields.approvedOn = { vi: 'Nhập ngày phương án được phê duyệt.', en: 'Enter the date the plan was approved.' };
    if (input.productId) {
      const product = await repo.product(db, input.productId);
      if (!product || product.provinceCode !== idea.provinceCode)
        fields.productId = { vi: 'Không có sản phẩm này trong tỉnh.', en: 'No such product in the province.' };
      else if (idea.subjectId && product.subjectId !== idea.subjectId)
        fields.productId = { vi: 'Sản phẩm không thuộc chủ thể của ý tưởng.', en: 'The product is not one of the idea’s subject.' };
      else if (!idea.subjectId && product.communeCode !== idea.communeCode)
        fields.productId = {
          vi: 'Sản phẩm không thuộc một chủ thể của xã/phường nhận ý tưởng.',
          en: 'The product is not of a producer in the idea’s commune.',
        };
    }
    if (input.externalCode) {
      const holder = await repo.findPlanByExternalCode(db, idea.provinceCode, input.externalCode);
      if (holder && holder.id !== planId) fields.externalCode = { vi: 'Mã này đã dùng cho phương án khác.', en: 'This code is already used by another plan.' };
    }
    if (Object.keys(fields).length)
      throw invalid('invalid_business_plan', { vi: 'Phương án có thông tin chưa hợp lệ.', en: 'The business plan has invalid fields.' }, fields);
  }

  const planValues = (input: BusinessPlanInput) => ({
    externalCode: input.externalCode ?? null,
    kind: input.kind,
    title: normalizeText(input.title),
    submittedOn: input.submittedOn,
    approvedOn: input.approvedOn ?? null,
    status: input.status,
    investmentVnd: input.investmentVnd ?? null,
    productId: input.productId ?? null,
    progressNote: text(input.progressNote),
  });

  const listPage = (actor: Actor, f: IdeaFilters, page: { limit: number; offset: number }) => repo.list(db, scopeOf(actor), f, page);
  /** A page of plans in the same scope as the ideas list: the office the province's, an officer their communes', a producer its own. */
  const planPage = async (actor: Actor, f: PlanFilters, page: { limit: number; offset: number }) => {
    const { items, total } = await repo.listPlans(db, scopeOf(actor), f, page);
    return { items: await withProgress(items, presentPlanListItem), total };
  };

  return {
    async list(actor: Actor, f: IdeaListQuery) {
      const { items, total } = await listPage(actor, f, { limit: f.pageSize, offset: (f.page - 1) * f.pageSize });
      return { items: items.map(presentIdeaListItem), total, page: f.page, pageSize: f.pageSize };
    },

    /** Every idea the list shows with these filters, in its order, read in batches (for exports). */
    exportRows: (actor: Actor, f: IdeaFilters) => inPages(async (page) => (await listPage(actor, f, page)).items.map(presentIdeaListItem)),

    async listPlans(actor: Actor, f: BusinessPlanListQuery) {
      const { items, total } = await planPage(actor, f, { limit: f.pageSize, offset: (f.page - 1) * f.pageSize });
      return { items, total, page: f.page, pageSize: f.pageSize };
    },

    /** Every plan the list shows with these filters, in its order, read in batches (for exports). */
    exportPlans: (actor: Actor, f: PlanFilters) => inPages(async (page) => (await planPage(actor, f, page)).items),

    get: async (actor: Actor, id: string) => presentIdea(await load(actor, id), await plansView(id)),

    async create(actor: Actor, audit: AuditActor, input: ProductIdeaInput) {
      const commune = await communeFor(actor, input.communeCode);
      if (!canEditActivity(actor, { provinceCode: commune.provinceCode, communeCode: commune.code }, deploymentProvince)) throw forbidden();
      await checkIdea(input, commune.provinceCode, null);
      const id = await db.transaction(async (tx) => {
        const row = await repo.insert(tx, { ...ideaValues(input, commune.provinceCode), createdBy: actor.kind === 'user' ? actor.userId : null });
        await recordAudit(tx, audit, { action: 'create', entityType: 'product_idea', entityId: row.id, after: row });
        return row.id;
      });
      return ideaView(id);
    },

    async update(actor: Actor, audit: AuditActor, id: string, input: ProductIdeaInput) {
      const before = await loadForEdit(actor, id);
      const commune = await communeFor(actor, input.communeCode);
      if (!canEditActivity(actor, { provinceCode: commune.provinceCode, communeCode: commune.code }, deploymentProvince)) throw forbidden();
      // A plan's product and grants were checked against the idea's subject and commune: they stay.
      const plans = await repo.plansOf(db, id);
      if (plans.length && (input.communeCode !== before.communeCode || (input.subjectId ?? null) !== before.subjectId)) {
        const message = {
          vi: 'Ý tưởng đã có phương án sản xuất kinh doanh: không đổi được xã/phường và chủ thể.',
          en: 'The idea has business plans: its commune and subject cannot change.',
        };
        throw invalid('idea_has_plans', message, input.communeCode !== before.communeCode ? { communeCode: message } : { subjectId: message });
      }
      await checkIdea(input, commune.provinceCode, before);
      await db.transaction(async (tx) => {
        const after = await repo.update(tx, id, ideaValues(input, commune.provinceCode));
        const { communeName: _c, subjectName: _s, subjectCode: _k, ...beforeRow } = before;
        await recordAudit(tx, audit, { action: 'update', entityType: 'product_idea', entityId: id, before: beforeRow, after });
      });
      return ideaView(id);
    },

    async remove(actor: Actor, audit: AuditActor, id: string) {
      const before = await loadForEdit(actor, id);
      const plans = await repo.plansOf(db, id);
      if (plans.length)
        throw conflict('idea_has_plans', {
          vi: `Ý tưởng đã có ${plans.length} phương án sản xuất kinh doanh; xoá các phương án trước.`,
          en: `The idea has ${plans.length} business plan(s); remove them first.`,
        });
      await db.transaction(async (tx) => {
        await repo.delete(tx, id);
        const { communeName: _c, subjectName: _s, subjectCode: _k, ...beforeRow } = before;
        await recordAudit(tx, audit, { action: 'delete', entityType: 'product_idea', entityId: id, before: beforeRow });
      });
    },

    /**
     * The commune's screening (step 2): accepted, returned with advice for completion, or rejected
     * — a return or a rejection says why, which is the advice the proposer gets.
     */
    async screen(actor: Actor, audit: AuditActor, id: string, input: IdeaScreeningInput) {
      const before = await loadForEdit(actor, id);
      const fields: FieldErrors = {};
      const plans = await repo.plansOf(db, id);
      const future = pastDateProblem(input.screenedOn, today());
      if (future) fields.screenedOn = future;
      else if (input.screenedOn < before.receivedOn)
        fields.screenedOn = {
          vi: `Ngày sàng lọc không được trước ngày tiếp nhận ý tưởng (${formatDateVn(before.receivedOn)}).`,
          en: `The screening date cannot be before the idea was received (${before.receivedOn}).`,
        };
      else {
        const firstPlan = plans.reduce<string | null>((first, p) => (first === null || p.submittedOn < first ? p.submittedOn : first), null);
        if (firstPlan && input.screenedOn > firstPlan)
          fields.screenedOn = {
            vi: `Ngày sàng lọc không được sau ngày nộp phương án đầu tiên (${formatDateVn(firstPlan)}).`,
            en: `The screening date cannot be after the first business plan was submitted (${firstPlan}).`,
          };
      }
      if (input.status !== 'accepted' && !input.note)
        fields.note = {
          vi: 'Ghi ý kiến hướng dẫn hoặc lý do không chấp nhận gửi người đề xuất.',
          en: 'Write the advice, or the reason for rejection, given to the proposer.',
        };
      if (plans.length && !ideaMayHavePlan(input.status))
        fields.status = {
          vi: 'Ý tưởng đã có phương án sản xuất kinh doanh nên phải giữ kết quả “được chấp nhận”.',
          en: 'The idea has business plans, so it stays accepted.',
        };
      if (Object.keys(fields).length)
        throw invalid('invalid_screening', { vi: 'Kết quả sàng lọc chưa hợp lệ.', en: 'The screening has invalid fields.' }, fields);
      await db.transaction(async (tx) => {
        const after = await repo.update(tx, id, { status: input.status, screenedOn: input.screenedOn, screeningNote: text(input.note) });
        const { communeName: _c, subjectName: _s, subjectCode: _k, ...beforeRow } = before;
        await recordAudit(tx, audit, { action: 'update', entityType: 'product_idea', entityId: id, before: beforeRow, after });
      });
      return ideaView(id);
    },

    async addPlan(actor: Actor, audit: AuditActor, ideaId: string, input: BusinessPlanInput) {
      const idea = await loadForEdit(actor, ideaId);
      if (!ideaMayHavePlan(idea.status as IdeaStatus))
        throw conflict('idea_not_accepted', {
          vi: 'Chỉ xây dựng phương án sản xuất kinh doanh trên ý tưởng đã được chấp nhận.',
          en: 'A business plan is built only on an accepted idea.',
        });
      await checkPlan(idea, input, null);
      const id = await db.transaction(async (tx) => {
        const row = await repo.insertPlan(tx, { ...planValues(input), ideaId });
        await recordAudit(tx, audit, { action: 'create', entityType: 'business_plan', entityId: row.id, after: row });
        return row.id;
      });
      return (await plansView(ideaId)).find((p) => p.id === id)!;
    },

    async updatePlan(actor: Actor, audit: AuditActor, id: string, input: BusinessPlanInput) {
      const { plan, idea } = await loadPlan(actor, id);
      await checkPlan(idea, input, id);
      await db.transaction(async (tx) => {
        const after = await repo.updatePlan(tx, id, planValues(input));
        await recordAudit(tx, audit, { action: 'update', entityType: 'business_plan', entityId: id, before: plan, after });
      });
      return (await plansView(idea.id)).find((p) => p.id === id)!;
    },

    async removePlan(actor: Actor, audit: AuditActor, id: string) {
      const { plan } = await loadPlan(actor, id);
      const grants = await repo.grantCountOfPlan(db, id);
      if (grants)
        throw conflict('business_plan_has_grants', {
          vi: `Phương án được ghi trong ${grants} khoản hỗ trợ; gỡ liên kết ở các khoản hỗ trợ trước.`,
          en: `The plan is named by ${grants} support grant(s); unlink them first.`,
        });
      await db.transaction(async (tx) => {
        await repo.deletePlan(tx, id);
        await recordAudit(tx, audit, { action: 'delete', entityType: 'business_plan', entityId: id, before: plan });
      });
    },
  };
}
export type IdeasService = ReturnType<typeof createIdeasService>;
