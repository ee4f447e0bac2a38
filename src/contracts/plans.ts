import { z } from 'zod';
import { optionalText } from './common.js';

export const BUDGET_SOURCES = ['central', 'province', 'district', 'commune', 'socialised', 'other'] as const;

export const PlanTarget = z.object({
  indicatorCode: z.string().min(1).max(80),
  /** Null: the whole province. */
  communeCode: z
    .string()
    .regex(/^\d{5}$/)
    .nullable()
    .default(null),
  target: z.number().min(0).max(1e15),
  note: optionalText(500),
});

export const PlanBudgetLine = z.object({
  item: z.string().trim().min(1).max(500),
  source: z.enum(BUDGET_SOURCES),
  amountVnd: z.number().int().min(0).max(1e15),
  note: optionalText(500),
});

export const PlanBody = z.object({
  title: z.string().trim().min(3).max(300),
  narrative: z.string().max(100_000).default(''),
  /** The version read; a stale save is refused with 409. Omit to create. */
  version: z.number().int().min(1).optional(),
  targets: z.array(PlanTarget).max(5000),
  budgetLines: z.array(PlanBudgetLine).max(500),
});
export type PlanBody = z.infer<typeof PlanBody>;

export const Plan = z
  .object({
    id: z.uuid(),
    provinceCode: z.string(),
    year: z.number().int(),
    title: z.string(),
    narrative: z.string(),
    version: z.number().int(),
    targets: z.array(PlanTarget.extend({ note: z.string().nullable() })),
    budgetLines: z.array(PlanBudgetLine.extend({ note: z.string().nullable() })),
    budgetTotalVnd: z.number(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Plan' });
export type Plan = z.infer<typeof Plan>;

export const PlanSummary = z.object({
  id: z.uuid(),
  year: z.number().int(),
  title: z.string(),
  targetCount: z.number().int(),
  budgetTotalVnd: z.number(),
  updatedAt: z.string(),
});
export const YearParams = z.object({ year: z.coerce.number().int().min(2018).max(2100) });
