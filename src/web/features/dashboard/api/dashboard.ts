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

/** The annual report as a document, downloaded by the browser with the session cookie. */
export const annualReportUrl = (year: number, format: 'docx' | 'xlsx') => `${API_BASE}/reports/annual${toQueryString({ year, format })}`;
