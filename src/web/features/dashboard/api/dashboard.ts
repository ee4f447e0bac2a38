import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { Dashboard } from '../../../../contracts/indicators.js';
import { API_BASE, apiRequest, toQueryString } from '../../../lib/api/client.js';

export type DashboardData = z.infer<typeof Dashboard>;

/** Everything the programme dashboard draws for one year, in one call. */
export function useDashboard(year: number) {
  return useQuery({
    queryKey: ['dashboard', year],
    queryFn: ({ signal }) => apiRequest('/dashboard', { query: { year }, schema: Dashboard, signal }),
  });
}

/** A GeoJSON collection of the province's commune outlines; the map only reads `code` and `name`. */
const CommuneOutlines = z.looseObject({
  type: z.literal('FeatureCollection'),
  features: z.array(z.looseObject({ type: z.literal('Feature'), properties: z.looseObject({ code: z.string(), name: z.string() }) })),
});
export type CommuneOutlines = z.infer<typeof CommuneOutlines>;

/** Shipped outlines never change while the app runs: fetched once. */
export function useCommuneOutlines(provinceCode: string | undefined) {
  return useQuery({
    queryKey: ['reference', 'outlines', provinceCode],
    queryFn: ({ signal }) => apiRequest(`/provinces/${provinceCode}/communes/outlines`, { schema: CommuneOutlines, signal }),
    enabled: Boolean(provinceCode),
    staleTime: Infinity,
    gcTime: Infinity,
  });
}

/** The annual report as a document, downloaded by the browser with the session cookie. */
export const annualReportUrl = (year: number, format: 'docx' | 'xlsx') => `${API_BASE}/reports/annual${toQueryString({ year, format })}`;
