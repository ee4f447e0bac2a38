import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { z } from 'zod';
import { IndicatorDefinition } from '../../contracts/indicators.js';
import { AppInfo, Commune, CriteriaSetSummary } from '../../contracts/reference.js';
import { apiRequest } from './api/client.js';

/** Reference data that rarely changes: fetched once per page load and shared by every feature. */

export type AppInfo = z.infer<typeof AppInfo>;
export type Commune = z.infer<typeof Commune>;
export type CriteriaSet = z.infer<typeof CriteriaSetSummary>;

const FOREVER = { staleTime: Infinity, gcTime: Infinity } as const;

export function useAppInfo() {
  return useQuery({ queryKey: ['reference', 'info'], queryFn: () => apiRequest('/info', { schema: AppInfo }), ...FOREVER });
}

/** Communes/wards of the deployment's province, in Vietnamese alphabetical order. */
export function useCommunes() {
  const provinceCode = useAppInfo().data?.provinceCode;
  return useQuery({
    queryKey: ['reference', 'communes', provinceCode],
    queryFn: () => apiRequest(`/provinces/${provinceCode}/communes`, { schema: z.array(Commune) }),
    enabled: Boolean(provinceCode),
    ...FOREVER,
  });
}

/** Commune code → name, for lists that only carry codes (user scopes). */
export function useCommuneNames(): ReadonlyMap<string, string> {
  const { data } = useCommunes();
  return useMemo(() => new Map((data ?? []).map((c) => [c.code, c.name])), [data]);
}

export function useCriteriaSets() {
  return useQuery({
    queryKey: ['reference', 'criteria-sets'],
    queryFn: () => apiRequest('/criteria-sets', { schema: z.array(CriteriaSetSummary) }),
    ...FOREVER,
  });
}

export type IndicatorDefinition = z.infer<typeof IndicatorDefinition>;

/** The indicator catalogue (bộ chỉ tiêu) plans set targets for and the dashboard shows. */
export function useIndicatorCatalogue() {
  return useQuery({ queryKey: ['reference', 'indicators'], queryFn: () => apiRequest('/indicators', { schema: z.array(IndicatorDefinition) }), ...FOREVER });
}

/**
 * A GeoJSON collection of a province's commune outlines, where the platform ships them (empty
 * elsewhere); the maps (the dashboard's, a sales point's location) read only the geometry, `code`
 * and `name`.
 */
const CommuneOutlines = z.looseObject({
  type: z.literal('FeatureCollection'),
  features: z.array(z.looseObject({ type: z.literal('Feature'), properties: z.looseObject({ code: z.string(), name: z.string() }) })),
});
export type CommuneOutlines = z.infer<typeof CommuneOutlines>;

/** Shipped outlines never change while the app runs: fetched once, one download for every map. */
export function useCommuneOutlines(provinceCode: string | null | undefined) {
  return useQuery({
    queryKey: ['reference', 'outlines', provinceCode],
    queryFn: ({ signal }) => apiRequest(`/provinces/${provinceCode}/communes/outlines`, { schema: CommuneOutlines, signal }),
    enabled: Boolean(provinceCode),
    ...FOREVER,
  });
}

export const criteriaSetLabel = (set: Pick<CriteriaSet, 'number' | 'name'>) => `${set.number}. ${set.name}`;
