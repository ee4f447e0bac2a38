import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { OkResponse } from '../../../../contracts/common.js';
import {
  DistributionListing as DistributionListingSchema,
  DistributionListingList,
  EcommerceListing as EcommerceListingSchema,
  EcommerceListingList,
  type DistributionListingInput as DistributionListingInputSchema,
  type DistributionListingUpdate as DistributionListingUpdateSchema,
  type EcommerceListingInput as EcommerceListingInputSchema,
  type EcommerceListingUpdate as EcommerceListingUpdateSchema,
  type ListingReviewInput as ListingReviewInputSchema,
} from '../../../../contracts/market.js';
import type { DistributionChannel, EcommercePlatform, ListingStatus } from '../../../../domain/market/index.js';
import { apiRequest } from '../../../lib/api/client.js';

export type EcommerceListing = z.infer<typeof EcommerceListingSchema>;
export type EcommerceListingInput = z.output<typeof EcommerceListingInputSchema>;
export type EcommerceListingUpdate = z.output<typeof EcommerceListingUpdateSchema>;
export type ListingReviewInput = z.output<typeof ListingReviewInputSchema>;
export type DistributionListing = z.infer<typeof DistributionListingSchema>;
export type DistributionListingInput = z.output<typeof DistributionListingInputSchema>;
export type DistributionListingUpdate = z.output<typeof DistributionListingUpdateSchema>;

export const LISTING_PAGE_SIZE = 20;

export type ListingListParams = {
  q: string;
  page: number;
  platform: EcommercePlatform | null;
  status: ListingStatus | null;
  productId: string | null;
  communeCode: string | null;
};

const ECOMMERCE = '/listings/ecommerce';
const DISTRIBUTION = '/listings/distribution';

export function useEcommerceListings(params: ListingListParams, options: { pageSize?: number } = {}) {
  const pageSize = options.pageSize ?? LISTING_PAGE_SIZE;
  return useQuery({
    queryKey: ['listings', 'ecommerce', params, pageSize],
    queryFn: ({ signal }) => apiRequest(ECOMMERCE, { query: { ...params, pageSize }, schema: EcommerceListingList, signal }),
    placeholderData: keepPreviousData,
  });
}

export type DistributionListParams = Pick<ListingListParams, 'q' | 'page' | 'productId' | 'communeCode'> & { channel: DistributionChannel | null };

export function useDistributionListings(params: DistributionListParams) {
  return useQuery({
    queryKey: ['listings', 'distribution', params],
    queryFn: ({ signal }) => apiRequest(DISTRIBUTION, { query: { ...params, pageSize: LISTING_PAGE_SIZE }, schema: DistributionListingList, signal }),
    placeholderData: keepPreviousData,
  });
}

/** Listings show on their product's "where to buy" and in the dashboard's market indicators. */
function listingsChanged(queryClient: QueryClient) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: ['listings'] }),
    queryClient.invalidateQueries({ queryKey: ['where-to-buy'] }),
    queryClient.invalidateQueries({ queryKey: ['dashboard'] }),
  ]);
}

/** A listing, or a producer's proposal (the server sets its status: a proposal waits for approval). */
export function useCreateEcommerceListing() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: EcommerceListingInput) => apiRequest(ECOMMERCE, { method: 'POST', body, schema: EcommerceListingSchema }),
    onSuccess: () => listingsChanged(queryClient),
  });
}

export function useUpdateEcommerceListing() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: EcommerceListingUpdate & { id: string }) =>
      apiRequest(`${ECOMMERCE}/${id}`, { method: 'PUT', body, schema: EcommerceListingSchema }),
    onSuccess: () => listingsChanged(queryClient),
  });
}

export function useDeleteEcommerceListing() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiRequest(`${ECOMMERCE}/${id}`, { method: 'DELETE', schema: OkResponse }),
    onSuccess: () => listingsChanged(queryClient),
  });
}

export function useReviewEcommerceListing() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: ListingReviewInput & { id: string }) =>
      apiRequest(`${ECOMMERCE}/${id}/review`, { method: 'POST', body, schema: EcommerceListingSchema }),
    onSuccess: () => listingsChanged(queryClient),
  });
}

export function useCreateDistributionListing() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: DistributionListingInput) => apiRequest(DISTRIBUTION, { method: 'POST', body, schema: DistributionListingSchema }),
    onSuccess: () => listingsChanged(queryClient),
  });
}

export function useUpdateDistributionListing() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: DistributionListingUpdate & { id: string }) =>
      apiRequest(`${DISTRIBUTION}/${id}`, { method: 'PUT', body, schema: DistributionListingSchema }),
    onSuccess: () => listingsChanged(queryClient),
  });
}

export function useDeleteDistributionListing() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiRequest(`${DISTRIBUTION}/${id}`, { method: 'DELETE', schema: OkResponse }),
    onSuccess: () => listingsChanged(queryClient),
  });
}
