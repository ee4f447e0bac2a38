import { Button, Group, Stack, Title } from '@mantine/core';
import { IconFileTypeDocx, IconFileTypeXls } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { isOcopOffice } from '../../../../domain/policies/index.js';
import { PageLoader } from '../../../components/PageLoader.js';
import { QueryView } from '../../../components/QueryView.js';
import { useAppInfo, useCommuneOutlines, useIndicatorCatalogue } from '../../../lib/reference.js';
import { useActor } from '../../../lib/session.js';
import { annualReportUrl, useDashboard } from '../api/dashboard.js';
import { useYearParam } from '../hooks/useYearParam.js';
import { DashboardCharts } from './DashboardCharts.js';
import { IndicatorCards } from './IndicatorCards.js';
import { YearSelect } from './YearSelect.js';

/**
 * The programme's figures for the office and commune officers: indicators against the year's plan,
 * then charts, each of which opens the records behind it. Loaded on its own (ECharts is large).
 */
export default function ProgrammeDashboard() {
  const { t } = useTranslation();
  const actor = useActor();
  // Next year too: its plan's targets are set before it starts.
  const { year, setYear, years } = useYearParam({ ahead: 1 });
  const info = useAppInfo();
  const dashboard = useDashboard(year);
  const catalogue = useIndicatorCatalogue();
  const outlines = useCommuneOutlines(info.data?.provinceCode);
  const isOffice = isOcopOffice(actor);

  return (
    <Stack gap="md" data-testid="programme-dashboard">
      <Group justify="space-between" align="flex-end" gap="sm">
        <Title order={2} fz="h4">
          {t('dashboard.programmeTitle', { year })}
        </Title>
        <Group gap="xs" align="flex-end">
          <YearSelect label={t('dashboard.year')} years={years} year={year} setYear={setYear} />
          {isOffice && (
            <>
              <Button component="a" href={annualReportUrl(year, 'docx')} download variant="light" leftSection={<IconFileTypeDocx size={16} aria-hidden />}>
                {t('dashboard.report.docx')}
              </Button>
              <Button component="a" href={annualReportUrl(year, 'xlsx')} download variant="light" leftSection={<IconFileTypeXls size={16} aria-hidden />}>
                {t('dashboard.report.xlsx')}
              </Button>
            </>
          )}
        </Group>
      </Group>
      <QueryView query={dashboard}>
        {(data) => (
          <>
            <IndicatorCards indicators={data.indicators} catalogue={catalogue.data ?? []} />
            {/* The map waits for the outlines; a failed outline load falls back to the bar chart. */}
            {info.isPending || (info.data && outlines.isPending) ? <PageLoader /> : <DashboardCharts data={data} outlines={outlines.data} />}
          </>
        )}
      </QueryView>
    </Stack>
  );
}
