import { Alert, Anchor, Button, List, Stack } from '@mantine/core';
import { IconAlertTriangle, IconArrowBackUp } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ConfirmDeleteDialog } from '../../../components/ConfirmDeleteButton.js';
import { useLabel } from '../../../lib/i18n/index.js';
import { reportMutationError } from '../../../lib/forms.js';
import { notifySuccess } from '../../../lib/notify.js';
import { useTransition, type Dossier } from '../api/dossiers.js';

/**
 * Why the dossier cannot be filed yet (the server's `submitBlockers`, Art. 6.1), shown in place of
 * the submit step, with the way to the self-assessment that needs finishing.
 */
export function SubmitBlockers({ dossier }: { dossier: Dossier }) {
  const { t } = useTranslation();
  const label = useLabel();
  return (
    <Alert color="orange" icon={<IconAlertTriangle aria-hidden />} p="sm" title={t('dossierWork.blockers.title')} data-testid="submit-blockers">
      <Stack gap={6}>
        <List size="sm" spacing={2}>
          {dossier.submitBlockers.map((m) => (
            <List.Item key={m.vi}>{label(m)}</List.Item>
          ))}
        </List>
        {dossier.selfAssessmentId && (
          <Anchor component={Link} to={`/self-assessments/${dossier.selfAssessmentId}`} size="sm" fw={500}>
            {t('dossierWork.blockers.openSheet')}
          </Anchor>
        )}
      </Stack>
    </Alert>
  );
}

/** "Rút bản nháp": a draft never filed goes away after a confirmation; filed dossiers have no such step. */
export function WithdrawDraftButton({ dossier }: { dossier: Dossier }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const transition = useTransition(dossier);
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button color="red" variant="subtle" leftSection={<IconArrowBackUp size={16} aria-hidden />} onClick={() => setOpened(true)}>
        {t('dossierWork.withdrawDraft.action')}
      </Button>
      <ConfirmDeleteDialog
        opened={opened}
        onClose={() => setOpened(false)}
        title={t('dossierWork.withdrawDraft.title')}
        body={t('dossierWork.withdrawDraft.body', { name: dossier.productName })}
        confirmLabel={t('dossierWork.withdrawDraft.action')}
        onConfirm={() =>
          transition.mutateAsync(
            { action: 'withdraw_draft' },
            {
              onSuccess: () => {
                notifySuccess(t('dossierWork.withdrawDraft.done'));
                void navigate('/dossiers');
              },
              onError: (error) => reportMutationError(error),
            },
          )
        }
      />
    </>
  );
}
