import { useTranslation } from 'react-i18next';
import { DOSSIER_ACTIONS, DOSSIER_KINDS, DOSSIER_STATE_LABELS, DOSSIER_STATES } from '../../../../domain/evaluation/dossier-workflow.js';
import { useLabel } from '../../../lib/i18n/index.js';
import type { DossierAction, DossierKind, DossierState } from '../api/dossiers.js';

export const isDossierState = (value: unknown): value is DossierState => DOSSIER_STATES.includes(value as DossierState);
export const isDossierKind = (value: unknown): value is DossierKind => DOSSIER_KINDS.includes(value as DossierKind);
export const isDossierAction = (value: unknown): value is DossierAction => typeof value === 'string' && Object.hasOwn(DOSSIER_ACTIONS, value);

export const DOSSIER_STATE_COLOR: Record<DossierState, string> = {
  draft: 'gray',
  submitted: 'blue',
  not_proposed: 'orange',
  commune_assessed: 'cyan',
  received: 'indigo',
  returned: 'orange',
  resubmitted: 'blue',
  disqualified: 'red',
  in_council: 'violet',
  scored: 'grape',
  decided: 'teal',
  approved: 'yellow',
  forwarded_to_ministry: 'yellow',
  ministry_received: 'yellow',
  in_central_council: 'violet',
  central_scored: 'grape',
  ministry_decided: 'teal',
  withdrawn: 'dark',
};

/** State names come from the workflow's own labels; kinds and steps from the translations. */
export function useDossierLabels() {
  const { t } = useTranslation();
  const label = useLabel();
  const state = (value: DossierState) => label(DOSSIER_STATE_LABELS[value]);
  const kind = (value: DossierKind) => t(`dossiers.kinds.${value}`);
  const action = (value: DossierAction) => (value === 'withdraw_draft' ? t('dossierWork.withdrawDraft.action') : t(`dossiers.actions.${value}`));
  return {
    state,
    kind,
    action,
    /** An event's step, including the dossier's creation; unknown names are shown as recorded. */
    event: (name: string) => (name === 'create' ? t('dossiers.created') : isDossierAction(name) ? action(name) : name),
    stateOptions: DOSSIER_STATES.map((value) => ({ value, label: state(value) })),
    kindOptions: DOSSIER_KINDS.map((value) => ({ value, label: kind(value) })),
  };
}
