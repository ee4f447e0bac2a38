import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { annualPlans, planBudgetLines, planTargets } from '../../db/schema/index.js';

export type PlanRow = typeof annualPlans.$inferSelect;
export type PlanTargetRow = typeof planTargets.$inferSelect;
export type PlanBudgetLineRow = typeof planBudgetLines.$inferSelect;
export type PlanTargetValues = Omit<typeof planTargets.$inferInsert, 'planId'>;
export type PlanBudgetLineValues = Omit<typeof planBudgetLines.$inferInsert, 'planId'>;

/** A province's annual plans: one per year, with its targets and budget lines. */
export const plansRepository = {
  /** The province's plans, newest year first, with how many targets and the budget's total. */
  summaries: (db: DbOrTx, provinceCode: string) =>
    db
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
      .orderBy(desc(annualPlans.year)),

  find: async (db: DbOrTx, provinceCode: string, year: number): Promise<PlanRow | undefined> =>
    (
      await db
        .select()
        .from(annualPlans)
        .where(and(eq(annualPlans.provinceCode, provinceCode), eq(annualPlans.year, year)))
    )[0],
  targetsOf: (db: DbOrTx, planId: string) =>
    db.select().from(planTargets).where(eq(planTargets.planId, planId)).orderBy(asc(planTargets.indicatorCode), asc(planTargets.communeCode)),
  budgetLinesOf: (db: DbOrTx, planId: string) =>
    db.select().from(planBudgetLines).where(eq(planBudgetLines.planId, planId)).orderBy(asc(planBudgetLines.position)),

  /** The targets of a province's plan of a year, with their commune (null: the province's own). */
  targetsFor: (db: DbOrTx, provinceCode: string, year: number) =>
    db
      .select({ code: planTargets.indicatorCode, communeCode: planTargets.communeCode, target: planTargets.target })
      .from(planTargets)
      .innerJoin(annualPlans, eq(annualPlans.id, planTargets.planId))
      .where(and(eq(annualPlans.provinceCode, provinceCode), eq(annualPlans.year, year))),

  insert: async (db: DbOrTx, values: typeof annualPlans.$inferInsert) => (await db.insert(annualPlans).values(values).returning())[0]!,
  update: (db: DbOrTx, id: string, values: Pick<PlanRow, 'title' | 'narrative' | 'version'>) =>
    db
      .update(annualPlans)
      .set({ ...values, updatedAt: new Date() })
      .where(eq(annualPlans.id, id)),
  /** Replaces every target and budget line of a plan. */
  async replaceContents(db: DbOrTx, planId: string, targets: PlanTargetValues[], lines: PlanBudgetLineValues[]) {
    await db.delete(planTargets).where(eq(planTargets.planId, planId));
    await db.delete(planBudgetLines).where(eq(planBudgetLines.planId, planId));
    if (targets.length) await db.insert(planTargets).values(targets.map((t) => ({ ...t, planId })));
    if (lines.length) await db.insert(planBudgetLines).values(lines.map((l) => ({ ...l, planId })));
  },
};
