import { Group, Stack, Table, Text } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { FUNNEL_STAGES } from '../../../../domain/programme/index.js';
import { ActivityCommuneSelect } from '../../../components/ActivityCommuneSelect.js';
import { PageHeader } from '../../../components/PageHeader.js';
import { PageLoader } from '../../../components/PageLoader.js';
import { QueryView } from '../../../components/QueryView.js';
import { SectionCard } from '../../../components/SectionCard.js';
import { formatNumber, formatPoints } from '../../../lib/format.js';
import { useIsPhone } from '../../../lib/responsive.js';
import { useFunnel, type Funnel } from '../api/funnel.js';
import { funnelRows, percentOf, type FunnelRow } from '../components/figures.js';
import { useProgrammeLabels } from '../components/labels.js';
import { YearSelect } from '../components/YearSelect.js';
import { parseYear } from '../components/years.js';

/** ECharts comes in its own chunk, with the chart. */
const FunnelChart = lazy(() => import('../components/FunnelChart.js'));

const rate = (percent: number | null) => (percent === null ? '—' : `${formatPoints(percent)}%`);

/** The stages as a table: the chart's figures for screen readers and for reading exactly. */
function StageTable({ rows }: { rows: readonly FunnelRow[] }) {
  const { t } = useTranslation();
  const labels = useProgrammeLabels();
  const isPhone = useIsPhone();
  if (isPhone)
    return (
      <Stack gap="xs" component="ol" m={0} p={0} style={{ listStyle: 'none' }} data-testid="funnel-stages">
        {rows.map((row) => (
          <Stack key={row.stage} component="li" gap={0} pb="xs" style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}>
            <Group justify="space-between" wrap="nowrap" gap="xs">
              <Text size="sm">{labels.funnelStage(row.stage)}</Text>
              <Text fw={700}>{formatNumber(row.count)}</Text>
            </Group>
            {row.stage !== 'ideas' && (
              <Text size="xs" c="dimmed">
                {t('programme.funnel.ratesValue', { ofIdeas: rate(row.ofIdeas), ofPrevious: rate(row.ofPrevious) })}
              </Text>
            )}
          </Stack>
        ))}
      </Stack>
    );
  return (
    <Table.ScrollContainer minWidth={480}>
      <Table data-testid="funnel-stages">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('programme.funnel.stage')}</Table.Th>
            <Table.Th ta="right">{t('programme.funnel.count')}</Table.Th>
            <Table.Th ta="right">{t('programme.funnel.ofIdeas')}</Table.Th>
            <Table.Th ta="right">{t('programme.funnel.ofPrevious')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.stage}>
              <Table.Td>{labels.funnelStage(row.stage)}</Table.Td>
              <Table.Td ta="right" fw={600}>
                {formatNumber(row.count)}
              </Table.Td>
              <Table.Td ta="right">{rate(row.ofIdeas)}</Table.Td>
              <Table.Td ta="right">{rate(row.ofPrevious)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Each commune's counts, with the share of its ideas that ended in a recognised product. */
function CommuneTable({ communes }: { communes: Funnel['communes'] }) {
  const { t } = useTranslation();
  const labels = useProgrammeLabels();
  const isPhone = useIsPhone();
  const sorted = [...communes].sort((a, b) => b.ideas - a.ideas || a.communeName.localeCompare(b.communeName, 'vi'));
  // A phone has no room for six columns: each commune's counts read along the stages, in their order above.
  if (isPhone)
    return (
      <Stack gap="xs">
        <Text size="xs" c="dimmed">
          {FUNNEL_STAGES.map((stage) => labels.funnelStage(stage)).join(' → ')}
        </Text>
        <Stack gap="xs" component="ul" m={0} p={0} style={{ listStyle: 'none' }} data-testid="funnel-communes">
          {sorted.map((row) => (
            <Group
              key={row.communeCode}
              component="li"
              justify="space-between"
              wrap="nowrap"
              gap="xs"
              pb={4}
              style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}
            >
              <Text size="sm" fw={500}>
                {row.communeName}
              </Text>
              <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                {FUNNEL_STAGES.map((stage) => formatNumber(row[stage])).join(' → ')}
              </Text>
            </Group>
          ))}
        </Stack>
      </Stack>
    );
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table data-testid="funnel-communes" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('select.commune')}</Table.Th>
            {FUNNEL_STAGES.map((stage) => (
              <Table.Th key={stage} ta="right" maw={130}>
                {labels.funnelStage(stage)}
              </Table.Th>
            ))}
            <Table.Th ta="right">{t('programme.funnel.recognisedRate')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sorted.map((row) => (
            <Table.Tr key={row.communeCode}>
              <Table.Td>{row.communeName}</Table.Td>
              {FUNNEL_STAGES.map((stage) => (
                <Table.Td key={stage} ta="right">
                  {formatNumber(row[stage])}
                </Table.Td>
              ))}
              <Table.Td ta="right">{rate(percentOf(row.recognised, row.ideas))}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/**
 * The year's funnel of the cycle: of the ideas the communes received, how many were accepted, got a
 * business plan, and became a product evaluated and then recognised. The server counts within the
 * reader's communes (all of the province for the office, their own for a commune officer), and the
 * commune filter offers the same.
 */
export function FunnelPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const now = new Date().getFullYear();
  const year = parseYear(params.get('year'), now) ?? now;
  const communeCode = params.get('communeCode');
  const funnel = useFunnel(year, communeCode);

  const update = (key: 'year' | 'communeCode', value: string | null) =>
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        if (value === null || (key === 'year' && value === String(now))) next.delete(key);
        else next.set(key, value);
        return next;
      },
      { replace: true },
    );

  return (
    <>
      <PageHeader
        title={t('programme.funnel.title', { year })}
        description={t('programme.funnel.intro')}
        actions={
          <Group gap="xs" align="flex-end">
            <YearSelect value={year} onChange={(value) => update('year', value === null ? null : String(value))} allowDeselect={false} w={110} />
            <ActivityCommuneSelect
              label={t('select.commune')}
              value={communeCode}
              onChange={(value) => update('communeCode', value)}
              placeholder={t('common.all')}
              clearable
              w={220}
            />
          </Group>
        }
      />
      <QueryView query={funnel}>
        {(data) => {
          const rows = funnelRows(data.total);
          return (
            <Stack>
              <SectionCard title={t('programme.funnel.stages')}>
                {data.total.ideas === 0 ? (
                  <Text size="sm" c="dimmed">
                    {t('programme.funnel.noIdeas', { year })}
                  </Text>
                ) : (
                  <Stack>
                    <Suspense fallback={<PageLoader />}>
                      <FunnelChart rows={rows} label={t('programme.funnel.chartLabel', { year })} />
                    </Suspense>
                    <StageTable rows={rows} />
                  </Stack>
                )}
              </SectionCard>
              {data.communes.length > 0 && (
                <SectionCard title={t('programme.funnel.byCommune')}>
                  <CommuneTable communes={data.communes} />
                </SectionCard>
              )}
            </Stack>
          );
        }}
      </QueryView>
    </>
  );
}
