import type { SupportGrantInput, SupportGrantListQuery, SupportPolicyInput, SupportPolicyListQuery } from '../../../contracts/programme.js';
import { vietnamDate } from '../../../domain/dates/calendar.js';
import { pastDateProblem } from '../../../domain/dates/periods.js';
import { conflict, forbidden, invalid, notFound, type FieldErrors, type Message } from '../../../domain/errors.js';
import {
  activitiesProvince,
  canManageSupport,
  canReadActivity,
  canReadSubject,
  ownSubjectOf,
  registryScope,
  type Actor,
} from '../../../domain/policies/index.js';
import { committedTotal, type GrantStatus } from '../../../domain/programme/index.js';
import { normalizeText } from '../../../domain/text/vietnamese.js';
import type { Db, DbOrTx } from '../../db/client.js';
import { inPages } from '../../lib/table-export.js';
import { recordAudit, type AuditActor } from '../audit/audit.service.js';
import { presentGrant, presentPolicy } from './support.presenter.js';
import { supportRepository as repo, type GrantFilters, type GrantRow, type GrantScope, type PolicyFilters, type PolicyRow } from './support.repository.js';
import { requireActivitiesProvince } from '../../lib/activity-scope.js';

const POLICY = { vi: 'chính sách hỗ trợ', en: 'support policy' };
const GRANT = { vi: 'khoản hỗ trợ', en: 'support grant' };

const text = (v: string | null | undefined) => (v == null ? null : normalizeText(v));
const vnd = (n: number): Message => ({ vi: `${n.toLocaleString('vi-VN')} đồng`, en: `${n.toLocaleString('en-US')} VND` });
const typed = (grants: readonly { amountVnd: number; status: string }[]) => grants.map((g) => ({ amountVnd: g.amountVnd, status: g.status as GrantStatus }));

/**
 * Support policies (chính sách hỗ trợ: khuyến công, xúc tiến thương mại, khoa học công nghệ…) of a
 * year with their budget, and the grants made under them to producers. Money decisions are the
 * office's (canManageSupport); the province's officers read policies and the grants of the
 * producers they keep; a producer reads its own grants.
 */
