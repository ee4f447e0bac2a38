import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconGavel, IconInfoCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { partiesOf } from '../../../../domain/policies/index.js';
import { SectionCard } from '../../../components/SectionCard.js';
import { useActor } from '../../../lib/session.js';
import type { Dossier } from '../api/dossiers.js';
import { useDossierLabels } from './labels.js';
import { SubmitBlockers, WithdrawDraftButton } from './ReadinessAndWithdraw.js';
import { StepDialog, isPageStep, type PageStep } from './StepDialog.js';

const STEP_COLOR: Partial<Record<PageStep, string>> = { return: 'orange', disqualify: 'red', withdraw: 'red', forward_to_ministry: 'yellow' };
/** Quiet steps, after the main one: they end or send back the dossier. */
const QUIET: readonly PageStep[] = ['return', 'disqualify', 'withdraw'];

type DecisionStep = 'decide' | 'approve' | 'ministry_decide';

/** The decision a dossier now waits for, taken on the decisions page (the server lists it in `availableActions`). */
function DecisionLink({ dossier, step }: { dossier: Dossier; step: DecisionStep }) {
  const { t } = useTranslation();
  const label =
    step === 'approve' ? t('dossiers.recordApproval') : step === 'ministry_decide' ? t('dossiers.recordMinistryDecision') : t('dossiers.recordDecision');
  const hint =
    step === 'approve'
      ? t('dossiers.approvalHint')
      : step === 'ministry_decide'
        ? t('dossiers.ministryDecisionHint')
        : dossier.state === 'ministry_decided'
          ? t('dossiers.afterMinistryHint')
          : t('dossiers.decisionHint');
  return (
    <Stack gap={4}>
      <Group>
        <Button component={Link} to={`/decisions/new?dossier=${dossier.id}`} leftSection={<IconGavel size={16} aria-hidden />}>
          {label}
        </Button>
      </Group>
      <Text size="xs" c="dimmed">
        {hint}
      </Text>
    </Stack>
  );
}

/**
 * The steps this user may take now (the server's `availableActions`), each opening its form. Scores
 * come only from a council's closing session and stars from decisions: those are never buttons here.
 */
export function StepActions({ dossier }: { dossier: Dossier }) {
  const { t } = useTranslation();
  const labels = useDossierLabels();
  const [open, setOpen] = useState<PageStep | null>(null);
  const steps = dossier.availableActions.filter(isPageStep);
  const decision = (['approve', 'ministry_decide', 'decide'] as const).find((step) => dossier.availableActions.includes(step));
  const awaitingCouncil = dossier.state === 'in_council' || dossier.state === 'in_central_council';
  const mayWithdrawDraft = dossier.availableActions.includes('withdraw_draft');
  // What keeps filing back, for those who file (the producer, its commune): instead of the submit step.
  const actor = useActor();
  const files = partiesOf(actor, { id: dossier.subjectId, provinceCode: dossier.provinceCode, communeCode: dossier.communeCode }).some(
    (p) => p === 'producer' || p === 'commune_officer',
  );
  const blocked = files && dossier.submitBlockers.length > 0;
  if (steps.length === 0 && !decision && !awaitingCouncil && !mayWithdrawDraft && !blocked) return null;
  // The main step first and filled; returning, disqualifying and withdrawing last and quiet.
  const ordered = [...steps.filter((s) => !QUIET.includes(s)), ...steps.filter((s) => QUIET.includes(s))];

  return (
    <SectionCard title={t('dossiers.sections.actions')} data-testid="dossier-actions">
      <Stack gap="sm">
        {dossier.state === 'not_proposed' && (
          <Alert color="orange" icon={<IconInfoCircle aria-hidden />} p="sm">
            {t('dossiers.notProposedNotice')}
          </Alert>
        )}
        {blocked && <SubmitBlockers dossier={dossier} />}
        {decision && <DecisionLink dossier={dossier} step={decision} />}
        {(ordered.length > 0 || mayWithdrawDraft) && (
          <Group gap="sm">
            {ordered.map((step, i) => (
              <Button
                key={step}
                color={STEP_COLOR[step]}
                variant={QUIET.includes(step) ? 'subtle' : i === 0 && !decision ? 'filled' : 'light'}
                onClick={() => setOpen(step)}
              >
                {labels.action(step)}
              </Button>
            ))}
            {mayWithdrawDraft && <WithdrawDraftButton dossier={dossier} />}
          </Group>
        )}
        {awaitingCouncil && (
          <Text size="xs" c="dimmed">
            {t('dossiers.scoreFromSession')}
          </Text>
        )}
      </Stack>
      <StepDialog dossier={dossier} action={open} onClose={() => setOpen(null)} />
    </SectionCard>
  );
}
