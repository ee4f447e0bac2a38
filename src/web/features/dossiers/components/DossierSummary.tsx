import { Anchor, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FieldList, type FieldListItem } from '../../../components/FieldList.js';
import { DeadlineCell, OverdueCell } from './DossierDeadline.js';
import { SectionCard } from '../../../components/SectionCard.js';
import { Stars } from '../../../components/Stars.js';
import { formatDate, formatPoints, orDash } from '../../../lib/format.js';
import type { Dossier } from '../api/dossiers.js';
import { OverdueBadge } from './DossierStateBadge.js';
import { useDossierLabels } from './labels.js';

function DecidedStar({ dossier }: { dossier: Dossier }) {
  const { t } = useTranslation();
  if (dossier.decidedStar !== null) return <Stars count={dossier.decidedStar} testId="decided-star" />;
  return <>{dossier.state === 'decided' || dossier.state === 'ministry_decided' ? t('dossiers.notRecognised') : '—'}</>;
}

/** A council's result: its mean ("77,5 điểm") and the star its sheets earned after the minimum-star gates. */
function CouncilResult({ score, star, testId }: { score: number | null; star: number | null; testId: string }) {
  const { t } = useTranslation();
  if (score === null) return <>—</>;
  return (
    <Group gap="xs" component="span" data-testid={testId}>
      {t('criteria.points', { points: formatPoints(score) })}
      {star !== null && star > 0 && <Stars count={star} size={14} />}
    </Group>
  );
}

/** What the dossier is about and where it stands: product, kind, round, dates, results. */
export function DossierSummary({ dossier }: { dossier: Dossier }) {
  const { t } = useTranslation();
  const labels = useDossierLabels();
  const f = dossier.forwarding;
  const items: FieldListItem[] = [
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
  ];
  // Before filing, the sheet to be filed; after, "Hồ sơ đã nộp" shows the sheet as filed.
  if (!dossier.filedOn)
    items.push({
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
    });
  items.push(
    { label: t('dossiers.fields.samples'), value: dossier.samples > 0 ? t('dossiers.samplesValue', { count: dossier.samples }) : t('dossiers.noSamples') },
    { label: t('dossiers.fields.submittedOn'), value: formatDate(dossier.submittedOn) },
  );
  if (dossier.filedOn && dossier.filedOn !== dossier.submittedOn) items.push({ label: t('dossiers.fields.filedOn'), value: formatDate(dossier.filedOn) });
  items.push(
    {
      label: t('dossiers.fields.communeDueOn'),
      value: (
        <Group gap="xs" component="span">
          {formatDate(dossier.communeDueOn)}
          {dossier.communeOverdue && <OverdueBadge />}
        </Group>
      ),
    },
    { label: t('dossiers.fields.councilScore'), value: <CouncilResult score={dossier.councilScore} star={dossier.councilStar} testId="council-score" /> },
  );
  // The deadline the dossier's current stage runs against (the commune's, a re-rating's or the round's).
  if (dossier.deadline)
    items.push({
      label: t('dossierWork.list.deadline'),
      value: (
        <Group gap="xs" component="span" data-testid="stage-deadline">
          <DeadlineCell deadline={dossier.deadline} />
          <OverdueCell deadline={dossier.deadline} />
        </Group>
      ),
    });
  if (dossier.centralScore !== null)
    items.push({
      label: t('dossiers.fields.centralScore'),
      value: <CouncilResult score={dossier.centralScore} star={dossier.centralStar} testId="central-score" />,
    });
  if (f) {
    items.push({
      label: t('dossiers.forwarding.letter'),
      value: `${t('dossiers.forwarding.letterValue', { number: f.letterNumber, date: formatDate(f.letterDate) })}\n${f.signerTitle} ${f.signer}`,
    });
    items.push({
      label: t('dossiers.forwarding.samples'),
      value:
        f.samplesReceived !== undefined
          ? t('dossiers.forwarding.samplesReceivedValue', { sent: f.samplesSent, received: f.samplesReceived, date: formatDate(f.receivedOn) })
          : t('dossiers.forwarding.samplesValue', { sent: f.samplesSent }),
    });
    if (f.extraTests) items.push({ label: t('dossiers.forwarding.extraTests'), value: f.extraTests });
  }
  items.push({ label: t('dossiers.fields.decidedStar'), value: <DecidedStar dossier={dossier} /> });

  return (
    <SectionCard title={t('dossiers.sections.summary')}>
      <FieldList items={items} />
    </SectionCard>
  );
}

/** Mẫu 01: who files the dossier for the producer (as filed, once the dossier is filed). */
export function RegistrationCard({ registration: r }: { registration: Dossier['registration'] }) {
  const { t } = useTranslation();
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
