import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  Certificate as CertificateSchema,
  CertificateList,
  Worklist as WorklistSchema,
  type RevokeBody,
  type WorklistSection,
  type ViolationBody,
} from '../../../../contracts/certificates.js';
import type { CertificateStatus, RevocationGround } from '../../../../domain/certificates/validity.js';
import { API_BASE, apiRequest } from '../../../lib/api/client.js';

export type Certificate = z.infer<typeof CertificateSchema>;
export type { WorklistSection };
export type RevokeInput = z.input<typeof RevokeBody>;
export type ViolationInput = z.input<typeof ViolationBody>;
export type Worklist = z.infer<typeof WorklistSchema>;
export type { CertificateStatus, RevocationGround };

export const CERTIFICATE_PAGE_SIZE = 20;

export const certificatePdfUrl = (id: string) => `${API_BASE}/certificates/${id}/pdf`;
/** The label's QR code for printers. */
export const certificateQrUrl = (id: string, format: 'png' | 'svg') => `${API_BASE}/certificates/${id}/qr.${format}`;
/** The revocation decision (DOCX), once the certificate is revoked. */
export const revocationDocxUrl = (id: string) => `${API_BASE}/certificates/${id}/revocation.docx`;
/** The public page printed on labels as a QR code; served by the server, outside the app. */
export const verificationUrl = (certificate: Pick<Certificate, 'verificationPath'>) => `${window.location.origin}${certificate.verificationPath}`;

export function useCertificates(params: { page: number; status: CertificateStatus | null }) {
  return useQuery({
    queryKey: ['certificates', 'list', params],
    queryFn: ({ signal }) => apiRequest('/certificates', { query: { ...params, pageSize: CERTIFICATE_PAGE_SIZE }, schema: CertificateList, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useCertificate(id: string) {
  return useQuery({
    queryKey: ['certificates', 'detail', id],
    queryFn: ({ signal }) => apiRequest(`/certificates/${id}`, { schema: CertificateSchema, signal }),
  });
}

/** The work list: each section's first items, or all of `open`'s; the sections shown stay while another opens. */
export function useWorklist(enabled: boolean, open?: WorklistSection) {
  return useQuery({
    queryKey: ['certificates', 'worklist', open ?? null],
    queryFn: ({ signal }) => apiRequest(`/certificates/worklist${open ? `?open=${open}` : ''}`, { schema: WorklistSchema, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** A changed certificate replaces the cached one; lists and the work list are stale. */
function useCertificateMutation<V>(id: string, request: (variables: V) => Promise<Certificate>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: (certificate) => {
      queryClient.setQueryData(['certificates', 'detail', id], certificate);
      return queryClient.invalidateQueries({ queryKey: ['certificates'] });
    },
  });
}

export const useRevokeCertificate = (id: string) =>
  useCertificateMutation(id, (body: RevokeInput) => apiRequest(`/certificates/${id}/revoke`, { method: 'POST', body, schema: CertificateSchema }));

/** A violation concluded (Art. 8.4): the certificate is then due for revocation within 15 days. */
export const useRecordViolation = (id: string) =>
  useCertificateMutation(id, (body: ViolationInput) => apiRequest(`/certificates/${id}/violations`, { method: 'POST', body, schema: CertificateSchema }));
