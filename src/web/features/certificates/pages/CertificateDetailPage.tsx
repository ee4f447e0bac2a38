import { Alert, Anchor, Button, Grid, Group, Image, Stack, Text } from '@mantine/core';
import { IconAlertOctagon, IconBan, IconExternalLink, IconFileTypeDocx, IconFileTypePdf, IconQrcode } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isRevocable } from '../../../../domain/certificates/validity.js';
import { canRevokeCertificate, isOcopOffice } from '../../../../domain/policies/index.js';
import { FieldList } from '../../../components/FieldList.js';
import { PageHeader } from '../../../components/PageHeader.js';
import { PageLoader } from '../../../components/PageLoader.js';
import { QueryError } from '../../../components/QueryError.js';
import { SectionCard } from '../../../components/SectionCard.js';
import { Stars } from '../../../components/Stars.js';
import { formatDate, formatPoints, orDash, todayInVietnam } from '../../../lib/format.js';
import { useActor } from '../../../lib/session.js';
import { certificatePdfUrl, certificateQrUrl, revocationDocxUrl, useCertificate, verificationUrl, type Certificate } from '../api/certificates.js';
import { CertificateStatusBadge } from '../../../components/CertificateStatusBadge.js';
import { useCertificateLabels } from '../components/labels.js';
import { RevokeButton } from '../components/RevokeButton.js';
import { ViolationButton } from '../components/ViolationButton.js';

/** A violation concluded and the certificate not yet revoked: due within 15 days of the conclusion (Art. 8.4). */
function ViolationAlert({ violation }: { violation: NonNullable<Certificate['violation']> }) {
  const { t } = useTranslation();
  const labels = useCertificateLabels();
  const overdue = todayInVietnam() > violation.revokeBy;
  return (
    <Alert
      color={overdue ? 'red' : 'orange'}
      icon={<IconAlertOctagon aria-hidden />}
      title={t(overdue ? 'certificates.violation.overdueTitle' : 'certificates.violation.dueTitle', { date: formatDate(violation.revokeBy) })}
      data-testid="violation-alert"
      data-overdue={overdue}
    >
      {t('certificates.violation.summary', {
        date: formatDate(violation.concludedOn),
        reference: violation.reference,
        ground: labels.ground(violation.ground),
      })}
    </Alert>
  );
}

function CertificateView({ certificate }: { certificate: Certificate }) {
  const { t } = useTranslation();
  const labels = useCertificateLabels();
  const actor = useActor();
  const publicUrl = verificationUrl(certificate);
  // Art. 8.1–8.2: a certificate in force, revoked by the recognising authority — the province for 3–4★, the ministry for 5★ (the server's own rules).
  const mayRevoke = isRevocable(certificate.status) && canRevokeCertificate(actor, certificate);
  const revoked = certificate.revokedOn !== null;

  return (
    <>
      <PageHeader
        breadcrumbs={[{ to: '/certificates', label: t('certificates.title') }, { label: certificate.number }]}
        title={t('certificates.detailTitle', { number: certificate.number })}
        description={`${certificate.productName} · ${certificate.subjectName}`}
        actions={
          <>
            <Button component="a" href={certificatePdfUrl(certificate.id)} download leftSection={<IconFileTypePdf size={16} aria-hidden />}>
              {t('certificates.pdf')}
            </Button>
            {(['png', 'svg'] as const).map((format) => (
              <Button
                key={format}
                component="a"
                href={certificateQrUrl(certificate.id, format)}
                download
                variant="default"
                leftSection={<IconQrcode size={16} aria-hidden />}
              >
                {t('certificates.qrDownload', { format: format.toUpperCase() })}
              </Button>
            ))}
            {revoked && isOcopOffice(actor) && (
              <Button
                component="a"
                href={revocationDocxUrl(certificate.id)}
                download
                variant="default"
                leftSection={<IconFileTypeDocx size={16} aria-hidden />}
              >
                {t('certificates.revocationDocx')}
              </Button>
            )}
            {mayRevoke && !certificate.violation && <ViolationButton certificate={certificate} />}
            {mayRevoke && <RevokeButton certificate={certificate} />}
          </>
        }
      />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="md">
            {certificate.revokedOn && (
              <Alert color="red" icon={<IconBan aria-hidden />} title={t('certificates.revokedTitle', { date: formatDate(certificate.revokedOn) })}>
                {t('certificates.revokedText', {
                  ground: labels.ground(certificate.revocationGround ?? ''),
                  decision: orDash(certificate.revocationDecisionNo),
                })}
                {certificate.revocationSigner &&
                  ` ${t('certificates.revokedSigner', { title: certificate.revocationSignerTitle ?? '', name: certificate.revocationSigner })}`}
              </Alert>
            )}
            {certificate.violation && !revoked && <ViolationAlert violation={certificate.violation} />}
            <SectionCard title={t('certificates.sections.certificate')}>
              <FieldList
                items={[
                  { label: t('certificates.fields.status'), value: <CertificateStatusBadge status={certificate.status} /> },
                  { label: t('certificates.fields.star'), value: <Stars count={certificate.star} /> },
                  {
                    label: t('certificates.fields.score'),
                    value: certificate.score === null ? '—' : t('criteria.points', { points: formatPoints(certificate.score) }),
                  },
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
                  {
                    label: t('certificates.fields.decision'),
                    value: certificate.decisionNumber
                      ? t('certificates.decisionValue', { number: certificate.decisionNumber, date: formatDate(certificate.decisionSignedOn) })
                      : '—',
                  },
                  {
                    label: t('certificates.fields.decisionSigner'),
                    value: certificate.decisionSigner ? [certificate.decisionSignerTitle, certificate.decisionSigner].filter(Boolean).join(' ') : '—',
                  },
                  { label: t('certificates.fields.issuedOn'), value: formatDate(certificate.issuedOn) },
                  { label: t('certificates.fields.expiresOn'), value: formatDate(certificate.expiresOn) },
                  {
                    label: t('certificates.fields.reratingWindow'),
                    value: t('certificates.windowValue', {
                      opens: formatDate(certificate.reratingWindow.opens),
                      closes: formatDate(certificate.reratingWindow.closes),
                    }),
                  },
                  ...(certificate.supersededOn ? [{ label: t('certificates.fields.supersededOn'), value: formatDate(certificate.supersededOn) }] : []),
                  { label: t('certificates.fields.revokedBy'), value: t(`certificates.revokedBy.${certificate.revokedBy}`) },
                ]}
              />
            </SectionCard>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <SectionCard title={t('certificates.sections.verification')}>
            <Stack gap="sm">
              <Text size="sm">{t('certificates.verificationText')}</Text>
              <Image
                src={certificateQrUrl(certificate.id, 'svg')}
                alt={t('certificates.qrAlt', { number: certificate.number })}
                w={160}
                h={160}
                data-testid="certificate-qr"
              />
              <Text size="sm" className="ocop-code" style={{ whiteSpace: 'normal', overflowWrap: 'anywhere' }} data-testid="verification-url">
                {publicUrl}
              </Text>
              <Group>
                <Button
                  component="a"
                  href={publicUrl}
                  target="_blank"
                  rel="noopener noreferrer"
                  variant="light"
                  rightSection={<IconExternalLink size={16} aria-hidden />}
                >
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
