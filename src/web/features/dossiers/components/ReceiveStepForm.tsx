import { Alert, Group, Loader, Text } from '@mantine/core';
import { IconAlertTriangle, IconBan, IconCalendarEvent, IconCircleCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../../components/QueryError.js';
import { useLabel } from '../../../lib/i18n/index.js';
import { useChecklist, type Checklist, type Dossier } from '../api/dossiers.js';
import { CommentStepForm, type StepFormProps } from './StepForms.js';

type PapersStep = 'receive' | 'send_to_council';

/**
 * What the papers on file mean for this step (Art. 7.3a, Phụ lục II): on receipt, a missing
 * disqualifying paper disqualifies the dossier; before the council, any missing required paper
 * holds it (the office returns it for completion).
 */
function PapersOutcome({ checklist, step }: { checklist: Checklist; step: PapersStep }) {
  const { t } = useTranslation();
  const label = useLabel();
  const list = (items: Checklist['missing']) => items.map(label).join('; ');
  if (step === 'receive' && checklist.disqualifying.length > 0)
    return (
      <Alert color="red" icon={<IconBan aria-hidden />} title={t('dossiers.papers.willDisqualifyTitle')} data-testid="papers-outcome" data-outcome="disqualify">
        {t('dossiers.papers.willDisqualify', { list: list(checklist.disqualifying) })}
      </Alert>
    );
  if (checklist.missing.length > 0)
    return (
      <Alert
        color="orange"
        icon={<IconAlertTriangle aria-hidden />}
        title={t('dossiers.papers.missingTitle')}
        data-testid="papers-outcome"
        data-outcome="missing"
      >
        {t(step === 'receive' ? 'dossiers.papers.missingOnReceive' : 'dossiers.papers.missingOnCouncil', { list: list(checklist.missing) })}
      </Alert>
    );
  return (
    <Group gap="xs" wrap="nowrap" data-testid="papers-outcome" data-outcome="complete">
      <IconCircleCheck size={18} color="var(--mantine-color-teal-7)" aria-hidden />
      <Text size="sm">{t('dossiers.papers.allPresent')}</Text>
    </Group>
  );
}

function usePapersCheck(dossierId: string, step: PapersStep) {
  const { t } = useTranslation();
  const checklist = useChecklist(dossierId);
  const view = checklist.isPending ? (
    <Group gap="xs">
      <Loader size="xs" />
      <Text size="sm" c="dimmed">
        {t('dossiers.papers.checking')}
      </Text>
    </Group>
  ) : checklist.isError ? (
    <QueryError error={checklist.error} onRetry={() => void checklist.refetch()} />
  ) : (
    <PapersOutcome checklist={checklist.data} step={step} />
  );
  return { view, missing: checklist.data?.missing.length ?? 0 };
}

/**
 * The province receives the dossier: into the round its filing date gave it (Art. 5, never chosen
 * here), after checking its papers — the dialog says beforehand what the check will do.
 */
export function ReceiveStepForm({ dossier, ...form }: StepFormProps & { dossier: Dossier }) {
  const { t } = useTranslation();
  const papers = usePapersCheck(dossier.id, 'receive');
  return (
    <CommentStepForm {...form} required={false}>
      <Group gap="xs" wrap="nowrap" align="flex-start" data-testid="receive-round">
        <IconCalendarEvent size={18} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
        <div>
          <Text size="sm">
            {t('dossiers.fields.round')}:{' '}
            <Text span fw={600} inherit>
              {dossier.roundName ?? t('dossiers.receive.noRound')}
            </Text>
          </Text>
          <Text size="xs" c="dimmed">
            {t('dossiers.receive.roundHint')}
          </Text>
        </div>
      </Group>
      {papers.view}
    </CommentStepForm>
  );
}

/** Before the council: every required paper must be on file, else the office returns the dossier first. */
export function SendToCouncilStepForm({ dossier, ...form }: StepFormProps & { dossier: Dossier }) {
  const papers = usePapersCheck(dossier.id, 'send_to_council');
  return (
    <CommentStepForm {...form} required={false} blocked={papers.missing > 0}>
      {papers.view}
    </CommentStepForm>
  );
}
