import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { BUDGET_SOURCES } from '../../../../contracts/plans.js';
import { INDICATOR_GROUP_LABELS, INDICATOR_UNIT_LABELS, type IndicatorGroup, type IndicatorUnit } from '../../../../domain/indicators/index.js';
import { useLabel } from '../../../lib/i18n/index.js';
import type { IndicatorDefinition } from '../../../lib/reference.js';

export type BudgetSource = (typeof BUDGET_SOURCES)[number];
export const isBudgetSource = (value: unknown): value is BudgetSource => BUDGET_SOURCES.includes(value as BudgetSource);

const isGroup = (value: string): value is IndicatorGroup => Object.hasOwn(INDICATOR_GROUP_LABELS, value);
const isUnit = (value: string): value is IndicatorUnit => Object.hasOwn(INDICATOR_UNIT_LABELS, value);

/** Budget sources, indicator groups and units in the UI language. */
export function usePlanLabels(catalogue: readonly IndicatorDefinition[]) {
  const { t } = useTranslation();
  const label = useLabel();
  return useMemo(() => {
    const byCode = new Map(catalogue.map((d) => [d.code, d]));
    const group = (code: string) => (isGroup(code) ? label(INDICATOR_GROUP_LABELS[code]) : code);
    const unit = (code: string) => (isUnit(code) ? label(INDICATOR_UNIT_LABELS[code]) : code);
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
