import { Modal, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { COUNCIL_ACTIONS, DECISION_ACTIONS } from '../../../../domain/evaluation/dossier-workflow.js';
import { notifySuccess, notifyWarning } from '../../../lib/notify.js';
import { isStaleDossier, useTransition, type Dossier, type DossierAction, type StepExtras } from '../api/dossiers.js';
import { AssessStepForm } from './AssessStepForm.js';
import { useDossierLabels } from './labels.js';
import { ReceiveStepForm, SendToCouncilStepForm } from './ReceiveStepForm.js';
import { CommentStepForm, ForwardStepForm, MinistryReceiveStepForm, SubmitStepForm, type StepFormProps } from './StepForms.js';

/**
 * The steps taken on the dossier page: decisions are taken on the decisions page, and a score is
 * recorded only by a council's closing session.
 */
export type PageStep = Exclude<DossierAction, 'decide' | 'approve' | 'ministry_decide' | 'record_score' | 'record_central_score' | 'withdraw_draft'>;
/** Taking back a draft is its own confirmation (WithdrawDraftButton), not a step form. */
export const isPageStep = (action: DossierAction): action is PageStep =>
  !DECISION_ACTIONS.includes(action) && !COUNCIL_ACTIONS.includes(action) && action !== 'withdraw_draft';

function StepForm({ action, dossier, ...form }: StepFormProps & { action: PageStep; dossier: Dossier }) {
  switch (action) {
    case 'submit':
    case 'resubmit':
      return <SubmitStepForm dossier={dossier} {...form} />;
    case 'assess':
      return <AssessStepForm {...form} />;
    case 'receive':
      return <ReceiveStepForm dossier={dossier} {...form} />;
    case 'send_to_council':
      return <SendToCouncilStepForm dossier={dossier} {...form} />;
    case 'forward_to_ministry':
      return <ForwardStepForm dossier={dossier} {...form} />;
    case 'ministry_receive':
      return <MinistryReceiveStepForm dossier={dossier} {...form} />;
    case 'return':
      return <CommentStepForm {...form} required color="orange" />;
    case 'disqualify':
    case 'withdraw':
      return <CommentStepForm {...form} required color="red" />;
    case 'send_to_central_council':
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
      const next = await transition.mutateAsync({ action, ...extras });
      // Receiving can disqualify the dossier (a disqualifying paper missing): say what happened.
      notifySuccess(
        next.state === 'disqualified' && action !== 'disqualify'
          ? `${t('dossiers.step.done', { step: labels.action(action) })} · ${labels.state(next.state)}`
          : t('dossiers.step.done', { step: labels.action(action) }),
      );
      onClose();
    } catch (error) {
      if (!isStaleDossier(error)) throw error;
      notifyWarning(t('dossiers.step.stale'));
      onClose();
    }
  };

  return (
    <Modal
      opened={action !== null}
      onClose={onClose}
      title={shown ? labels.action(shown) : ''}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
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
