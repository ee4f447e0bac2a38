import { Badge } from '@mantine/core';
import type { BusinessPlanStatus, GrantStatus, IdeaStatus } from '../../../../domain/programme/index.js';
import { GRANT_STATUS_COLOR, IDEA_STATUS_COLOR, PLAN_STATUS_COLOR, PRODUCT_STAGE_COLOR, useProgrammeLabels, type ProductStage } from './labels.js';

export function IdeaStatusBadge({ status }: { status: IdeaStatus }) {
  const labels = useProgrammeLabels();
  return (
    <Badge component="span" color={IDEA_STATUS_COLOR[status]} variant="light" style={{ flexShrink: 0 }}>
      {labels.ideaStatus(status)}
    </Badge>
  );
}

export function PlanStatusBadge({ status }: { status: BusinessPlanStatus }) {
  const labels = useProgrammeLabels();
  return (
    <Badge component="span" color={PLAN_STATUS_COLOR[status]} variant="light" style={{ flexShrink: 0 }}>
      {labels.planStatus(status)}
    </Badge>
  );
}

export function GrantStatusBadge({ status }: { status: GrantStatus }) {
  const labels = useProgrammeLabels();
  return (
    <Badge component="span" color={GRANT_STATUS_COLOR[status]} variant="light" style={{ flexShrink: 0 }}>
      {labels.grantStatus(status)}
    </Badge>
  );
}

export function ProductStageBadge({ stage }: { stage: ProductStage }) {
  const labels = useProgrammeLabels();
  return (
    <Badge component="span" color={PRODUCT_STAGE_COLOR[stage]} variant="outline" style={{ flexShrink: 0 }}>
      {labels.productStage(stage)}
    </Badge>
  );
}
