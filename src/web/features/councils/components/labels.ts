import { useTranslation } from 'react-i18next';
import { COUNCIL_POSITIONS } from '../../../../domain/evaluation/council-rules.js';
import type { CouncilPosition } from '../api/councils.js';

export const POSITION_COLOR: Record<CouncilPosition, string> = { chair: 'ocop', vice_chair: 'teal', secretary: 'blue', member: 'gray' };

export function useCouncilLabels() {
  const { t } = useTranslation();
  const position = (value: CouncilPosition) => t(`councils.positions.${value}`);
  return {
    position,
    positionOptions: COUNCIL_POSITIONS.map((value) => ({ value, label: position(value) })),
    kind: (value: 'council' | 'advisory_team') => t(`councils.kinds.${value}`),
    mode: (value: 'meeting' | 'written') => t(`councils.modes.${value}`),
    level: (value: 'province' | 'ministry') => t(`councils.levels.${value}`),
  };
}
