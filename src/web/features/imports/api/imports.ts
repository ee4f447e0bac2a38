import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { z } from 'zod';
import { ImportJob as ImportJobSchema, type IMPORT_SHEETS, type IMPORT_STATUSES } from '../../../../contracts/imports.js';
import { API_BASE, apiRequest, apiUploadFiles } from '../../../lib/api/client.js';

export type ImportJob = z.infer<typeof ImportJobSchema>;
export type ImportSheet = (typeof IMPORT_SHEETS)[number];
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

export const importTemplateUrl = `${API_BASE}/imports/template`;
/** The `index`-th uploaded workbook of a job, with its problems marked. */
export const importProblemsFileUrl = (id: string, index: number) => `${API_BASE}/imports/${id}/problems.xlsx?file=${index}`;

/** The server is still reading or writing: keep asking until it settles. */
export const isRunning = (status: ImportStatus) => status === 'validating' || status === 'committing';
const POLL_MS = 1000;

export function useImports() {
  return useQuery({ queryKey: ['imports', 'list'], queryFn: ({ signal }) => apiRequest('/imports', { schema: z.array(ImportJobSchema), signal }) });
}

export function useImportJob(id: string | null) {
  return useQuery({
    queryKey: ['imports', 'job', id],
    queryFn: ({ signal }) => apiRequest(`/imports/${id}`, { schema: ImportJobSchema, signal }),
    enabled: Boolean(id),
    refetchInterval: (query) => (query.state.data && isRunning(query.state.data.status) ? POLL_MS : false),
  });
}

/** Sends the files for checking, with the upload's progress for the progress bar. */
export function useUploadImport() {
  const queryClient = useQueryClient();
  const [progress, setProgress] = useState(0);
  const mutation = useMutation({
    mutationFn: ({ files, sheet }: { files: readonly File[]; sheet: ImportSheet | null }) => {
      setProgress(0);
      return apiUploadFiles('/imports', files, ImportJobSchema, { onProgress: setProgress, query: { sheet } });
    },
    onSuccess: (job) => {
      queryClient.setQueryData(['imports', 'job', job.id], job);
      return queryClient.invalidateQueries({ queryKey: ['imports', 'list'] });
    },
  });
  return { ...mutation, progress };
}

export function useCommitImport(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest(`/imports/${id}/commit`, { method: 'POST', schema: ImportJobSchema }),
    onSuccess: (job) => {
      queryClient.setQueryData(['imports', 'job', id], job);
      return queryClient.invalidateQueries({ queryKey: ['imports', 'list'] });
    },
  });
}

/** After a commit every list, count and figure may have changed: registry, market and programme records alike. */
export function useAfterCommit() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries();
}
