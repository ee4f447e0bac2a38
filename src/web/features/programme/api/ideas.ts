import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { OkResponse } from '../../../../contracts/common.js';
import {
  BusinessPlan as BusinessPlanSchema,
  BusinessPlanList,
  IdeaList,
  ProductIdea as ProductIdeaSchema,
  type BusinessPlanInput as BusinessPlanInputSchema,
  type IdeaScreeningInput as IdeaScreeningInputSchema,
  type ProductIdeaInput as ProductIdeaInputSchema,
} from '../../../../contracts/programme.js';
import type { BusinessPlanStatus, IdeaStatus } from '../../../../domain/programme/index.js';
import { apiRequest } from '../../../lib/api/client.js';

export type ProductIdea = z.infer<typeof ProductIdeaSchema>;
export type IdeaSummary = z.infer<typeof IdeaList>['items'][number];
export type ProductIdeaInput = z.output<typeof ProductIdeaInputSchema>;
export type IdeaScreeningInput = z.output<typeof IdeaScreeningInputSchema>;
export type BusinessPlan = z.infer<typeof BusinessPlanSchema>;
export type BusinessPlanInput = z.output<typeof BusinessPlanInputSchema>;

export const IDEA_PAGE_SIZE = 20;

export type IdeaListParams = { q: string; page: number; year: number | null; status: IdeaStatus | null; communeCode: string | null };

export function useIdeas(params: IdeaListParams) {
  return useQuery({
    queryKey: ['ideas', 'list', params],
    queryFn: ({ signal }) => apiRequest('/ideas', { query: { ...params, pageSize: IDEA_PAGE_SIZE }, schema: IdeaList, signal }),
    placeholderData: keepPreviousData,
  });
}

export type BusinessPlanSummary = z.infer<typeof BusinessPlanList>['items'][number];
export const PLAN_PAGE_SIZE = 20;
export type PlanListParams = { q: string; page: number; year: number | null; status: BusinessPlanStatus | null; communeCode: string | null };

/** The business plans of the ideas the caller sees; under the ideas' key, so any change to ideas or plans refreshes it. */
export function useBusinessPlans(params: PlanListParams) {
  return useQuery({
    queryKey: ['ideas', 'plans', params],
    queryFn: ({ signal }) => apiRequest('/business-plans', { query: { ...params, pageSize: PLAN_PAGE_SIZE }, schema: BusinessPlanList, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useIdea(id: string) {
  return useQuery({
    queryKey: ['ideas', 'detail', id],
    queryFn: ({ signal }) => apiRequest(`/ideas/${id}`, { schema: ProductIdeaSchema, signal }),
  });
}

/**
 * Ideas and their plans feed the funnel, and a plan's product and grants show on the support pages:
 * all of them are stale after a change.
 */
function ideasChanged(queryClient: QueryClient) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: ['ideas'] }),
    queryClient.invalidateQueries({ queryKey: ['funnel'] }),
    queryClient.invalidateQueries({ queryKey: ['dashboard'] }),
  ]);
}

export function useCreateIdea() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ProductIdeaInput) => apiRequest('/ideas', { method: 'POST', body, schema: ProductIdeaSchema }),
    onSuccess: (idea) => {
      queryClient.setQueryData(['ideas', 'detail', idea.id], idea);
      return ideasChanged(queryClient);
    },
  });
}

export function useUpdateIdea(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ProductIdeaInput) => apiRequest(`/ideas/${id}`, { method: 'PUT', body, schema: ProductIdeaSchema }),
    onSuccess: (idea) => {
      queryClient.setQueryData(['ideas', 'detail', idea.id], idea);
      return ideasChanged(queryClient);
    },
  });
}

export function useDeleteIdea() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiRequest(`/ideas/${id}`, { method: 'DELETE', schema: OkResponse }),
    onSuccess: (_ok, id) => {
      queryClient.removeQueries({ queryKey: ['ideas', 'detail', id] });
      return ideasChanged(queryClient);
    },
  });
}

/** The commune's screening (step 2 of the cycle); the server answers with the idea as it now stands. */
export function useScreenIdea(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: IdeaScreeningInput) => apiRequest(`/ideas/${id}/screening`, { method: 'POST', body, schema: ProductIdeaSchema }),
    onSuccess: (idea) => {
      queryClient.setQueryData(['ideas', 'detail', idea.id], idea);
      return ideasChanged(queryClient);
    },
  });
}

/** A plan changed: its idea's detail, the funnel and the grants that name it are stale. */
function plansChanged(queryClient: QueryClient) {
  return Promise.all([ideasChanged(queryClient), queryClient.invalidateQueries({ queryKey: ['support'] })]);
}

export function useSavePlan(ideaId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string | null; body: BusinessPlanInput }) =>
      id === null
        ? apiRequest(`/ideas/${ideaId}/plans`, { method: 'POST', body, schema: BusinessPlanSchema })
        : apiRequest(`/business-plans/${id}`, { method: 'PUT', body, schema: BusinessPlanSchema }),
    onSuccess: () => plansChanged(queryClient),
  });
}

export function useDeletePlan() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiRequest(`/business-plans/${id}`, { method: 'DELETE', schema: OkResponse }),
    onSuccess: () => plansChanged(queryClient),
  });
}

/**
 * The business plans of a producer's ideas, to tie a grant to one. The list is filtered here by the
 * producer as well, so a server that does not filter ideas by producer never offers another's plan.
 */
export function useSubjectPlanOptions(subjectId: string | null) {
  return useQuery({
    queryKey: ['ideas', 'plans-of', subjectId],
    queryFn: async ({ signal }) => {
      const ideas = await apiRequest('/ideas', { query: { subjectId, pageSize: 200 }, schema: IdeaList, signal });
      const withPlans = ideas.items.filter((idea) => idea.subjectId === subjectId && idea.planCount > 0);
      const details = await Promise.all(withPlans.map((idea) => apiRequest(`/ideas/${idea.id}`, { schema: ProductIdeaSchema, signal })));
      return details.flatMap((idea) => idea.plans.map((plan) => ({ ...plan, ideaTitle: idea.title })));
    },
    enabled: subjectId !== null,
  });
}
