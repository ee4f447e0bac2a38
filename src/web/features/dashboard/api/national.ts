import { useQuery } from '@tanstack/react-query';
import { NationalFigures } from '../../../../contracts/national.js';
import { apiRequest } from '../../../lib/api/client.js';

export type { NationalFigures, NationalProvince } from '../../../../contracts/national.js';

/** The ministry's national view for one year, in one call (GET /indicators/national). */
export function useNationalFigures(year: number) {
  return useQuery({
    queryKey: ['indicators', 'national', year],
    queryFn: ({ signal }) => apiRequest('/indicators/national', { query: { year }, schema: NationalFigures, signal }),
  });
}
