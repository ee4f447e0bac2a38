import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { HistoricalResult as HistoricalResultSchema, type HistoricalResultBody } from '../../../../contracts/certificates.js';
import { apiRequest } from '../../../lib/api/client.js';

export type HistoricalResult = z.infer<typeof HistoricalResultSchema>;
export type HistoricalResultInput = z.output<typeof HistoricalResultBody>;

const resultsKey = (productId: string) => ['products', 'results', productId] as const;

/** Results of earlier years (1048, 148, 1489…), oldest first. */
export function useProductResults(productId: string) {
  return useQuery({
    queryKey: resultsKey(productId),
    queryFn: ({ signal }) => apiRequest(`/products/${productId}/results`, { schema: z.array(HistoricalResultSchema), signal }),
  });
}

export function useRecordProductResult(productId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: HistoricalResultInput) => apiRequest(`/products/${productId}/results`, { method: 'POST', body, schema: HistoricalResultSchema }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: resultsKey(productId) }),
  });
}
