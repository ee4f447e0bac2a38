import { Alert, Text, ThemeIcon, VisuallyHidden } from '@mantine/core';
import { IconArrowBackUp, IconBan, IconCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { SectionCard } from '../../../components/SectionCard.js';
import { useIsPhone } from '../../../lib/responsive.js';
import type { DossierState } from '../api/dossiers.js';
import { useDossierLabels } from './labels.js';

/** The main path of Art. 7, one step per milestone; returns and resubmissions happen at "received". */
const PROVINCE_STEPS = ['draft', 'submitted', 'commune_assessed', 'received', 'in_council', 'scored'] as const satisfies readonly DossierState[];
const MAIN_PATH = [...PROVINCE_STEPS, 'decided'] as const satisfies readonly DossierState[];
/** 90 points and the 5★ minimums: the Chair approves, the ministry receives, its central council scores, the Minister decides (Art. 7.3e, 7.4). */
const MINISTRY_PATH = [
  ...PROVINCE_STEPS,
  'approved',
  'forwarded_to_ministry',
  'ministry_received',
  'in_central_council',
  'central_scored',
  'ministry_decided',
] as const satisfies readonly DossierState[];
const MINISTRY_STATES: readonly DossierState[] = MINISTRY_PATH.slice(PROVINCE_STEPS.length);

/** Detours shown on the step they branch from: the commune's "not proposed" at its assessment, returns at receipt. */
const STEP_OF: Partial<Record<DossierState, DossierState>> = { not_proposed: 'commune_assessed', returned: 'received', resubmitted: 'received' };
const DETOURS: readonly DossierState[] = ['not_proposed', 'returned'];
/** Final states: every step up to them is done. */
const FINAL: readonly DossierState[] = ['decided', 'ministry_decided'];

/** The path the dossier is on: the ministry's once approved for 5★, with the province's 3–4★ after a ministry that did not give 5★. */
function pathOf(state: DossierState, wentToMinistry: boolean): readonly DossierState[] {
  if (MINISTRY_STATES.includes(state)) return MINISTRY_PATH;
  if (state === 'decided' && wentToMinistry) return [...MINISTRY_PATH, 'decided'];
  return MAIN_PATH;
}

type StepStatus = 'done' | 'current' | 'todo';

function StepIcon({ status, number, returned }: { status: StepStatus; number: number; returned: boolean }) {
  if (status === 'done')
    return (
      <ThemeIcon radius="xl" size={28} aria-hidden>
        <IconCheck size={16} />
      </ThemeIcon>
    );
  if (status === 'current')
    return (
      <ThemeIcon radius="xl" size={28} variant="outline" color={returned ? 'orange' : 'ocop'} bg="white" aria-hidden style={{ borderWidth: 2 }}>
        {returned ? (
          <IconArrowBackUp size={16} />
        ) : (
          <Text size="xs" fw={700}>
            {number}
          </Text>
        )}
      </ThemeIcon>
    );
  return (
    <ThemeIcon radius="xl" size={28} variant="light" color="gray" aria-hidden>
      <Text size="xs" fw={600}>
        {number}
      </Text>
    </ThemeIcon>
  );
}

/**
 * Where the dossier is on its path: a row of steps with their names under them; on a phone the
 * names are only read out, and the current step is written under the row.
 */
export function DossierProgress({ state, wentToMinistry = false }: { state: DossierState; wentToMinistry?: boolean }) {
  const { t } = useTranslation();
  const labels = useDossierLabels();
  const isPhone = useIsPhone();
  if (state === 'withdrawn' || state === 'disqualified')
    return (
      <Alert
        color={state === 'withdrawn' ? 'dark' : 'red'}
        icon={<IconBan aria-hidden />}
        title={labels.state(state)}
        data-testid="dossier-progress"
        data-state={state}
      >
        {t(state === 'withdrawn' ? 'dossiers.withdrawnNotice' : 'dossiers.disqualifiedNotice')}
      </Alert>
    );
  const path = pathOf(state, wentToMinistry);
  const step = STEP_OF[state] ?? state;
  const index = path.indexOf(step);
  const statusOf = (i: number): StepStatus => (i < index || (i === index && FINAL.includes(state)) ? 'done' : i === index ? 'current' : 'todo');
  const detour = step !== state ? labels.state(state) : null;

  return (
    <SectionCard title={t('dossiers.sections.progress')}>
      <ol className="dossier-steps" aria-label={t('dossiers.sections.progress')} data-testid="dossier-progress" data-step={index + 1}>
        {path.map((value, i) => {
          const status = statusOf(i);
          const label = labels.state(value);
          return (
            <li key={value} data-status={status} aria-current={status === 'current' ? 'step' : undefined}>
              <StepIcon status={status} number={i + 1} returned={status === 'current' && DETOURS.includes(state)} />
              {isPhone ? (
                <VisuallyHidden>{label}</VisuallyHidden>
              ) : (
                <Text size="xs" fw={status === 'current' ? 700 : 500} c={status === 'todo' ? 'dimmed' : undefined} mt={6} lh={1.3}>
                  {label}
                </Text>
              )}
              {i === index && detour && !isPhone && (
                <Text size="xs" c="orange.8" fw={600} lh={1.3}>
                  {detour}
                </Text>
              )}
              <VisuallyHidden>{t(`dossiers.stepStatus.${status}`)}</VisuallyHidden>
            </li>
          );
        })}
      </ol>
      {isPhone && (
        <Text size="sm" mt="sm" aria-hidden>
          {t('dossiers.stepOf', { step: index + 1, total: path.length, label: labels.state(step) })}
          {detour && (
            <Text span c="orange.8" fw={600} inherit>
              {` · ${detour}`}
            </Text>
          )}
        </Text>
      )}
    </SectionCard>
  );
}
