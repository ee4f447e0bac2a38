import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { z } from 'zod';
import { OkResponse } from '../../../../contracts/common.js';
import { SelfAssessment as SelfAssessmentSchema, SelfAssessmentSummary as SummarySchema } from '../../../../contracts/self-assessments.js';
import { API_BASE, apiRequest, apiUpload } from '../../../lib/api/client.js';

export type SelfAssessment = z.infer<typeof SelfAssessmentSchema>;
export type SelfAssessmentSummary = z.infer<typeof SummarySchema>;
export type SheetProgress = SelfAssessment['progress'];
export type SheetResult = NonNullable<SelfAssessment['result']>;
export type Evidence = SelfAssessment['evidence'][number];

export const sheetKey = (id: string) => ['self-assessments', 'detail', id] as const;
const productSheetsKey = (productId: string) => ['self-assessments', 'product', productId] as const;

export const sheetPdfUrl = (id: string) => `${API_BASE}/self-assessments/${id}/pdf`;

export function useProductSelfAssessments(productId: string) {
  return useQuery({
    queryKey: productSheetsKey(productId),
    queryFn: ({ signal }) => apiRequest(`/products/${productId}/self-assessments`, { schema: z.array(SummarySchema), signal }),
  });
}

export function useSelfAssessment(id: string, enabled = true) {
  return useQuery({
    queryKey: sheetKey(id),
    queryFn: ({ signal }) => apiRequest(`/self-assessments/${id}`, { schema: SelfAssessmentSchema, signal }),
    enabled: enabled && id !== '',
  });
}

/** The server's copy of a sheet, as every write returns it; the product's list (status, total, star) is stale. */
export function sheetChanged(queryClient: QueryClient, sheet: SelfAssessment) {
  queryClient.setQueryData(sheetKey(sheet.id), sheet);
  return queryClient.invalidateQueries({ queryKey: productSheetsKey(sheet.productId) });
}

/** Starts a draft on the product's criteria set of the version in force. */
export function useStartSelfAssessment(productId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest(`/products/${productId}/self-assessments`, { method: 'POST', body: {}, schema: SelfAssessmentSchema }),
    onSuccess: (sheet) => sheetChanged(queryClient, sheet),
  });
}

export type DraftBody = { choices: Record<string, number>; case: 'a' | 'b' | null; notes: Record<string, string>; generalNote: string | null };

export const saveDraft = (id: string, body: DraftBody) => apiRequest(`/self-assessments/${id}`, { method: 'PUT', body, schema: SelfAssessmentSchema });

function useSheetAction(id: string, action: 'complete' | 'reopen') {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest(`/self-assessments/${id}/${action}`, { method: 'POST', schema: SelfAssessmentSchema }),
    onSuccess: (sheet) => sheetChanged(queryClient, sheet),
  });
}

export const useCompleteSelfAssessment = (id: string) => useSheetAction(id, 'complete');
/**
 * Reopens a completed sheet. A sheet a dossier was filed with stays as filed: the server answers
 * with a new draft (another id, the same answers, notes and evidence), which the page then opens.
 */
export const useReopenSelfAssessment = (id: string) => useSheetAction(id, 'reopen');

/** The reopened sheet is a copy when the one reopened was filed with a dossier. */
export const isCopyOf = (reopened: Pick<SelfAssessment, 'id'>, original: Pick<SelfAssessment, 'id'>) => reopened.id !== original.id;

export function useDeleteSelfAssessment(sheet: Pick<SelfAssessment, 'id' | 'productId'>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest(`/self-assessments/${sheet.id}`, { method: 'DELETE', schema: OkResponse }),
    // The open sheet page navigates away; removing its query here would make it fetch a 404 first.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: productSheetsKey(sheet.productId) }),
  });
}

export function useAddEvidenceLink(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { criterionCode: string; url: string }) =>
      apiRequest(`/self-assessments/${id}/evidence`, { method: 'POST', body, schema: SelfAssessmentSchema }),
    onSuccess: (sheet) => sheetChanged(queryClient, sheet),
  });
}

/** Uploads a file for one criterion, with a progress percentage for the progress bar. */
export function useUploadEvidence(id: string, criterionCode: string) {
  const queryClient = useQueryClient();
  const [progress, setProgress] = useState(0);
  const mutation = useMutation({
    mutationFn: (file: File) => {
      setProgress(0);
      // The server reads criterionCode before the file, so it must come first in the form.
      return apiUpload(`/self-assessments/${id}/evidence`, file, SelfAssessmentSchema, { onProgress: setProgress, fields: { criterionCode } });
    },
    onSuccess: (sheet) => sheetChanged(queryClient, sheet),
  });
  return { ...mutation, progress };
}

export function useDeleteEvidence(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (evidenceId: string) => apiRequest(`/self-assessments/${id}/evidence/${evidenceId}`, { method: 'DELETE', schema: SelfAssessmentSchema }),
    onSuccess: (sheet) => sheetChanged(queryClient, sheet),
  });
}
