import { Badge } from '@mantine/core';
import type { SubjectStatus } from '../../../../domain/subjects/legal-forms.js';
import { STATUS_COLOR, useSubjectLabels } from './labels.js';

export function SubjectStatusBadge({ status }: { status: SubjectStatus }) {
  const labels = useSubjectLabels();
  return <Badge color={STATUS_COLOR[status]}>{labels.status(status)}</Badge>;
}
