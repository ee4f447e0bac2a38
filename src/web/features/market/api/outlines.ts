import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '../../../lib/api/client.js';

/**
 * A GeoJSON collection of a province's commune outlines, where the platform ships them (empty
 * elsewhere); the map reads the geometry and each commune's name. Cached under the same key, and
 * with the same loose shape, as the dashboard's map, so the two pages share one download.
 */
const OutlinesSchema = z.looseObject({
  type: z.literal('FeatureCollection'),
  features: z.array(z.looseObject({ type: z.literal('Feature'), properties: z.looseObject({ code: z.string(), name: z.string() }) })),
});
export type Outlines = z.infer<typeof OutlinesSchema>;

export function useProvinceOutlines(provinceCode: string | null) {
  return useQuery({
    queryKey: ['reference', 'outlines', provinceCode],
    queryFn: ({ signal }) => apiRequest(`/provinces/${provinceCode}/communes/outlines`, { schema: OutlinesSchema, signal }),
    enabled: Boolean(provinceCode),
    staleTime: Infinity,
    gcTime: Infinity,
  });
}
