import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { EvidenceQuestion } from '../../../../contracts/evaluation.js';
import { apiRequest } from '../../../lib/api/client.js';

export type Question = z.infer<typeof EvidenceQuestion>;

const Thread = z.array(EvidenceQuestion);
const questionsKey = (dossierId: string) => ['dossiers', 'questions', dossierId] as const;

export function useQuestions(dossierId: string) {
  return useQuery({ queryKey: questionsKey(dossierId), queryFn: ({ signal }) => apiRequest(`/dossiers/${dossierId}/questions`, { schema: Thread, signal }) });
}

/** Every question call answers with the whole thread, which replaces the cached one. */
function useThreadMutation<V>(dossierId: string, request: (variables: V) => Promise<Question[]>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: (thread) => {
      queryClient.setQueryData(questionsKey(dossierId), thread);
      return queryClient.invalidateQueries({ queryKey: ['notifications'] });
    },
  });
}

export const useAskQuestion = (dossierId: string) =>
  useThreadMutation(dossierId, (body: { criterionCode: string; question: string }) =>
    apiRequest(`/dossiers/${dossierId}/questions`, { method: 'POST', body, schema: Thread }),
  );

export const useReplyToQuestion = (dossierId: string) =>
  useThreadMutation(dossierId, ({ questionId, body }: { questionId: string; body: string }) =>
    apiRequest(`/dossiers/${dossierId}/questions/${questionId}/messages`, { method: 'POST', body: { body }, schema: Thread }),
  );

export const useCloseQuestion = (dossierId: string) =>
  useThreadMutation(dossierId, (questionId: string) => apiRequest(`/dossiers/${dossierId}/questions/${questionId}/close`, { method: 'POST', schema: Thread }));
