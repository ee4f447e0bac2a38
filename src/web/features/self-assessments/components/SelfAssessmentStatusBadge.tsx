import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SelfAssessment } from '../api/self-assessments.js';

const STATUS_COLOR: Record<SelfAssessment['status'], string> = { draft: 'orange', completed: 'teal' };

export function SelfAssessmentStatusBadge({ status }: { status: SelfAssessment['status'] }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLOR[status]} data-testid="sheet-status">
      {t(`selfAssessment.statuses.${status}`)}
    </Badge>
  );
}
