import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { Certificate as CertificateSchema, CertificateList, Worklist, type RevokeBody } from '../../../../contracts/certificates.js';
import type { CertificateStatus, RevocationGround } from '../../../../domain/certificates/validity.js';
import { API_BASE, apiRequest } from '../../../lib/api/client.js';

export type Certificate = z.infer<typeof CertificateSchema>;
export type RevokeInput = z.input<typeof RevokeBody>;
export type { CertificateStatus, RevocationGround };

export const CERTIFICATE_PAGE_SIZE = 20;

export const certificatePdfUrl = (id: string) => `${API_BASE}/certificates/${id}/pdf`;
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
  return useQuery({ queryKey: ['certificates', 'detail', id], queryFn: ({ signal }) => apiRequest(`/certificates/${id}`, { schema: CertificateSchema, signal }) });
}

export function useWorklist(enabled: boolean) {
  return useQuery({ queryKey: ['certificates', 'worklist'], queryFn: ({ signal }) => apiRequest('/certificates/worklist', { schema: Worklist, signal }), enabled });
}

export function useRevokeCertificate(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RevokeInput) => apiRequest(`/certificates/${id}/revoke`, { method: 'POST', body, schema: CertificateSchema }),
    onSuccess: (certificate) => {
      queryClient.setQueryData(['certificates', 'detail', id], certificate);
      return queryClient.invalidateQueries({ queryKey: ['certificates'] });
    },
  });
}
