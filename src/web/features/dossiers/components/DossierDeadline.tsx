import { Badge, Stack, Text } from '@mantine/core';
import { IconClockExclamation } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../lib/format.js';
import type { Dossier } from '../api/dossiers.js';

/** The deadline of the dossier's current stage (computed by the server from the procedure's rules) and what it is for. */
export function DeadlineCell({ deadline }: { deadline: Dossier['deadline'] }) {
  const { t } = useTranslation();
  if (!deadline) return <Text size="sm">—</Text>;
  return (
    <Stack gap={0}>
      <Text size="sm" fw={deadline.overdue ? 600 : undefined} c={deadline.overdue ? 'red.8' : undefined} style={{ whiteSpace: 'nowrap' }}>
        {formatDate(deadline.dueOn)}
      </Text>
      <Text size="xs" c="dimmed">
        {t(`dossierWork.list.rules.${deadline.rule}`)}
      </Text>
    </Stack>
  );
}

/** Overdue (the day after the deadline) in red, on time quietly; nothing when no deadline runs. */
export function OverdueCell({ deadline }: { deadline: Dossier['deadline'] }) {
  const { t } = useTranslation();
  if (!deadline) return <Text size="sm">—</Text>;
  return deadline.overdue ? (
    <Badge color="red" variant="filled" leftSection={<IconClockExclamation size={12} aria-hidden />} data-testid="deadline-overdue">
      {t('dossierWork.list.overdueBadge')}
    </Badge>
  ) : (
    <Text size="sm" c="dimmed" data-testid="deadline-in-time" style={{ whiteSpace: 'nowrap' }}>
      {t('dossierWork.list.inTime')}
    </Text>
  );
}
