import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { OkResponse } from '../../../../contracts/common.js';
import { ProductList, Subject as SubjectSchema, SubjectList, TaxCodeHolders, type SubjectInput as SubjectInputSchema } from '../../../../contracts/registry.js';
import type { LegalForm, SubjectStatus } from '../../../../domain/subjects/legal-forms.js';
import { apiRequest } from '../../../lib/api/client.js';

export type Subject = z.infer<typeof SubjectSchema>;
export type SubjectInput = z.output<typeof SubjectInputSchema>;

export const SUBJECT_PAGE_SIZE = 20;

export type SubjectListParams = {
  q: string;
  page: number;
  legalForm: LegalForm | null;
  communeCode: string | null;
  status: SubjectStatus | null;
  /** 'true': only producers whose commune is unknown (the office's list of producers to place). */
  communeUnknown: 'true' | null;
};

export function useSubjects(params: SubjectListParams) {
  return useQuery({
    queryKey: ['subjects', 'list', params],
    queryFn: ({ signal }) => apiRequest('/subjects', { query: { ...params, pageSize: SUBJECT_PAGE_SIZE }, schema: SubjectList, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useSubject(id: string) {
  return useQuery({
    queryKey: ['subjects', 'detail', id],
    queryFn: ({ signal }) => apiRequest(`/subjects/${id}`, { schema: SubjectSchema, signal }),
  });
}

/** The subject's products, for its detail page. */
export function useSubjectProducts(subjectId: string) {
  return useQuery({
    queryKey: ['products', 'list', { subjectId, pageSize: 200 }],
    queryFn: ({ signal }) => apiRequest('/products', { query: { subjectId, pageSize: 200 }, schema: ProductList, signal }),
  });
}

/**
 * Who already holds a tax code (null: nothing to ask, e.g. the code is incomplete). The holders
 * outside the caller's scope are only counted (`registered`), never named.
 */
export function useTaxCodeHolders(taxCode: string | null, exceptId?: string) {
  return useQuery({
    queryKey: ['subjects', 'tax-code-holders', taxCode, exceptId ?? null],
    queryFn: ({ signal }) => apiRequest('/subjects/tax-code-holders', { query: { taxCode: taxCode ?? '', exceptId }, schema: TaxCodeHolders, signal }),
    enabled: taxCode !== null,
  });
}

export function useCreateSubject() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SubjectInput) => apiRequest('/subjects', { method: 'POST', body, schema: SubjectSchema }),
    onSuccess: (subject) => {
      queryClient.setQueryData(['subjects', 'detail', subject.id], subject);
      return queryClient.invalidateQueries({ queryKey: ['subjects', 'list'] });
    },
  });
}

export function useUpdateSubject(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SubjectInput) => apiRequest(`/subjects/${id}`, { method: 'PUT', body, schema: SubjectSchema }),
    onSuccess: (subject) => {
      queryClient.setQueryData(['subjects', 'detail', id], subject);
      // Products show their subject's name and commune.
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: ['subjects', 'list'] }),
        queryClient.invalidateQueries({ queryKey: ['subjects', 'history', id] }),
        queryClient.invalidateQueries({ queryKey: ['products'] }),
      ]);
    },
  });
}

export function useDeleteSubject() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiRequest(`/subjects/${id}`, { method: 'DELETE', schema: OkResponse }),
    onSuccess: (_ok, id) => {
      queryClient.removeQueries({ queryKey: ['subjects', 'detail', id] });
      return Promise.all([queryClient.invalidateQueries({ queryKey: ['subjects', 'list'] }), queryClient.invalidateQueries({ queryKey: ['products'] })]);
    },
  });
}
