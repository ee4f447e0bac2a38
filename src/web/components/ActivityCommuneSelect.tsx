import { useActivityAccess } from '../lib/activity-access.js';
import { CommuneSelect, type CommuneSelectProps } from './CommuneSelect.js';

/**
 * The communes where the user may record a market or programme activity: every commune of the
 * province for the office, a commune officer's own communes otherwise (canEditActivity decides), so
 * no form offers a commune the server would refuse.
 */
export function ActivityCommuneSelect(props: Omit<CommuneSelectProps, 'codes'>) {
  const codes = useActivityAccess().recordableCommunes.map((c) => c.code);
  return <CommuneSelect codes={codes} {...props} />;
}
