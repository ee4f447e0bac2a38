import { useDossiers, type Dossier } from '../../dossiers/index.js';
import { modeOf } from '../components/recognition.js';

const LIST = { page: 1, pageSize: 200, kind: null, roundId: null } as const;

/**
 * The dossiers waiting for a decision this user may record: for a province's office, those its
 * council scored and those the ministry did not give 5★; for the ministry's, its central council's.
 */
export function useDossiersAwaitingDecision(ministry: boolean) {
  const scored = useDossiers({ ...LIST, state: 'scored' }, { enabled: !ministry });
  const afterMinistry = useDossiers({ ...LIST, state: 'ministry_decided' }, { enabled: !ministry });
  const central = useDossiers({ ...LIST, state: 'central_scored' }, { enabled: ministry });
  const queries = ministry ? [central] : [scored, afterMinistry];
  const error = queries.find((q) => q.isError)?.error ?? null;
  const dossiers: Dossier[] = queries.flatMap((q) => q.data?.items ?? []).filter((d) => modeOf(d) !== null);
  // Shaped like one query (QueryView's Loadable): pending while any is, failed when any failed.
  return {
    isPending: queries.some((q) => q.isPending),
    isError: error !== null,
    error,
    data: dossiers,
    refetch: () => void Promise.all(queries.map((q) => q.refetch())),
  };
}
