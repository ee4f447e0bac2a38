import { Modal, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifySuccess, notifyWarning } from '../../../lib/notify.js';
import { isStaleDossier, useTransition, type Dossier, type DossierAction, type StepExtras } from '../api/dossiers.js';
import { AssessStepForm } from './AssessStepForm.js';
import { useDossierLabels } from './labels.js';
import { ReceiveStepForm } from './ReceiveStepForm.js';
import { CommentStepForm, ScoreStepForm, type StepFormProps } from './StepForms.js';

/** The steps taken on the dossier page (decisions are taken on the decisions page). */
export type PageStep = Exclude<DossierAction, 'decide' | 'ministry_decide'>;

function StepForm({ action, dossier, ...form }: StepFormProps & { action: PageStep; dossier: Dossier }) {
  switch (action) {
    case 'assess':
      return <AssessStepForm {...form} />;
    case 'receive':
      return <ReceiveStepForm dossier={dossier} {...form} />;
    case 'record_score':
      return <ScoreStepForm {...form} />;
    case 'return':
      return <CommentStepForm {...form} required color="orange" />;
    case 'withdraw':
      return <CommentStepForm {...form} required color="red" />;
    default:
      return <CommentStepForm {...form} required={false} />;
  }
}

type StepDialogProps = { dossier: Dossier; action: PageStep | null; onClose: () => void };

/**
 * One step in a dialog: what it does, its small form, and the request with the version on screen.
 * When someone else moved the dossier meanwhile, the dialog closes and the page shows the new state.
 */
export function StepDialog({ dossier, action, onClose }: StepDialogProps) {
  const { t } = useTranslation();
  const labels = useDossierLabels();
  const transition = useTransition(dossier);
  // The dialog keeps showing its step while it fades out after closing.
  const [shown, setShown] = useState(action);
  if (action !== null && action !== shown) setShown(action);

  const run = async (extras: StepExtras) => {
    if (!action) return;
    try {
      await transition.mutateAsync({ action, ...extras });
      notifySuccess(t('dossiers.step.done', { step: labels.action(action) }));
      onClose();
    } catch (error) {
      if (!isStaleDossier(error)) throw error;
      notifyWarning(t('dossiers.step.stale'));
      onClose();
    }
  };

  return (
    <Modal opened={action !== null} onClose={onClose} title={shown ? labels.action(shown) : ''} size="lg" closeButtonProps={{ 'aria-label': t('common.close') }}>
      {shown && (
        <>
          <Text size="sm" mb="md">
            {t(`dossiers.hints.${shown}`, { commune: dossier.communeName })}
          </Text>
          <StepForm key={shown} action={shown} dossier={dossier} run={run} onCancel={onClose} submitLabel={labels.action(shown)} />
        </>
      )}
    </Modal>
  );
}
