import { Anchor, Grid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FieldList } from '../../../components/FieldList.js';
import { SectionCard } from '../../../components/SectionCard.js';
import { formatDate } from '../../../lib/format.js';
import { StarBands, type CriteriaSetDetail } from '../../../components/score-sheet/index.js';
import type { SelfAssessment } from '../api/self-assessments.js';
import { SelfAssessmentStatusBadge } from './SelfAssessmentStatusBadge.js';

/** The sheet's header: which product, under which criteria, and the star bands the total falls into. */
export function SheetOverview({ sheet, criteria }: { sheet: SelfAssessment; criteria: CriteriaSetDetail }) {
  const { t } = useTranslation();
  return (
    <SectionCard>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <FieldList
            items={[
              {
                label: t('selfAssessment.fields.product'),
                value: (
                  <Anchor component={Link} to={`/products/${sheet.productId}`}>
                    {sheet.productName}
                  </Anchor>
                ),
              },
              {
                label: t('selfAssessment.fields.ocopCode'),
                value: (
                  <Text span className="ocop-code" fw={600} data-testid="ocop-code">
                    {sheet.ocopCode}
                  </Text>
                ),
              },
              { label: t('selfAssessment.fields.subject'), value: sheet.subjectName },
              {
                label: t('selfAssessment.fields.set'),
                value: (
                  <Anchor component={Link} to={`/criteria/${sheet.versionSlug}/${sheet.setNumber}`}>
                    {sheet.setNumber}. {sheet.setName}
                  </Anchor>
                ),
              },
              {
                label: t('selfAssessment.fields.version'),
                value: (
                  <Stack gap={0}>
                    <Text size="sm">{sheet.legalBasis}</Text>
                    <Text size="xs" c="dimmed">
                      {criteria.version.title}
                    </Text>
                  </Stack>
                ),
              },
              { label: t('selfAssessment.fields.status'), value: <SelfAssessmentStatusBadge status={sheet.status} /> },
              { label: t('selfAssessment.fields.createdAt'), value: formatDate(sheet.createdAt) },
              ...(sheet.completedAt ? [{ label: t('selfAssessment.fields.completedAt'), value: formatDate(sheet.completedAt) }] : []),
            ]}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap={6}>
            <Text size="sm" fw={600}>
              {t('criteria.starBands')}
            </Text>
            <StarBands bands={criteria.version.starBands} current={sheet.progress.bandStar} />
          </Stack>
        </Grid.Col>
      </Grid>
    </SectionCard>
  );
}
