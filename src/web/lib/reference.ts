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

export const criteriaSetLabel = (set: Pick<CriteriaSet, 'number' | 'name'>) => `${set.number}. ${set.name}`;
