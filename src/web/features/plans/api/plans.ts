import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { Plan as PlanSchema, PlanSummary, type PlanBody } from '../../../../contracts/plans.js';
import { apiRequest, isApiError } from '../../../lib/api/client.js';

export type Plan = z.infer<typeof PlanSchema>;
export type PlanInput = z.input<typeof PlanBody>;

export function usePlans() {
  return useQuery({ queryKey: ['plans', 'list'], queryFn: ({ signal }) => apiRequest('/plans', { schema: z.array(PlanSummary), signal }) });
}

/** The year's plan, or null while none has been drawn up (404). */
export function usePlan(year: number) {
  return useQuery({
    queryKey: ['plans', 'detail', year],
    queryFn: async ({ signal }) => {
      try {
        return await apiRequest(`/plans/${year}`, { schema: PlanSchema, signal });
      } catch (error) {
        if (isApiError(error) && error.status === 404) return null;
        throw error;
      }
    },
  });
}

/** Saves the whole plan; a stale `version` comes back as 409 (someone saved in between). */
export function useSavePlan(year: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PlanInput) => apiRequest(`/plans/${year}`, { method: 'PUT', body, schema: PlanSchema }),
    onSuccess: (plan) => {
      queryClient.setQueryData(['plans', 'detail', year], plan);
      // Targets show on the dashboard and in the annual report.
      return Promise.all([queryClient.invalidateQueries({ queryKey: ['plans', 'list'] }), queryClient.invalidateQueries({ queryKey: ['dashboard'] })]);
    },
  });
}
