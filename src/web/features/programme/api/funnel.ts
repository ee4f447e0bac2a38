import { useQuery } from '@tanstack/react-query';
import { Funnel } from '../../../../contracts/programme.js';
import { apiRequest } from '../../../lib/api/client.js';

export type { Funnel };

/** The year's funnel of the cycle, overall and per commune, within the reader's communes. */
export function useFunnel(year: number, communeCode: string | null) {
  return useQuery({
    queryKey: ['funnel', year, communeCode],
    queryFn: ({ signal }) => apiRequest('/indicators/funnel', { query: { year, communeCode }, schema: Funnel, signal }),
  });
}
