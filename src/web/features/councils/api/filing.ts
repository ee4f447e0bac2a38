import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { DossierFiling as DossierFilingSchema } from '../../../../contracts/evaluation.js';
import { apiRequest } from '../../../lib/api/client.js';

export type DossierFiling = z.infer<typeof DossierFilingSchema>;

/**
 * What the dossier was filed with — the producer's self-assessment as filed, its notes and evidence
 * (copies kept with the filing) — which council members read beside their sheet. It never changes:
 * a producer editing afterwards works on a new draft.
 */
export function useDossierFiling(dossierId: string) {
  return useQuery({
    queryKey: ['dossiers', 'filing', dossierId],
    queryFn: ({ signal }) => apiRequest(`/dossiers/${dossierId}/filing`, { schema: DossierFilingSchema, signal }),
    staleTime: 5 * 60_000,
  });
}
