import { CERTIFICATE_STATUS_LABELS, CERTIFICATE_STATUSES, REVOCATION_GROUNDS } from '../../../../domain/certificates/validity.js';
import { useLabel } from '../../../lib/i18n/index.js';
import type { CertificateStatus, RevocationGround } from '../api/certificates.js';

export const isCertificateStatus = (value: unknown): value is CertificateStatus => CERTIFICATE_STATUSES.includes(value as CertificateStatus);
export const isRevocationGround = (value: unknown): value is RevocationGround => typeof value === 'string' && Object.hasOwn(REVOCATION_GROUNDS, value);

/** Status names and revocation grounds come from the domain's own bilingual labels. */
export function useCertificateLabels() {
  const label = useLabel();
  const status = (value: CertificateStatus) => label(CERTIFICATE_STATUS_LABELS[value]);
  const ground = (value: string) => (isRevocationGround(value) ? label(REVOCATION_GROUNDS[value]) : value);
  return {
    status,
    ground,
    statusOptions: CERTIFICATE_STATUSES.map((value) => ({ value, label: status(value) })),
    groundOptions: (Object.keys(REVOCATION_GROUNDS) as RevocationGround[]).map((value) => ({ value, label: `${value}) ${ground(value)}` })),
  };
}
