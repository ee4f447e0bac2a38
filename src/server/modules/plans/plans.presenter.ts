import type { Plan } from '../../../contracts/plans.js';
import type { PlanBudgetLineRow, PlanRow, PlanTargetRow } from './plans.repository.js';

/** A plan with its targets and budget lines, and the budget's total. */
export function presentPlan(plan: PlanRow, targets: PlanTargetRow[], lines: PlanBudgetLineRow[]): Plan {
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
