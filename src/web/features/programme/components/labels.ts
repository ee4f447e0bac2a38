import { useTranslation } from 'react-i18next';
import { BUDGET_SOURCES } from '../../../../contracts/plans.js';
import {
  BUSINESS_PLAN_KIND_LABELS,
  BUSINESS_PLAN_KINDS,
  BUSINESS_PLAN_STATUS_LABELS,
  BUSINESS_PLAN_STATUSES,
  COMMUNICATION_KIND_LABELS,
  COMMUNICATION_KINDS,
  FUNNEL_STAGE_LABELS,
  GRANT_STATUS_LABELS,
  GRANT_STATUSES,
  IDEA_STATUS_LABELS,
  IDEA_STATUSES,
  SUPPORT_AREA_LABELS,
  SUPPORT_AREAS,
  type BusinessPlanKind,
  type BusinessPlanStatus,
  type CommunicationKind,
  type FunnelStage,
  type GrantStatus,
  type IdeaStatus,
  type SupportArea,
} from '../../../../domain/programme/index.js';
import { useLabel } from '../../../lib/i18n/index.js';
import type { BusinessPlan } from '../api/ideas.js';

export type BudgetSource = (typeof BUDGET_SOURCES)[number];
export type ProductStage = BusinessPlan['productStage'];

const member =
  <T extends string>(values: readonly T[]) =>
  (value: unknown): value is T =>
    values.includes(value as T);

export const isIdeaStatus = member<IdeaStatus>(IDEA_STATUSES);
export const isPlanStatus = member<BusinessPlanStatus>(BUSINESS_PLAN_STATUSES);
export const isSupportArea = member<SupportArea>(SUPPORT_AREAS);
export const isGrantStatus = member<GrantStatus>(GRANT_STATUSES);
export const isCommunicationKind = member<CommunicationKind>(COMMUNICATION_KINDS);
const isBudgetSource = member<BudgetSource>(BUDGET_SOURCES);

export const IDEA_STATUS_COLOR: Record<IdeaStatus, string> = { received: 'blue', accepted: 'teal', returned: 'orange', rejected: 'gray' };
export const PLAN_STATUS_COLOR: Record<BusinessPlanStatus, string> = {
  drafting: 'blue',
  approved: 'cyan',
  implementing: 'yellow',
  completed: 'teal',
  abandoned: 'gray',
};
export const GRANT_STATUS_COLOR: Record<GrantStatus, string> = { approved: 'blue', disbursed: 'teal', cancelled: 'gray' };
export const PRODUCT_STAGE_COLOR: Record<ProductStage, string> = { none: 'gray', registered: 'blue', evaluated: 'yellow', recognised: 'teal' };

/** The programme's code lists in the UI language: the domain's {vi, en} labels, and Select options. */
export function useProgrammeLabels() {
  const { t } = useTranslation();
  const label = useLabel();
  const options = <K extends string>(codes: readonly K[], labels: Readonly<Record<K, { vi: string; en: string }>>) =>
    codes.map((value) => ({ value, label: label(labels[value]) }));
  const source = (code: string) => (isBudgetSource(code) ? t(`plans.sources.${code}`) : code);
  return {
    ideaStatus: (code: IdeaStatus) => label(IDEA_STATUS_LABELS[code]),
    planKind: (code: BusinessPlanKind) => label(BUSINESS_PLAN_KIND_LABELS[code]),
    planStatus: (code: BusinessPlanStatus) => label(BUSINESS_PLAN_STATUS_LABELS[code]),
    supportArea: (code: SupportArea) => label(SUPPORT_AREA_LABELS[code]),
    grantStatus: (code: GrantStatus) => label(GRANT_STATUS_LABELS[code]),
    communicationKind: (code: CommunicationKind) => label(COMMUNICATION_KIND_LABELS[code]),
    funnelStage: (code: FunnelStage) => label(FUNNEL_STAGE_LABELS[code]),
    productStage: (code: ProductStage) => t(`programme.productStages.${code}`),
    source,
    ideaStatusOptions: options(IDEA_STATUSES, IDEA_STATUS_LABELS),
    /** A screening decides; "received" is where an idea starts, not an outcome. */
    screeningOptions: options(
      IDEA_STATUSES.filter((s) => s !== 'received'),
      IDEA_STATUS_LABELS,
    ),
    planKindOptions: options(BUSINESS_PLAN_KINDS, BUSINESS_PLAN_KIND_LABELS),
    planStatusOptions: options(BUSINESS_PLAN_STATUSES, BUSINESS_PLAN_STATUS_LABELS),
    supportAreaOptions: options(SUPPORT_AREAS, SUPPORT_AREA_LABELS),
    grantStatusOptions: options(GRANT_STATUSES, GRANT_STATUS_LABELS),
    communicationKindOptions: options(COMMUNICATION_KINDS, COMMUNICATION_KIND_LABELS),
    sourceOptions: BUDGET_SOURCES.map((value) => ({ value, label: source(value) })),
  };
}