export function createSupportService(db: Db, deploymentProvince: string, clock: () => Date) {
  const today = () => vietnamDate(clock());
  const provinceRef = (provinceCode: string) => ({ provinceCode, communeCode: null });

  const readableProvince = (actor: Actor) => requireActivitiesProvince(actor, deploymentProvince);

  async function loadPolicy(actor: Actor, id: string) {
    const policy = await repo.getPolicy(db, id);
    // 404 rather than 403: a caller outside the scope must not learn that the record exists.
    if (!policy || !canReadActivity(actor, provinceRef(policy.provinceCode), deploymentProvince)) throw notFound(POLICY);
    return policy;
  }

  async function policyView(policy: PolicyRow) {
    return presentPolicy(policy, await repo.grantsOfPolicies(db, [policy.id]));
  }

  async function checkPolicy(provinceCode: string, input: SupportPolicyInput, before: PolicyRow | null) {
    const fields: FieldErrors = {};
    if (input.externalCode) {
      const holder = await repo.findPolicyByExternalCode(db, provinceCode, input.externalCode);
      if (holder && holder.id !== before?.id)
        fields.externalCode = { vi: 'Mã này đã dùng cho chính sách khác.', en: 'This code is already used by another policy.' };
    }
    if (before) {
      const grants = await repo.grantsOfPolicies(db, [before.id]);
      if (grants.some((g) => Number(g.grantedOn.slice(0, 4)) !== input.year))
        fields.year = {
          vi: `Chính sách đã có khoản hỗ trợ trong năm ${before.year}; không đổi được năm.`,
          en: `The policy has grants made in ${before.year}; its year cannot change.`,
        };
    }
    if (Object.keys(fields).length)
      throw invalid('invalid_support_policy', { vi: 'Chính sách hỗ trợ có thông tin chưa hợp lệ.', en: 'The support policy has invalid fields.' }, fields);
  }

  /** Within the transaction, with the policy locked: its grants not cancelled stay within a lowered budget. */
  async function checkBudgetCovers(tx: DbOrTx, policyId: string, budgetVnd: number | null | undefined) {
    if (budgetVnd == null) return;
    await repo.lockPolicy(tx, policyId);
    const committed = committedTotal(typed(await repo.grantsOfPolicies(tx, [policyId])));
    if (committed > budgetVnd) {
      const message = {
        vi: `Các khoản hỗ trợ đã cam kết ${vnd(committed).vi}, nhiều hơn ngân sách này.`,
        en: `The grants already commit ${vnd(committed).en}, more than this budget.`,
      };
      throw invalid('budget_below_committed', message, { budgetVnd: message });
    }
  }

  const policyValues = (provinceCode: string, input: SupportPolicyInput) => ({
    provinceCode,
    externalCode: input.externalCode ?? null,
    name: normalizeText(input.name),
    area: input.area,
    legalBasis: text(input.legalBasis),
    year: input.year,
    budgetVnd: input.budgetVnd ?? null,
    note: text(input.note),
  });

  // ——— Grants ———

  const grantScope = (actor: Actor): GrantScope => ({ provinceCode: activitiesProvince(actor, deploymentProvince), registry: registryScope(actor) });

  /** As the list's scope: the province's activities or the producer's own, and only producers the caller keeps in the registry. */
  function mayReadGrant(actor: Actor, grant: GrantRow & { provinceCode: string; subjectProvinceCode: string }) {
    const inProvince = canReadActivity(actor, provinceRef(grant.provinceCode), deploymentProvince) || ownSubjectOf(actor) === grant.subjectId;
    return inProvince && canReadSubject(actor, { id: grant.subjectId, provinceCode: grant.subjectProvinceCode, communeCode: grant.communeCode });
  }

  async function loadGrant(actor: Actor, id: string) {
    const grant = await repo.getGrant(db, id);
    if (!grant || !mayReadGrant(actor, grant)) throw notFound(GRANT);
    return grant;
  }

  /** The policy a grant is made under: one the caller reads (else, as for a missing one, a field error), and may grant from. */
  async function grantingPolicy(actor: Actor, policyId: string) {
    const policy = await repo.getPolicy(db, policyId);
    if (!policy || !canReadActivity(actor, provinceRef(policy.provinceCode), deploymentProvince)) {
      const message = { vi: 'Không có chính sách hỗ trợ này.', en: 'No such support policy.' };
      throw invalid('unknown_support_policy', message, { policyId: message });
    }
    if (!canManageSupport(actor, policy.provinceCode, deploymentProvince)) throw forbidden();
    return policy;
  }

  /**
   * A grant goes to a producer of the policy's province, for one of its products and a business plan
   * of its ideas (or of an idea of its commune without a registered producer), on a day of the
   * policy's year that has come.
   */
  async function checkGrant(policy: PolicyRow, input: SupportGrantInput, beforeId: string | null) {
    const fields: FieldErrors = {};
    const subject = await repo.subject(db, input.subjectId);
    if (!subject || subject.provinceCode !== policy.provinceCode)
      fields.subjectId = { vi: 'Không có chủ thể này trong tỉnh.', en: 'No such subject in the province.' };
    if (input.productId) {
      const product = await repo.product(db, input.productId);
      if (!product || product.provinceCode !== policy.provinceCode)
        fields.productId = { vi: 'Không có sản phẩm này trong tỉnh.', en: 'No such product in the province.' };
      else if (subject && product.subjectId !== subject.id)
        fields.productId = { vi: 'Sản phẩm không thuộc chủ thể được hỗ trợ.', en: 'The product is not one of the supported subject’s.' };
    }
    if (input.businessPlanId) {
      const plan = await repo.businessPlan(db, input.businessPlanId);
      if (!plan || plan.provinceCode !== policy.provinceCode)
        fields.businessPlanId = { vi: 'Không có phương án sản xuất kinh doanh này.', en: 'No such business plan.' };
      else if (subject && (plan.subjectId ? plan.subjectId !== subject.id : plan.communeCode !== subject.communeCode))
        fields.businessPlanId = {
          vi: 'Phương án không thuộc ý tưởng của chủ thể được hỗ trợ.',
          en: 'The business plan is not built on an idea of the supported subject.',
        };
    }
    const future = pastDateProblem(input.grantedOn, today());
    if (future) fields.grantedOn = future;
    else if (Number(input.grantedOn.slice(0, 4)) !== policy.year)
      fields.grantedOn = {
        vi: `Khoản hỗ trợ phải được cấp trong năm ${policy.year}, năm của chính sách.`,
        en: `The grant must be made in ${policy.year}, the policy's year.`,
      };
    if (input.externalCode) {
      const holder = await repo.findGrantByExternalCode(db, policy.id, input.externalCode);
      if (holder && holder.id !== beforeId)
        fields.externalCode = { vi: 'Mã này đã dùng cho khoản hỗ trợ khác của chính sách.', en: 'This code is already used by another grant of the policy.' };
    }
    if (Object.keys(fields).length)
      throw invalid('invalid_support_grant', { vi: 'Khoản hỗ trợ có thông tin chưa hợp lệ.', en: 'The support grant has invalid fields.' }, fields);
  }

  /**
   * Within the transaction, with the policy locked so two grants cannot both take its last money:
   * the grants not cancelled, this one included, stay within the policy's budget when it has one.
   */
  async function checkWithinBudget(tx: DbOrTx, policyId: string, input: SupportGrantInput, grantId: string | null) {
    const budgetVnd = (await repo.lockPolicy(tx, policyId))?.budgetVnd ?? null;
    if (budgetVnd === null) return;
    const others = typed((await repo.grantsOfPolicies(tx, [policyId])).filter((g) => g.id !== grantId));
    const committed = committedTotal(others);
    if (committedTotal([...others, { amountVnd: input.amountVnd, status: input.status }]) > budgetVnd) {
      // What the other grants leave: for a change, what this grant may amount to.
      const remaining = vnd(Math.max(0, budgetVnd - committed));
      const budget = vnd(budgetVnd);
      const message = {
        vi: `Vượt ngân sách của chính sách (${budget.vi}): phần còn lại là ${remaining.vi}.`,
        en: `Over the policy's budget (${budget.en}): ${remaining.en} remain.`,
      };
      throw invalid('over_budget', message, { amountVnd: message });
    }
  }

  const grantValues = (input: SupportGrantInput) => ({
    policyId: input.policyId,
    externalCode: input.externalCode ?? null,
    subjectId: input.subjectId,
    productId: input.productId ?? null,
    businessPlanId: input.businessPlanId ?? null,
    content: normalizeText(input.content),
    amountVnd: input.amountVnd,
    fundingSource: input.fundingSource,
    grantedOn: input.grantedOn,
    status: input.status,
    note: text(input.note),
  });

  /** The grant's own columns, as the audit log keeps them. */
  const grantRecord = ({
    policyName: _p,
    policyCode: _q,
    subjectName: _s,
    subjectCode: _t,
    communeCode: _c,
    productName: _n,
    productCode: _o,
    businessPlanCode: _b,
    provinceCode: _v,
    subjectProvinceCode: _w,
    ...row
  }: Awaited<ReturnType<typeof loadGrant>>) => row;
  const grantView = async (id: string) => presentGrant((await repo.getGrant(db, id))!);
  const grantPage = (actor: Actor, f: GrantFilters, page: { limit: number; offset: number }) => repo.listGrants(db, grantScope(actor), f, page);
  const policyPage = async (actor: Actor, f: PolicyFilters, page: { limit: number; offset: number }) => {
    const { items, total } = await repo.listPolicies(db, readableProvince(actor), f, page);
    const grants = await repo.grantsOfPolicies(
      db,
      items.map((p) => p.id),
    );
    return {
      items: items.map((p) =>
        presentPolicy(
          p,
          grants.filter((g) => g.policyId === p.id),
        ),
      ),
      total,
    };
  };

  return {
    async listPolicies(actor: Actor, f: SupportPolicyListQuery) {
      const { items, total } = await policyPage(actor, f, { limit: f.pageSize, offset: (f.page - 1) * f.pageSize });
      return { items, total, page: f.page, pageSize: f.pageSize };
    },
    /** Every policy the list shows with these filters, in its order, read in batches (for exports). */
    exportPolicies: (actor: Actor, f: PolicyFilters) => inPages(async (page) => (await policyPage(actor, f, page)).items),

    getPolicy: async (actor: Actor, id: string) => policyView(await loadPolicy(actor, id)),

    async createPolicy(actor: Actor, audit: AuditActor, input: SupportPolicyInput) {
      const provinceCode = readableProvince(actor);
      if (!canManageSupport(actor, provinceCode, deploymentProvince)) throw forbidden();
      await checkPolicy(provinceCode, input, null);
      const row = await db.transaction(async (tx) => {
        const created = await repo.insertPolicy(tx, policyValues(provinceCode, input));
        await recordAudit(tx, audit, { action: 'create', entityType: 'support_policy', entityId: created.id, after: created });
        return created;
      });
      return policyView(row);
    },

    async updatePolicy(actor: Actor, audit: AuditActor, id: string, input: SupportPolicyInput) {
      const before = await loadPolicy(actor, id);
      if (!canManageSupport(actor, before.provinceCode, deploymentProvince)) throw forbidden();
      await checkPolicy(before.provinceCode, input, before);
      const row = await db.transaction(async (tx) => {
        await checkBudgetCovers(tx, id, input.budgetVnd);
        const after = await repo.updatePolicy(tx, id, policyValues(before.provinceCode, input));
        await recordAudit(tx, audit, { action: 'update', entityType: 'support_policy', entityId: id, before, after });
        return after;
      });
      return policyView(row);
    },

    async removePolicy(actor: Actor, audit: AuditActor, id: string) {
      const before = await loadPolicy(actor, id);
      if (!canManageSupport(actor, before.provinceCode, deploymentProvince)) throw forbidden();
      const grants = await repo.grantsOfPolicies(db, [id]);
      if (grants.length)
        throw conflict('support_policy_has_grants', {
          vi: `Chính sách đã có ${grants.length} khoản hỗ trợ; xoá các khoản hỗ trợ trước.`,
          en: `The policy has ${grants.length} grant(s); remove them first.`,
        });
      await db.transaction(async (tx) => {
        await repo.deletePolicy(tx, id);
        await recordAudit(tx, audit, { action: 'delete', entityType: 'support_policy', entityId: id, before });
      });
    },

    /** A page of grants, and what all the grants the filters match commit (not cancelled). */
    async listGrants(actor: Actor, f: SupportGrantListQuery) {
      const [{ items, total }, amounts] = await Promise.all([
        grantPage(actor, f, { limit: f.pageSize, offset: (f.page - 1) * f.pageSize }),
        repo.grantAmounts(db, grantScope(actor), f),
      ]);
      return { items: items.map(presentGrant), total, page: f.page, pageSize: f.pageSize, totalVnd: committedTotal(typed(amounts)) };
    },
    /** Every grant the list shows with these filters, in its order, read in batches (for exports). */
    exportGrants: (actor: Actor, f: GrantFilters) => inPages(async (page) => (await grantPage(actor, f, page)).items.map(presentGrant)),

    getGrant: async (actor: Actor, id: string) => presentGrant(await loadGrant(actor, id)),

    async createGrant(actor: Actor, audit: AuditActor, input: SupportGrantInput) {
      const policy = await grantingPolicy(actor, input.policyId);
      await checkGrant(policy, input, null);
      const id = await db.transaction(async (tx) => {
        await checkWithinBudget(tx, policy.id, input, null);
        const row = await repo.insertGrant(tx, grantValues(input));
        await recordAudit(tx, audit, { action: 'create', entityType: 'support_grant', entityId: row.id, after: row });
        return row.id;
      });
      return grantView(id);
    },

    async updateGrant(actor: Actor, audit: AuditActor, id: string, input: SupportGrantInput) {
      const before = await loadGrant(actor, id);
      if (!canManageSupport(actor, before.provinceCode, deploymentProvince)) throw forbidden();
      const policy = await grantingPolicy(actor, input.policyId);
      await checkGrant(policy, input, id);
      await db.transaction(async (tx) => {
        await checkWithinBudget(tx, policy.id, input, id);
        const after = await repo.updateGrant(tx, id, grantValues(input));
        const beforeRow = grantRecord(before);
        await recordAudit(tx, audit, { action: 'update', entityType: 'support_grant', entityId: id, before: beforeRow, after });
      });
      return grantView(id);
    },

    async removeGrant(actor: Actor, audit: AuditActor, id: string) {
      const before = await loadGrant(actor, id);
      if (!canManageSupport(actor, before.provinceCode, deploymentProvince)) throw forbidden();
      await db.transaction(async (tx) => {
        await repo.deleteGrant(tx, id);
        const beforeRow = grantRecord(before);
        await recordAudit(tx, audit, { action: 'delete', entityType: 'support_grant', entityId: id, before: beforeRow });
      });
    },
  };
}
export type SupportService = ReturnType<typeof createSupportService>;
