import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { BUDGET_SOURCES } from '../../../../contracts/plans.js';
import { useLabel } from '../../../lib/i18n/index.js';
import type { IndicatorDefinition } from '../../../lib/reference.js';

export type BudgetSource = (typeof BUDGET_SOURCES)[number];
export const isBudgetSource = (value: unknown): value is BudgetSource => BUDGET_SOURCES.includes(value as BudgetSource);

const GROUPS = ['evaluation', 'producers', 'certificates', 'market', 'support', 'communication', 'training'] as const;
type Group = (typeof GROUPS)[number];
const isGroup = (value: string): value is Group => (GROUPS as readonly string[]).includes(value);

const UNITS = ['products', 'subjects', 'certificates', 'percent', 'points_of_sale', 'events', 'people', 'visitors', 'vnd', 'items'] as const;
type Unit = (typeof UNITS)[number];
const isUnit = (value: string): value is Unit => (UNITS as readonly string[]).includes(value);

/** Budget sources, indicator groups and units in the UI language. */
export function usePlanLabels(catalogue: readonly IndicatorDefinition[]) {
  const { t } = useTranslation();
  const label = useLabel();
  return useMemo(() => {
    const byCode = new Map(catalogue.map((d) => [d.code, d]));
    const group = (code: string) => (isGroup(code) ? t(`indicators.groups.${code}`) : code);
    const unit = (code: string) => (isUnit(code) ? t(`indicators.units.${code}`) : code);
    const groups = [...new Set(catalogue.map((d) => d.group))];
    return {
      source: (code: string) => (isBudgetSource(code) ? t(`plans.sources.${code}`) : code),
      sourceOptions: BUDGET_SOURCES.map((value) => ({ value, label: t(`plans.sources.${value}`) })),
      indicator: (code: string) => {
        const d = byCode.get(code);
        return d ? label(d.name) : code;
      },
      unitOf: (code: string) => {
        const d = byCode.get(code);
        return d ? unit(d.unit) : '';
      },
      unitCodeOf: (code: string) => byCode.get(code)?.unit ?? '',
      indicatorOptions: groups.map((g) => ({
        group: group(g),
        items: catalogue.filter((d) => d.group === g).map((d) => ({ value: d.code, label: label(d.name) })),
      })),
    };
  }, [catalogue, label, t]);
}
