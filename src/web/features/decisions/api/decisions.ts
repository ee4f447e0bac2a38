import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { Decision as DecisionSchema, type DecisionCreateBody } from '../../../../contracts/certificates.js';
import { API_BASE, apiRequest } from '../../../lib/api/client.js';

export type Decision = z.infer<typeof DecisionSchema>;
export type DecisionInput = z.input<typeof DecisionCreateBody>;
export type DecisionItemInput = DecisionInput['items'][number];

export const decisionDocxUrl = (id: string) => `${API_BASE}/decisions/${id}/docx`;
/** The letters notifying the result to each producer and commune (Art. 7.3g, 7.4g). */
export const resultLettersUrl = (id: string) => `${API_BASE}/decisions/${id}/result-letters.docx`;

export function useDecisions() {
  return useQuery({ queryKey: ['decisions', 'list'], queryFn: ({ signal }) => apiRequest('/decisions', { schema: z.array(DecisionSchema), signal }) });
}

/** A decision moves its dossiers and issues certificates: every list of those is stale after it. */
export function useCreateDecision() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: DecisionInput) => apiRequest('/decisions', { method: 'POST', body, schema: DecisionSchema }),
    onSuccess: () => Promise.all(['decisions', 'dossiers', 'certificates', 'notifications'].map((key) => queryClient.invalidateQueries({ queryKey: [key] }))),
  });
}
