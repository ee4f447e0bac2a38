import { Alert, Stepper } from '@mantine/core';
import { IconArrowBackUp, IconBan } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { SectionCard } from '../../../components/SectionCard.js';
import { useIsPhone } from '../../../lib/responsive.js';
import type { DossierState } from '../api/dossiers.js';
import { useDossierLabels } from './labels.js';

/** The main path of Art. 7, one step per milestone; returns and resubmissions happen at "received". */
const MAIN_PATH = ['draft', 'submitted', 'commune_assessed', 'received', 'in_council', 'scored', 'decided'] as const satisfies readonly DossierState[];
const MINISTRY_PATH = [...MAIN_PATH, 'forwarded_to_ministry', 'ministry_decided'] as const satisfies readonly DossierState[];

const STEP_OF: Partial<Record<DossierState, DossierState>> = { returned: 'received', resubmitted: 'received' };
/** Final states: every step up to them is done. */
const FINAL: readonly DossierState[] = ['decided', 'ministry_decided'];

/** Where the dossier is on its path, as a stepper (vertical on a phone). */
export function DossierProgress({ state }: { state: DossierState }) {
  const { t } = useTranslation();
  const labels = useDossierLabels();
  const isPhone = useIsPhone();
  if (state === 'withdrawn')
    return (
      <Alert color="dark" icon={<IconBan aria-hidden />} title={labels.state('withdrawn')}>
        {t('dossiers.withdrawnNotice')}
      </Alert>
    );
  const path: readonly DossierState[] = state === 'forwarded_to_ministry' || state === 'ministry_decided' ? MINISTRY_PATH : MAIN_PATH;
  const step = STEP_OF[state] ?? state;
  const index = path.indexOf(step);
  const active = FINAL.includes(state) ? index + 1 : index;
  const returned = state === 'returned';

  return (
    <SectionCard title={t('dossiers.sections.progress')}>
      <Stepper active={active} size="sm" orientation={isPhone ? 'vertical' : 'horizontal'} allowNextStepsSelect={false} aria-label={t('dossiers.sections.progress')} data-testid="dossier-progress" data-active={active}>
        {path.map((value, i) => (
          <Stepper.Step
            key={value}
            label={labels.state(value)}
            description={i === index && step !== state ? labels.state(state) : undefined}
            color={i === index && returned ? 'orange' : undefined}
            icon={i === index && returned ? <IconArrowBackUp size={16} aria-hidden /> : undefined}
            aria-current={i === index ? 'step' : undefined}
          />
        ))}
      </Stepper>
    </SectionCard>
  );
}
