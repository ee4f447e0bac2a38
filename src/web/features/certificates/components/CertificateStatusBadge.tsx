import { Badge } from '@mantine/core';
import type { CertificateStatus } from '../api/certificates.js';
import { CERTIFICATE_STATUS_COLOR, useCertificateLabels } from './labels.js';

export function CertificateStatusBadge({ status }: { status: CertificateStatus }) {
  const labels = useCertificateLabels();
  return (
    <Badge color={CERTIFICATE_STATUS_COLOR[status]} data-testid="certificate-status" data-status={status}>
      {labels.status(status)}
    </Badge>
  );
}
