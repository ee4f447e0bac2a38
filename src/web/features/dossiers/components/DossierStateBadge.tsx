import { Badge, Group } from '@mantine/core';
import { IconClockExclamation } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { DossierState } from '../api/dossiers.js';
import { DOSSIER_STATE_COLOR, useDossierLabels } from './labels.js';

export function DossierStateBadge({ state }: { state: DossierState }) {
  const labels = useDossierLabels();
  return (
    <Badge color={DOSSIER_STATE_COLOR[state]} data-testid="dossier-state" data-state={state}>
      {labels.state(state)}
    </Badge>
  );
}

/** The commune's 15 working days have passed without its assessment (Art. 7.2). */
export function OverdueBadge() {
  const { t } = useTranslation();
  return (
    <Badge color="red" variant="filled" leftSection={<IconClockExclamation size={12} aria-hidden />} data-testid="dossier-overdue">
      {t('dossiers.overdue')}
    </Badge>
  );
}

export function DossierBadges({ state, overdue }: { state: DossierState; overdue: boolean }) {
  return (
    <Group gap={6} wrap="wrap">
      <DossierStateBadge state={state} />
      {overdue && <OverdueBadge />}
    </Group>
  );
}
