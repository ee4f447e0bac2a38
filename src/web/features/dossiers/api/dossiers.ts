import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { SessionSummary } from '../../../../contracts/councils.js';
import { Subject as SubjectSchema } from '../../../../contracts/registry.js';
import {
  Dossier as DossierSchema,
  DossierEvent as DossierEventSchema,
  DossierFiling as DossierFilingSchema,
  DossierList,
  Checklist as ChecklistSchema,
  Round as RoundSchema,
  type CommuneAssessmentInput,
  type DossierCreateBody,
  type ForwardingInput,
} from '../../../../contracts/evaluation.js';
import type { DossierAction, DossierKind, DossierState } from '../../../../domain/evaluation/dossier-workflow.js';
import { API_BASE, apiRequest, isApiError } from '../../../lib/api/client.js';

export type Dossier = z.infer<typeof DossierSchema>;
export type DossierEvent = z.infer<typeof DossierEventSchema>;
export type DossierFiling = z.infer<typeof DossierFilingSchema>;
export type Checklist = z.infer<typeof ChecklistSchema>;
export type Round = z.infer<typeof RoundSchema>;
export type DossierCreateInput = z.input<typeof DossierCreateBody>;
export type CommuneAssessment = z.output<typeof CommuneAssessmentInput>;
export type Forwarding = z.output<typeof ForwardingInput>;
export type { DossierAction, DossierKind, DossierState };

/** The procedure's forms the server fills from the records (DOCX). */
export type DossierForm = 'mau-01' | 'mau-02' | 'mau-03' | 'de-nghi-cua-xa' | 'van-ban-gui-bo';
export const dossierFormUrl = (id: string, form: DossierForm) => `${API_BASE}/dossiers/${id}/forms/${form}`;
/** The ZIP the province sends the ministry for 5★ (Art. 6.3a). */
export const ministryPackageUrl = (id: string) => `${API_BASE}/dossiers/${id}/ministry-package`;

export const DOSSIER_PAGE_SIZE = 20;

export type DossierListParams = {
  page: number;
  /** The product's or the producer's name (accents ignored), or the OCOP code. */
  q?: string | null;
  pageSize?: number;
  state: DossierState | null;
  kind: DossierKind | null;
  roundId: string | null;
  productId?: string | null;
};

export const dossierKey = (id: string) => ['dossiers', 'detail', id] as const;
const eventsKey = (id: string) => ['dossiers', 'events', id] as const;
const filingKey = (id: string) => ['dossiers', 'filing', id] as const;

export function useDossiers(params: DossierListParams, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: ['dossiers', 'list', params],
    queryFn: ({ signal }) => apiRequest('/dossiers', { query: { pageSize: DOSSIER_PAGE_SIZE, ...params }, schema: DossierList, signal }),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
}

export function useDossier(id: string) {
  return useQuery({ queryKey: dossierKey(id), queryFn: ({ signal }) => apiRequest(`/dossiers/${id}`, { schema: DossierSchema, signal }) });
}

export function useDossierEvents(id: string) {
  return useQuery({ queryKey: eventsKey(id), queryFn: ({ signal }) => apiRequest(`/dossiers/${id}/events`, { schema: z.array(DossierEventSchema), signal }) });
}

/**
 * What the dossier was filed with (Mẫu 01, the product and producer, the Mẫu 02 sheet and its
 * evidence), as the commune, the province and the council judge it; none before the first filing.
 */
export function useDossierFiling(id: string, enabled = true) {
  return useQuery({
    queryKey: filingKey(id),
    queryFn: async ({ signal }) => {
      try {
        return await apiRequest(`/dossiers/${id}/filing`, { schema: DossierFilingSchema, signal });
      } catch (error) {
        // A draft has not been filed yet: nothing to show, not an error.
        if (isApiError(error) && error.status === 404) return null;
        throw error;
      }
    },
    enabled,
  });
}
/** A moved dossier: its detail, history, filing and papers, every list, and the user's notifications are stale. */
export function dossierChanged(queryClient: QueryClient, dossier: Dossier) {
  queryClient.setQueryData(dossierKey(dossier.id), dossier);
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: eventsKey(dossier.id) }),
    queryClient.invalidateQueries({ queryKey: filingKey(dossier.id) }),
    queryClient.invalidateQueries({ queryKey: ['dossiers', 'checklist', dossier.id] }),
    queryClient.invalidateQueries({ queryKey: ['dossiers', 'list'] }),
    queryClient.invalidateQueries({ queryKey: ['notifications'] }),
  ]);
}

export function useCreateDossier() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: DossierCreateInput) => apiRequest('/dossiers', { method: 'POST', body, schema: DossierSchema }),
    onSuccess: (dossier) => dossierChanged(queryClient, dossier),
  });
}

/**
 * What a step sends besides its name and the version the user saw. Scores, stars and rounds are
 * never sent: the council's locked sheets, the decisions and the dates give them.
 */
export type StepExtras = { comment?: string; assessment?: CommuneAssessment; selfAssessmentId?: string; forwarding?: Forwarding; samplesReceived?: number };

/** 409 stale_dossier: someone else moved the dossier since it was shown. */
export const isStaleDossier = (error: unknown) => isApiError(error) && error.status === 409 && error.code === 'stale_dossier';

/**
 * Takes one step with the version on screen. When someone else moved the dossier first, the page
 * fetches its new state (the caller tells the user).
 */
export function useTransition(dossier: Dossier) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ action, ...extras }: StepExtras & { action: DossierAction }) =>
      apiRequest(`/dossiers/${dossier.id}/transitions`, {
        method: 'POST',
        body: { action, expectedVersion: dossier.version, ...extras },
        schema: DossierSchema,
      }),
    onSuccess: (next) => dossierChanged(queryClient, next),
    onError: (error) => {
      if (isStaleDossier(error))
        return Promise.all([
          queryClient.invalidateQueries({ queryKey: dossierKey(dossier.id) }),
          queryClient.invalidateQueries({ queryKey: eventsKey(dossier.id) }),
        ]);
      return undefined;
    },
  });
}

/** Council sittings the dossier is on (the office opens them from the dossier). */
export function useDossierSessions(dossierId: string) {
  return useQuery({
    queryKey: ['council-sessions', 'list', { dossierId }],
    queryFn: ({ signal }) => apiRequest('/council-sessions', { query: { dossierId }, schema: z.array(SessionSummary), signal }),
  });
}

export function useRounds() {
  return useQuery({ queryKey: ['rounds'], queryFn: ({ signal }) => apiRequest('/rounds', { schema: z.array(RoundSchema), signal }), staleTime: 5 * 60_000 });
}

/** The producer's record, to fill Mẫu 01's representative and contact from it. */
export function useSubjectForRegistration(subjectId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['subjects', 'detail', subjectId],
    queryFn: ({ signal }) => apiRequest(`/subjects/${subjectId}`, { schema: SubjectSchema, signal }),
    enabled,
    staleTime: 60_000,
  });
}

/**
 * The papers the dossier needs (by set and kind), what is on file and valid today, and what is
 * missing — the disqualifying ones apart (a dossier received without them is disqualified).
 */
export function useChecklist(dossierId: string) {
  return useQuery({
    queryKey: ['dossiers', 'checklist', dossierId],
    queryFn: ({ signal }) => apiRequest(`/dossiers/${dossierId}/checklist`, { schema: ChecklistSchema, signal }),
  });
}
