import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { OkResponse } from '../../../../contracts/common.js';
import {
  CarriedProduct as CarriedProductSchema,
  ProductSalesPoints,
  SalesPoint as SalesPointSchema,
  SalesPointList,
  type ConsentInput as ConsentInputSchema,
  type SalesPointInput as SalesPointInputSchema,
} from '../../../../contracts/market.js';
import type { Placement, SalesPointKind, SalesPointStatus } from '../../../../domain/market/index.js';
import { apiRequest } from '../../../lib/api/client.js';

export type SalesPoint = z.infer<typeof SalesPointSchema>;
export type SalesPointSummary = z.infer<typeof SalesPointList>['items'][number];
export type CarriedProduct = z.infer<typeof CarriedProductSchema>;
export type ProductSalesPoint = z.infer<typeof ProductSalesPoints>['items'][number];
export type SalesPointInput = z.output<typeof SalesPointInputSchema>;
export type ConsentInput = z.output<typeof ConsentInputSchema>;

export const SALES_POINT_PAGE_SIZE = 20;

export type SalesPointListParams = {
  q: string;
  page: number;
  kind: SalesPointKind | null;
  status: SalesPointStatus | null;
  placement: Placement | null;
  communeCode: string | null;
};

export function useSalesPoints(params: SalesPointListParams) {
  return useQuery({
    queryKey: ['sales-points', 'list', params],
    queryFn: ({ signal }) => apiRequest('/sales-points', { query: { ...params, pageSize: SALES_POINT_PAGE_SIZE }, schema: SalesPointList, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useSalesPoint(id: string) {
  return useQuery({
    queryKey: ['sales-points', 'detail', id],
    queryFn: ({ signal }) => apiRequest(`/sales-points/${id}`, { schema: SalesPointSchema, signal }),
  });
}

/**
 * A changed point: its detail is the answer; lists, the "where to buy" of the products it carries
 * and the dashboard's market indicators (points in operation) are stale.
 */
function salesPointChanged(queryClient: QueryClient, point: SalesPoint) {
  queryClient.setQueryData(['sales-points', 'detail', point.id], point);
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: ['sales-points', 'list'] }),
    queryClient.invalidateQueries({ queryKey: ['where-to-buy'] }),
    queryClient.invalidateQueries({ queryKey: ['dashboard'] }),
  ]);
}

export function useCreateSalesPoint() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SalesPointInput) => apiRequest('/sales-points', { method: 'POST', body, schema: SalesPointSchema }),
    onSuccess: (point) => salesPointChanged(queryClient, point),
  });
}

export function useUpdateSalesPoint(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SalesPointInput) => apiRequest(`/sales-points/${id}`, { method: 'PUT', body, schema: SalesPointSchema }),
    onSuccess: (point) => salesPointChanged(queryClient, point),
  });
}

export function useDeleteSalesPoint() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiRequest(`/sales-points/${id}`, { method: 'DELETE', schema: OkResponse }),
    onSuccess: (_ok, id) => {
      queryClient.removeQueries({ queryKey: ['sales-points', 'detail', id] });
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: ['sales-points', 'list'] }),
        queryClient.invalidateQueries({ queryKey: ['where-to-buy'] }),
        queryClient.invalidateQueries({ queryKey: ['dashboard'] }),
      ]);
    },
  });
}

/** Products put on a point's shelves; each waits for its producer's consent. */
export function useAddCarriedProducts(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (productIds: string[]) => apiRequest(`/sales-points/${id}/products`, { method: 'POST', body: { productIds }, schema: SalesPointSchema }),
    onSuccess: (point) => salesPointChanged(queryClient, point),
  });
}

export function useRemoveCarriedProduct(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (productId: string) => apiRequest(`/sales-points/${id}/products/${productId}`, { method: 'DELETE', schema: SalesPointSchema }),
    onSuccess: (point) => salesPointChanged(queryClient, point),
  });
}

/**
 * A producer's consent at one point: its own answer, or the office's record of a signed paper (with
 * the paper's date). The point, the product's list of points and its "where to buy" change with it.
 */
export function useAnswerConsent() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ salesPointId, productId, ...body }: ConsentInput & { salesPointId: string; productId: string }) =>
      apiRequest(`/sales-points/${salesPointId}/products/${productId}/consent`, { method: 'PUT', body, schema: CarriedProductSchema }),
    onSuccess: (_product, { salesPointId, productId }) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['sales-points', 'detail', salesPointId] }),
        queryClient.invalidateQueries({ queryKey: ['sales-points', 'of-product', productId] }),
        queryClient.invalidateQueries({ queryKey: ['where-to-buy', productId] }),
      ]),
  });
}

/** The points that carry a product, with its producer's consent at each (what the producer answers). */
export function useProductSalesPoints(productId: string) {
  return useQuery({
    queryKey: ['sales-points', 'of-product', productId],
    queryFn: ({ signal }) => apiRequest(`/products/${productId}/sales-points`, { schema: ProductSalesPoints, signal }),
  });
}
