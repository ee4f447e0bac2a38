import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Plan, PlanBody } from '../../../contracts/plans.js';
import { conflict, forbidden, invalid, notFound } from '../../../domain/errors.js';
import { indicatorByCode } from '../../../domain/indicators/index.js';
import { canManageProgramme, reportingArea, type Actor } from '../../../domain/policies/index.js';
import type { Db } from '../../db/client.js';
import { annualPlans, communes, planBudgetLines, planTargets } from '../../db/schema/index.js';
import { recordAudit, type AuditActor } from '../audit/audit.service.js';

const PLAN = { vi: 'kế hoạch năm', en: 'annual plan' };

/** The province's annual plans: targets per indicator (optionally per commune), budget lines and text. */
export function createPlansService(db: Db, deploymentProvince: string) {
  function readableProvince(actor: Actor) {
    const area = reportingArea(actor, deploymentProvince);
    if (!area) throw forbidden();
    return area.provinceCode;
  }

  async function load(provinceCode: string, year: number): Promise<Plan | null> {
    const [plan] = await db
      .select()
      .from(annualPlans)
      .where(and(eq(annualPlans.provinceCode, provinceCode), eq(annualPlans.year, year)));
    if (!plan) return null;
    const [targets, lines] = await Promise.all([
      db.select().from(planTargets).where(eq(planTargets.planId, plan.id)).orderBy(asc(planTargets.indicatorCode), asc(planTargets.communeCode)),
      db.select().from(planBudgetLines).where(eq(planBudgetLines.planId, plan.id)).orderBy(asc(planBudgetLines.position)),
    ]);
    return {
      id: plan.id,
      provinceCode: plan.provinceCode,
      year: plan.year,
      title: plan.title,
      narrative: plan.narrative,
      version: plan.version,
      targets: targets.map((t) => ({ indicatorCode: t.indicatorCode, communeCode: t.communeCode, target: t.target, note: t.note })),
      budgetLines: lines.map((l) => ({ item: l.item, source: l.source as Plan['budgetLines'][number]['source'], amountVnd: l.amountVnd, note: l.note })),
      budgetTotalVnd: lines.reduce((n, l) => n + l.amountVnd, 0),
      updatedAt: plan.updatedAt.toISOString(),
    };
  }

  async function check(provinceCode: string, body: PlanBody) {
    const fields: Record<string, { vi: string; en: string }> = {};
    const details: string[] = [];
    const communeCodes = new Set((await db.select({ code: communes.code }).from(communes).where(eq(communes.provinceCode, provinceCode))).map((c) => c.code));
    const seen = new Set<string>();
    body.targets.forEach((t, i) => {
      if (!indicatorByCode(t.indicatorCode)) details.push(`targets.${i}: không có chỉ tiêu "${t.indicatorCode}" / unknown indicator`);
      if (t.communeCode && !communeCodes.has(t.communeCode)) details.push(`targets.${i}: xã ${t.communeCode} không thuộc tỉnh / commune not in the province`);
      const key = `${t.indicatorCode}|${t.communeCode ?? ''}`;
      if (seen.has(key)) details.push(`targets.${i}: chỉ tiêu trùng / duplicate target`);
      seen.add(key);
    });
    if (details.length) {
      fields.targets = { vi: 'Có chỉ tiêu không hợp lệ.', en: 'Some targets are invalid.' };
      throw invalid('invalid_plan', { vi: 'Kế hoạch có chỉ tiêu không hợp lệ.', en: 'The plan has invalid targets.' }, fields, details);
    }
  }

  return {
    async list(actor: Actor) {
      const provinceCode = readableProvince(actor);
      return db
        .select({
          id: annualPlans.id,
          year: annualPlans.year,
          title: annualPlans.title,
          targetCount: sql<number>`(select count(*)::int from plan_targets t where t.plan_id = annual_plans.id)`.mapWith(Number),
          budgetTotalVnd: sql<number>`(select coalesce(sum(amount_vnd), 0)::float8 from plan_budget_lines l where l.plan_id = annual_plans.id)`.mapWith(Number),
          updatedAt: annualPlans.updatedAt,
        })
        .from(annualPlans)
        .where(eq(annualPlans.provinceCode, provinceCode))
        .orderBy(desc(annualPlans.year))
        .then((rows) => rows.map((r) => ({ ...r, updatedAt: r.updatedAt.toISOString() })));
    },

    async get(actor: Actor, year: number) {
      const plan = await load(readableProvince(actor), year);
      if (!plan) throw notFound(PLAN);
      return plan;
    },

    /** Creates or replaces the plan of a year, all its targets and lines in one transaction. */
    async save(actor: Actor, audit: AuditActor, year: number, body: PlanBody) {
      const provinceCode = readableProvince(actor);
      if (!canManageProgramme(actor, provinceCode)) throw forbidden();
      await check(provinceCode, body);
      const before = await load(provinceCode, year);
      if (before && body.version !== before.version)
        throw conflict('stale_plan', {
          vi: 'Kế hoạch vừa được người khác sửa; hãy tải lại trước khi lưu.',
          en: 'Someone else changed the plan; reload before saving.',
        });
      await db.transaction(async (tx) => {
        let planId = before?.id;
        if (planId) {
          await tx
            .update(annualPlans)
            .set({ title: body.title, narrative: body.narrative, version: before!.version + 1, updatedAt: new Date() })
            .where(eq(annualPlans.id, planId));
          await tx.delete(planTargets).where(eq(planTargets.planId, planId));
          await tx.delete(planBudgetLines).where(eq(planBudgetLines.planId, planId));
        } else {
          const [row] = await tx
            .insert(annualPlans)
            .values({ provinceCode, year, title: body.title, narrative: body.narrative, createdBy: actor.kind === 'user' ? actor.userId : null })
            .returning();
          planId = row!.id;
        }
        if (body.targets.length)
          await tx
            .insert(planTargets)
            .values(
              body.targets.map((t) => ({
                planId: planId!,
                indicatorCode: t.indicatorCode,
                communeCode: t.communeCode ?? null,
                target: t.target,
                note: t.note ?? null,
              })),
            );
        if (body.budgetLines.length)
          await tx
            .insert(planBudgetLines)
            .values(
              body.budgetLines.map((l, position) => ({
                planId: planId!,
                position,
                item: l.item,
                source: l.source,
                amountVnd: l.amountVnd,
                note: l.note ?? null,
              })),
            );
        await recordAudit(tx, audit, {
          action: before ? 'update' : 'create',
          entityType: 'annual_plan',
          entityId: planId!,
          before: before ?? null,
          after: { year, ...body },
        });
      });
      return (await load(provinceCode, year))!;
    },
  };
}
export type PlansService = ReturnType<typeof createPlansService>;
