import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconGavel } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { SectionCard } from '../../../components/SectionCard.js';
import type { Dossier } from '../api/dossiers.js';
import { useDossierLabels } from './labels.js';
import { StepDialog, type PageStep } from './StepDialog.js';

const isPageStep = (action: Dossier['availableActions'][number]): action is PageStep => action !== 'decide' && action !== 'ministry_decide';
const STEP_COLOR: Partial<Record<PageStep, string>> = { return: 'orange', withdraw: 'red', forward_to_ministry: 'yellow' };

/** The steps this user may take now (the server's `availableActions`), each opening its form. */
export function StepActions({ dossier }: { dossier: Dossier }) {
  const { t } = useTranslation();
  const labels = useDossierLabels();
  const [open, setOpen] = useState<PageStep | null>(null);
  const steps = dossier.availableActions.filter(isPageStep);
  const decides = dossier.availableActions.includes('decide');
  if (steps.length === 0 && !decides) return null;
  // The main step first and filled; withdrawing last and quiet.
  const ordered = [...steps.filter((s) => s !== 'withdraw'), ...steps.filter((s) => s === 'withdraw')];

  return (
    <SectionCard title={t('dossiers.sections.actions')} data-testid="dossier-actions">
      <Stack gap="sm">
        {steps.includes('submit') && !dossier.selfAssessmentId && (
          <Alert color="orange" icon={<IconAlertTriangle aria-hidden />} p="sm">
            {t('dossiers.needSelfAssessment')}
          </Alert>
        )}
        <Group gap="sm">
          {ordered.map((step, i) => (
            <Button key={step} color={STEP_COLOR[step]} variant={step === 'withdraw' ? 'subtle' : i === 0 ? 'filled' : 'light'} onClick={() => setOpen(step)}>
              {labels.action(step)}
            </Button>
          ))}
          {decides && (
            <Button component={Link} to={`/decisions/new?dossier=${dossier.id}`} leftSection={<IconGavel size={16} aria-hidden />}>
              {t('dossiers.recordDecision')}
            </Button>
          )}
        </Group>
        {decides && (
          <Text size="xs" c="dimmed">
            {t('dossiers.decisionHint')}
          </Text>
        )}
      </Stack>
      <StepDialog dossier={dossier} action={open} onClose={() => setOpen(null)} />
    </SectionCard>
  );
}
