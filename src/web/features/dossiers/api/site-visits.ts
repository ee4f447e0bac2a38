import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { SiteVisit as SiteVisitSchema, type SiteVisitBody } from '../../../../contracts/evaluation.js';
import { apiRequest } from '../../../lib/api/client.js';

export type SiteVisit = z.infer<typeof SiteVisitSchema>;
export type SiteVisitInput = z.output<typeof SiteVisitBody>;

const Visits = z.array(SiteVisitSchema);
const siteVisitsKey = (dossierId: string) => ['dossiers', 'site-visits', dossierId] as const;

/** The advisory team's visits to the producer (readable by the office, the dossier's parties and its council). */
export function useSiteVisits(dossierId: string, enabled = true) {
  return useQuery({
    queryKey: siteVisitsKey(dossierId),
    queryFn: ({ signal }) => apiRequest(`/dossiers/${dossierId}/site-visits`, { schema: Visits, signal }),
    enabled,
  });
}

/** The office records a visit; the server answers with every visit, which replaces the cached list. */
export function useRecordSiteVisit(dossierId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SiteVisitInput) => apiRequest(`/dossiers/${dossierId}/site-visits`, { method: 'POST', body, schema: Visits }),
    onSuccess: (visits) => queryClient.setQueryData(siteVisitsKey(dossierId), visits),
  });
}
