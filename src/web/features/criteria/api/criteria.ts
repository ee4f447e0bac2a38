import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { CriteriaSetDetail, CriteriaVersionSummary } from '../../../../contracts/criteria.js';
import { asCriteriaSetDetail } from '../../../components/score-sheet/index.js';
import { apiRequest } from '../../../lib/api/client.js';

export type CriteriaVersion = z.infer<typeof CriteriaVersionSummary>;

/** Criteria change only when an admin imports a version, which refreshes them (see useImportCriteria). */
const RARELY_CHANGES = { staleTime: 10 * 60_000 } as const;

export function useCriteriaVersions() {
  return useQuery({
    queryKey: ['criteria', 'versions'],
    queryFn: ({ signal }) => apiRequest('/criteria', { schema: z.array(CriteriaVersionSummary), signal }),
    ...RARELY_CHANGES,
  });
}

/** One set in full; the version by slug or legal basis, the set by number or code. */
export function useCriteriaSet(version: string, set: string | number, enabled = true) {
  return useQuery({
    queryKey: ['criteria', 'set', version, String(set)],
    queryFn: async ({ signal }) =>
      asCriteriaSetDetail(await apiRequest(`/criteria/${encodeURIComponent(version)}/${encodeURIComponent(set)}`, { schema: CriteriaSetDetail, signal })),
    enabled: enabled && Boolean(version) && Boolean(set),
    ...RARELY_CHANGES,
  });
}

/** Sends a parsed criteria file; the server validates all of it and lists every problem. */
export function useImportCriteria() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: unknown) => apiRequest('/criteria', { method: 'POST', body: file, schema: CriteriaVersionSummary }),
    // A new version may come into force, which changes the sets products are classified in.
    onSuccess: () =>
      Promise.all([queryClient.invalidateQueries({ queryKey: ['criteria'] }), queryClient.invalidateQueries({ queryKey: ['reference', 'criteria-sets'] })]),
  });
}
