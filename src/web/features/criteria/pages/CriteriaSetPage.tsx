import { Alert, Button, Grid, List, Stack, Text } from '@mantine/core';
import { IconAlertOctagon, IconPrinter } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { FieldList } from '../../../components/FieldList.js';
import { PageHeader } from '../../../components/PageHeader.js';
import { PageLoader } from '../../../components/PageLoader.js';
import { QueryError } from '../../../components/QueryError.js';
import { SectionCard } from '../../../components/SectionCard.js';
import { formatDate, formatPoints } from '../../../lib/format.js';
import { useCriteriaSet } from '../api/criteria.js';
import { CriteriaOutline, leadMinistryText, sectorText, StarBands, type CriteriaSetDetail } from '../../../components/score-sheet/index.js';
import { useLanguage } from '../../../lib/i18n/index.js';
import { CriterionSheetCard } from '../components/CriterionSheetCard.js';
import { productGroupOf } from '../components/product-group.js';

function SetInformation({ detail }: { detail: CriteriaSetDetail }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { version, set } = detail;
  const group = productGroupOf(set);
  const sector = sectorText(set, lang);
  return (
    <SectionCard title={t('criteria.sheet.general')} h="100%">
      <FieldList
        items={[
          { label: t('criteria.sheet.legalBasis'), value: version.legalBasis },
          { label: t('criteria.sheet.effectiveFrom'), value: formatDate(version.effectiveFrom) },
          { label: t('criteria.sheet.sector'), value: group ? `${sector} · ${group}` : sector },
          { label: t('criteria.sheet.leadMinistry'), value: leadMinistryText(set, lang) },
          {
            label: t('criteria.sheet.partMaxima'),
            value: t('criteria.partMaxima', {
              A: formatPoints(version.partMaxima.A),
              B: formatPoints(version.partMaxima.B),
              C: formatPoints(version.partMaxima.C),
            }),
          },
        ]}
      />
    </SectionCard>
  );
}

function Disqualifiers({ reasons }: { reasons: readonly string[] }) {
  const { t } = useTranslation();
  if (reasons.length === 0) return null;
  return (
    <Alert color="red" variant="light" icon={<IconAlertOctagon aria-hidden />} title={t('criteria.sheet.disqualifiers')}>
      <List size="sm" spacing={4}>
        {reasons.map((reason, i) => (
          <List.Item key={i}>{reason}</List.Item>
        ))}
      </List>
    </Alert>
  );
}

/** The readable (and printable) sheet of one criteria set. */
export function CriteriaSetPage() {
  const { version = '', set = '' } = useParams();
  const { t } = useTranslation();
  const detail = useCriteriaSet(version, set);
  const back = { to: '/criteria', label: t('criteria.title') };

  if (detail.isPending) return <PageLoader />;
  if (detail.isError)
    return (
      <>
        <PageHeader title={t('criteria.title')} back={back} />
        <QueryError error={detail.error} onRetry={() => void detail.refetch()} />
      </>
    );

  const { data } = detail;
  return (
    <>
      <PageHeader
        back={back}
        title={`${data.set.number}. ${data.set.name}`}
        description={data.version.title}
        actions={
          <Button variant="default" leftSection={<IconPrinter size={16} aria-hidden />} onClick={() => window.print()} className="print-hidden">
            {t('criteria.sheet.print')}
          </Button>
        }
      />
      <Stack gap="lg">
        <Grid gap="md">
          <Grid.Col span={{ base: 12, md: 7 }}>
            <SetInformation detail={data} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 5 }}>
            <SectionCard title={t('criteria.starBands')} h="100%">
              <Stack gap="sm">
                <StarBands bands={data.version.starBands} />
                <Text size="xs" c="dimmed">
                  {t('criteria.sheet.minStarLegend')}
                </Text>
              </Stack>
            </SectionCard>
          </Grid.Col>
        </Grid>
        <Disqualifiers reasons={data.set.disqualifiers} />
        <CriteriaOutline parts={data.set.parts} renderCriterion={(criterion, order) => <CriterionSheetCard criterion={criterion} order={order} />} />
      </Stack>
    </>
  );
}
