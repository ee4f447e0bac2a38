import { Alert, Button, Select, Stack, Textarea } from '@mantine/core';
import { IconCalendarEvent } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../lib/api/client.js';
import { formatDate } from '../../../lib/format.js';
import { reportMutationError } from '../../../lib/forms.js';
import { notifySuccess } from '../../../lib/notify.js';
import { useOpenDefaultRounds, useRounds, type Dossier } from '../api/dossiers.js';
import { automaticRound, openProvinceRounds, yearForProposal } from './rounds.js';
import { StepFormButtons, type StepFormProps } from './StepForms.js';

/**
 * The province receives the dossier into a round: the one the server would pick (first open round
 * whose proposal deadline the dossier meets) unless the office chooses another. With no such round
 * the office opens the year's two rounds of Art. 5 here.
 */
export function ReceiveStepForm({ dossier, run, onCancel, submitLabel }: StepFormProps & { dossier: Dossier }) {
  const { t } = useTranslation();
  const rounds = useRounds();
  const openDefaults = useOpenDefaultRounds();
  const [roundId, setRoundId] = useState<string | null>(null);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [submitting, setSubmitting] = useState(false);

  const proposedOn = dossier.submittedOn ?? dayjs().format('YYYY-MM-DD');
  const open = openProvinceRounds(rounds.data ?? []);
  const automatic = automaticRound(rounds.data ?? [], proposedOn);
  const year = yearForProposal(proposedOn);

  const submit = async () => {
    setSubmitting(true);
    setError(undefined);
    try {
      await run({ ...(roundId ? { roundId } : {}), ...(comment.trim() ? { comment } : {}) });
    } catch (caught) {
      if (isApiError(caught)) setError(caught.fields.roundId);
      reportMutationError(caught);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
      noValidate
    >
      <Stack gap="sm">
        {rounds.isSuccess && !automatic && !roundId && (
          <Alert color="orange" icon={<IconCalendarEvent aria-hidden />} title={t('dossiers.rounds.noneTitle')}>
            <Stack gap="xs" align="flex-start">
              {t('dossiers.rounds.noneText', { year })}
              <Button
                size="xs"
                loading={openDefaults.isPending}
                onClick={() =>
                  openDefaults.mutate(year, {
                    onSuccess: () => notifySuccess(t('dossiers.rounds.opened', { year })),
                    onError: (caught) => reportMutationError(caught),
                  })
                }
              >
                {t('dossiers.rounds.openDefaults', { year })}
              </Button>
            </Stack>
          </Alert>
        )}
        <Select
          label={t('dossiers.fields.round')}
          placeholder={automatic ? t('dossiers.rounds.automatic', { name: automatic.name }) : t('select.choose')}
          description={automatic ? t('dossiers.rounds.automaticHint') : undefined}
          data={open.map((r) => ({ value: r.id, label: t('dossiers.rounds.option', { name: r.name, date: formatDate(r.proposalDeadline) }) }))}
          value={roundId}
          onChange={setRoundId}
          clearable
          error={error}
        />
        <Textarea label={t('dossiers.step.comment')} description={t('common.optional')} autosize minRows={2} maxLength={3000} value={comment} onChange={(event) => setComment(event.currentTarget.value)} />
      </Stack>
      <StepFormButtons onCancel={onCancel} submitLabel={submitLabel} submitting={submitting} />
    </form>
  );
}
