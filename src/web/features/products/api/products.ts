import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { z } from 'zod';
import { OkResponse } from '../../../../contracts/common.js';
import {
  Product as ProductSchema,
  ProductList,
  type PRODUCT_STATUSES,
  type ProductInput as ProductInputSchema,
  type ProductUpdate as ProductUpdateSchema,
} from '../../../../contracts/registry.js';
import { apiRequest, apiUpload } from '../../../lib/api/client.js';

export type Product = z.infer<typeof ProductSchema>;
export type ProductInput = z.output<typeof ProductInputSchema>;
export type ProductUpdate = z.output<typeof ProductUpdateSchema>;
export type ProductStatus = (typeof PRODUCT_STATUSES)[number];

export const PRODUCT_PAGE_SIZE = 20;

export type ProductListParams = {
  q: string;
  page: number;
  criteriaSetNumber: number | null;
  communeCode: string | null;
  status: ProductStatus | null;
  star: number | null;
};

export function useProducts(params: ProductListParams) {
  return useQuery({
    queryKey: ['products', 'list', params],
    queryFn: ({ signal }) => apiRequest('/products', { query: { ...params, pageSize: PRODUCT_PAGE_SIZE }, schema: ProductList, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useProduct(id: string) {
  return useQuery({
    queryKey: ['products', 'detail', id],
    queryFn: ({ signal }) => apiRequest(`/products/${id}`, { schema: ProductSchema, signal }),
  });
}

/** A changed product: new detail, and lists, history and its subject's product count are stale. */
function productChanged(queryClient: QueryClient, product: Product) {
  queryClient.setQueryData(['products', 'detail', product.id], product);
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: ['products', 'list'] }),
    queryClient.invalidateQueries({ queryKey: ['products', 'history', product.id] }),
    queryClient.invalidateQueries({ queryKey: ['subjects'] }),
  ]);
}

export function useCreateProduct() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ProductInput) => apiRequest('/products', { method: 'POST', body, schema: ProductSchema }),
    onSuccess: (product) => productChanged(queryClient, product),
  });
}

export function useUpdateProduct(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ProductUpdate) => apiRequest(`/products/${id}`, { method: 'PUT', body, schema: ProductSchema }),
    onSuccess: (product) => productChanged(queryClient, product),
  });
}

export function useDeleteProduct() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiRequest(`/products/${id}`, { method: 'DELETE', schema: OkResponse }),
    onSuccess: (_ok, id) => {
      queryClient.removeQueries({ queryKey: ['products', 'detail', id] });
      return Promise.all([queryClient.invalidateQueries({ queryKey: ['products', 'list'] }), queryClient.invalidateQueries({ queryKey: ['subjects'] })]);
    },
  });
}

/** Upload with a progress percentage for the progress bar. */
export function useUploadPhoto(productId: string) {
  const queryClient = useQueryClient();
  const [progress, setProgress] = useState(0);
  const mutation = useMutation({
    mutationFn: (file: File) => {
      setProgress(0);
      return apiUpload(`/products/${productId}/photos`, file, ProductSchema, { onProgress: setProgress });
    },
    onSuccess: (product) => productChanged(queryClient, product),
  });
  return { ...mutation, progress };
}

export function useDeletePhoto(productId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (photoId: string) => apiRequest(`/products/${productId}/photos/${photoId}`, { method: 'DELETE', schema: ProductSchema }),
    onSuccess: (product) => productChanged(queryClient, product),
  });
}
