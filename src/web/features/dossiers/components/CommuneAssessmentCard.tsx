import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FieldList, type FieldListItem } from '../../../components/FieldList.js';
import { SectionCard } from '../../../components/SectionCard.js';
import { formatDate } from '../../../lib/format.js';
import type { Dossier } from '../api/dossiers.js';

/** Mẫu 03 as the commune filed it, with its numbers and who signed it. */
export function CommuneAssessmentCard({ assessment }: { assessment: NonNullable<Dossier['communeAssessment']> }) {
  const { t } = useTranslation();
  const numbers = [assessment.reportNumber, assessment.letterNumber].filter(Boolean).join(' · ');
  const items: FieldListItem[] = [
    { label: t('dossiers.assessment.rawMaterialOrigin'), value: assessment.rawMaterialOrigin },
    { label: t('dossiers.assessment.localLabour'), value: assessment.localLabour },
    { label: t('dossiers.assessment.ideaOrigin'), value: assessment.ideaOrigin },
    { label: t('dossiers.assessment.localIdentity'), value: assessment.localIdentity },
    {
      label: t('dossiers.assessment.conclusion'),
      value: <Badge color={assessment.conclusion === 'propose' ? 'teal' : 'red'}>{t(`dossiers.assessment.conclusions.${assessment.conclusion}`)}</Badge>,
    },
    { label: t('dossiers.assessment.assessedOn'), value: formatDate(assessment.assessedOn) },
  ];
  if (numbers) items.push({ label: t('dossiers.assessment.numbers'), value: numbers });
  if (assessment.signer) items.push({ label: t('dossiers.assessment.signer'), value: [assessment.signerTitle, assessment.signer].filter(Boolean).join(' ') });
  return (
    <SectionCard title={t('dossiers.sections.communeAssessment')} data-testid="commune-assessment">
      <FieldList items={items} />
    </SectionCard>
  );
}
