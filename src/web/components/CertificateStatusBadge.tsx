import { Badge } from '@mantine/core';
import { CERTIFICATE_STATUS_LABELS, type CertificateStatus } from '../../domain/certificates/validity.js';
import { useLabel } from '../lib/i18n/index.js';

export const CERTIFICATE_STATUS_COLOR: Record<CertificateStatus, string> = {
  valid: 'teal',
  due_for_rerating: 'yellow',
  expiring: 'orange',
  extended: 'blue',
  expired: 'gray',
  revoked: 'red',
  superseded: 'dark',
};

/** A certificate's status today, in the domain's own words (shared by the certificate and product pages). */
export function CertificateStatusBadge({ status }: { status: CertificateStatus }) {
  const label = useLabel();
  return (
    <Badge color={CERTIFICATE_STATUS_COLOR[status]} data-testid="certificate-status" data-status={status}>
      {label(CERTIFICATE_STATUS_LABELS[status])}
    </Badge>
  );
}

/** The product's OCOP star with its certificate's status; a dash when it holds none. */
export function OcopStar({ ocop }: { ocop: { star: number; status: CertificateStatus } | null }) {
  if (!ocop) return <span aria-hidden>—</span>;
  return (
    <span style={{ whiteSpace: 'nowrap', display: 'inline-flex', gap: 6, alignItems: 'center' }}>
      <span role="img" aria-label={`${ocop.star} ★`} style={{ color: '#c98a00', letterSpacing: 1 }}>
        {'★'.repeat(ocop.star)}
      </span>
      <CertificateStatusBadge status={ocop.status} />
    </span>
  );
}
