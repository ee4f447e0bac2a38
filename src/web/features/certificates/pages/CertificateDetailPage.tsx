import { Alert, Anchor, Button, Grid, Group, Stack, Text } from '@mantine/core';
import { IconBan, IconExternalLink, IconFileTypePdf } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { FieldList } from '../../../components/FieldList.js';
import { PageHeader } from '../../../components/PageHeader.js';
import { PageLoader } from '../../../components/PageLoader.js';
import { QueryError } from '../../../components/QueryError.js';
import { SectionCard } from '../../../components/SectionCard.js';
import { Stars } from '../../../components/Stars.js';
import { formatDate, formatPoints, orDash } from '../../../lib/format.js';
import { useCurrentUser } from '../../../lib/session.js';
import { certificatePdfUrl, useCertificate, verificationUrl, type Certificate } from '../api/certificates.js';
import { CertificateStatusBadge } from '../components/CertificateStatusBadge.js';
import { useCertificateLabels } from '../components/labels.js';
import { RevokeButton } from '../components/RevokeButton.js';

const REVOCABLE: readonly Certificate['status'][] = ['valid', 'due_for_rerating', 'expiring', 'extended'];

function CertificateView({ certificate }: { certificate: Certificate }) {
  const { t } = useTranslation();
  const labels = useCertificateLabels();
  const user = useCurrentUser();
  const publicUrl = verificationUrl(certificate);
  // 5★ certificates are the ministry's to revoke (Art. 8.2).
  const mayRevoke = user.role === 'admin' && REVOCABLE.includes(certificate.status) && (certificate.level === 'province' || user.provinceCode === null);

  return (
    <>
      <PageHeader
        back={{ to: '/certificates', label: t('certificates.title') }}
        title={t('certificates.detailTitle', { number: certificate.number })}
        description={`${certificate.productName} · ${certificate.subjectName}`}
        actions={
          <>
            <Button component="a" href={certificatePdfUrl(certificate.id)} download leftSection={<IconFileTypePdf size={16} aria-hidden />}>
              {t('certificates.pdf')}
            </Button>
            {mayRevoke && <RevokeButton certificate={certificate} />}
          </>
        }
      />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="md">
            {certificate.revokedOn && (
              <Alert color="red" icon={<IconBan aria-hidden />} title={t('certificates.revokedTitle', { date: formatDate(certificate.revokedOn) })}>
                {t('certificates.revokedText', { ground: labels.ground(certificate.revocationGround ?? ''), decision: orDash(certificate.revocationDecisionNo) })}
              </Alert>
            )}
            <SectionCard title={t('certificates.sections.certificate')}>
              <FieldList
                items={[
                  { label: t('certificates.fields.status'), value: <CertificateStatusBadge status={certificate.status} /> },
                  { label: t('certificates.fields.star'), value: <Stars count={certificate.star} /> },
                  { label: t('certificates.fields.score'), value: certificate.score === null ? '—' : t('criteria.points', { points: formatPoints(certificate.score) }) },
                  {
                    label: t('certificates.fields.product'),
                    value: (
                      <Anchor component={Link} to={`/products/${certificate.productId}`}>
                        {certificate.productName}
                      </Anchor>
                    ),
                  },
                  { label: t('certificates.fields.ocopCode'), value: <span className="ocop-code">{certificate.ocopCode}</span> },
                  { label: t('certificates.fields.subject'), value: `${certificate.subjectName} · ${certificate.communeName}` },
                  { label: t('certificates.fields.level'), value: t(`certificates.levels.${certificate.level}`) },
                  { label: t('certificates.fields.decision'), value: certificate.decisionNumber ? t('certificates.decisionValue', { number: certificate.decisionNumber, date: formatDate(certificate.decisionSignedOn) }) : '—' },
                  { label: t('certificates.fields.issuedOn'), value: formatDate(certificate.issuedOn) },
                  { label: t('certificates.fields.expiresOn'), value: formatDate(certificate.expiresOn) },
                  { label: t('certificates.fields.reratingWindow'), value: t('certificates.windowValue', { opens: formatDate(certificate.reratingWindow.opens), closes: formatDate(certificate.reratingWindow.closes) }) },
                  ...(certificate.supersededOn ? [{ label: t('certificates.fields.supersededOn'), value: formatDate(certificate.supersededOn) }] : []),
                ]}
              />
            </SectionCard>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <SectionCard title={t('certificates.sections.verification')}>
            <Stack gap="sm">
              <Text size="sm">{t('certificates.verificationText')}</Text>
              <Text size="sm" className="ocop-code" style={{ overflowWrap: 'anywhere' }} data-testid="verification-url">
                {publicUrl}
              </Text>
              <Group>
                <Button component="a" href={publicUrl} target="_blank" rel="noopener noreferrer" variant="light" rightSection={<IconExternalLink size={16} aria-hidden />}>
                  {t('certificates.openVerification')}
                </Button>
              </Group>
            </Stack>
          </SectionCard>
        </Grid.Col>
      </Grid>
    </>
  );
}

export function CertificateDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const certificate = useCertificate(id);
  if (certificate.isPending) return <PageLoader />;
  if (certificate.isError)
    return (
      <>
        <PageHeader title={t('certificates.title')} back={{ to: '/certificates', label: t('certificates.title') }} />
        <QueryError error={certificate.error} onRetry={() => void certificate.refetch()} />
      </>
    );
  return <CertificateView certificate={certificate.data} />;
}
