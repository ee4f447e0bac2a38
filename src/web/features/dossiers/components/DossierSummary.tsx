import { Anchor, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FieldList } from '../../../components/FieldList.js';
import { SectionCard } from '../../../components/SectionCard.js';
import { Stars } from '../../../components/Stars.js';
import { formatDate, formatPoints, orDash } from '../../../lib/format.js';
import type { Dossier } from '../api/dossiers.js';
import { OverdueBadge } from './DossierStateBadge.js';
import { useDossierLabels } from './labels.js';

function DecidedStar({ dossier }: { dossier: Dossier }) {
  const { t } = useTranslation();
  if (dossier.decidedStar !== null) return <Stars count={dossier.decidedStar} testId="decided-star" />;
  return <>{dossier.state === 'decided' ? t('dossiers.notRecognised') : '—'}</>;
}

/** What the dossier is about and where it stands: product, kind, round, dates, scores. */
export function DossierSummary({ dossier }: { dossier: Dossier }) {
  const { t } = useTranslation();
  const labels = useDossierLabels();
  return (
    <SectionCard title={t('dossiers.sections.summary')}>
      <FieldList
        items={[
          {
            label: t('dossiers.fields.product'),
            value: (
              <Anchor component={Link} to={`/products/${dossier.productId}`}>
                {dossier.productName}
              </Anchor>
            ),
          },
          { label: t('dossiers.fields.ocopCode'), value: <span className="ocop-code">{dossier.ocopCode}</span> },
          { label: t('dossiers.fields.subject'), value: `${dossier.subjectName} · ${dossier.communeName}` },
          { label: t('dossiers.fields.kind'), value: labels.kind(dossier.kind) },
          { label: t('dossiers.fields.round'), value: orDash(dossier.roundName) },
          { label: t('dossiers.fields.criteria'), value: t('dossiers.setOf', { set: dossier.setNumber, legalBasis: dossier.legalBasis }) },
          {
            label: t('dossiers.fields.selfAssessment'),
            value: dossier.selfAssessmentId ? (
              <Anchor component={Link} to={`/self-assessments/${dossier.selfAssessmentId}`}>
                {t('dossiers.openSelfAssessment')}
              </Anchor>
            ) : (
              <Text span c="orange.8" size="sm">
                {t('dossiers.noSelfAssessment')}
              </Text>
            ),
          },
          { label: t('dossiers.fields.samples'), value: dossier.samples > 0 ? t('dossiers.samplesValue', { count: dossier.samples }) : t('dossiers.noSamples') },
          { label: t('dossiers.fields.submittedOn'), value: formatDate(dossier.submittedOn) },
          {
            label: t('dossiers.fields.communeDueOn'),
            value: (
              <Group gap="xs" component="span">
                {formatDate(dossier.communeDueOn)}
                {dossier.communeOverdue && <OverdueBadge />}
              </Group>
            ),
          },
          { label: t('dossiers.fields.councilScore'), value: dossier.councilScore === null ? '—' : t('criteria.points', { points: formatPoints(dossier.councilScore) }) },
          { label: t('dossiers.fields.decidedStar'), value: <DecidedStar dossier={dossier} /> },
        ]}
      />
    </SectionCard>
  );
}

/** Mẫu 01: who files the dossier for the producer. */
export function RegistrationCard({ dossier }: { dossier: Dossier }) {
  const { t } = useTranslation();
  const r = dossier.registration;
  return (
    <SectionCard title={t('dossiers.sections.registration')}>
      <FieldList
        items={[
          { label: t('dossiers.registration.representativeName'), value: r.representativeName },
          { label: t('dossiers.registration.representativePosition'), value: orDash(r.representativePosition) },
          { label: t('dossiers.registration.address'), value: orDash(r.address) },
          { label: t('dossiers.registration.phone'), value: orDash(r.phone) },
          { label: t('dossiers.registration.email'), value: orDash(r.email) },
        ]}
      />
    </SectionCard>
  );
}
