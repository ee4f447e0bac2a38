import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FieldList } from '../../../components/FieldList.js';
import { SectionCard } from '../../../components/SectionCard.js';
import { formatDate } from '../../../lib/format.js';
import type { Dossier } from '../api/dossiers.js';

/** Mẫu 03 as the commune filed it. */
export function CommuneAssessmentCard({ assessment }: { assessment: NonNullable<Dossier['communeAssessment']> }) {
  const { t } = useTranslation();
  return (
    <SectionCard title={t('dossiers.sections.communeAssessment')} data-testid="commune-assessment">
      <FieldList
        items={[
          { label: t('dossiers.assessment.rawMaterialOrigin'), value: assessment.rawMaterialOrigin },
          { label: t('dossiers.assessment.localLabour'), value: assessment.localLabour },
          { label: t('dossiers.assessment.ideaOrigin'), value: assessment.ideaOrigin },
          { label: t('dossiers.assessment.localIdentity'), value: assessment.localIdentity },
          {
            label: t('dossiers.assessment.conclusion'),
            value: <Badge color={assessment.conclusion === 'propose' ? 'teal' : 'red'}>{t(`dossiers.assessment.conclusions.${assessment.conclusion}`)}</Badge>,
          },
          { label: t('dossiers.assessment.assessedOn'), value: formatDate(assessment.assessedOn) },
        ]}
      />
    </SectionCard>
  );
}
