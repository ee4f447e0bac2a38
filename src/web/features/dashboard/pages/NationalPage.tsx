import { Card, Group, SimpleGrid, Stack, Table, Text, UnstyledButton } from '@mantine/core';
import { IconArrowsSort, IconSortAscending, IconSortDescending } from '@tabler/icons-react';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/PageHeader.js';
import { PageLoader } from '../../../components/PageLoader.js';
import { QueryView } from '../../../components/QueryView.js';
import { SectionCard } from '../../../components/SectionCard.js';
import { formatDate, formatNumber, todayInVietnam } from '../../../lib/format.js';
import { useLanguage } from '../../../lib/i18n/index.js';
import { useNationalFigures, type NationalFigures, type NationalProvince } from '../api/national.js';
import { YearSelect } from '../components/YearSelect.js';
import { useYearParam } from '../hooks/useYearParam.js';

/** The chart, with ECharts, in its own chunk. */
const NationalChart = lazy(() => import('../components/NationalChart.js'));

type Column = { key: string; label: string; value: (p: NationalProvince) => number };

function Stat({ label, value, hint, testId }: { label: string; value: number; hint?: string; testId: string }) {
  return (
    <Card withBorder padding="md" radius="md">
      <Text size="sm" c="dimmed" fw={500}>
        {label}
      </Text>
      <Text fz={28} fw={700} lh={1.2} data-testid={testId}>
        {formatNumber(value)}
      </Text>
      {hint && (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      )}
    </Card>
  );
}

function Totals({ data }: { data: NationalFigures }) {
  const { t } = useTranslation();
  const { totals: x, year } = data;
  const stars = (s: { '3': number; '4': number; '5': number }) =>
    t('national.totals.byStar', { s3: formatNumber(s['3']), s4: formatNumber(s['4']), s5: formatNumber(s['5']) });
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, lg: 4 }} spacing="sm">
      <Stat label={t('national.totals.evaluated', { year })} value={x.evaluated} testId="national-evaluated" />
      <Stat label={t('national.totals.recognised', { year })} value={x.recognised} hint={stars(x.recognisedByStar)} testId="national-recognised" />
      <Stat label={t('national.totals.inForce')} value={x.certificates.inForce} hint={stars(x.certificates.inForceByStar)} testId="national-in-force" />
      <Stat
        label={t('national.totals.due')}
        value={x.certificates.dueForRerating}
        hint={t('national.totals.dueHint', { expiring: formatNumber(x.certificates.expiring), extended: formatNumber(x.certificates.extended) })}
        testId="national-due"
      />
      <Stat
        label={t('national.totals.lapsed')}
        value={x.certificates.expired}
        hint={t('national.totals.lapsedHint', { revoked: formatNumber(x.certificates.revoked), superseded: formatNumber(x.certificates.superseded) })}
        testId="national-expired"
      />
      <Stat label={t('national.totals.producers')} value={x.producersCertified} testId="national-producers" />
      <Stat label={t('national.totals.dossiers')} value={x.dossiers.total} testId="national-dossiers" />
    </SimpleGrid>
  );
}

function ProvinceTable({ data }: { data: NationalFigures }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const name = (p: { name: string; nameEn: string }) => (language === 'en' ? p.nameEn : p.name);
  const columns: Column[] = [
    { key: 'evaluated', label: t('national.table.evaluated'), value: (p) => p.evaluated },
    { key: 'recognised', label: t('national.table.recognised'), value: (p) => p.recognised },
    { key: 'inForce', label: t('national.table.inForce'), value: (p) => p.certificates.inForce },
    { key: 's3', label: '3★', value: (p) => p.certificates.inForceByStar['3'] },
    { key: 's4', label: '4★', value: (p) => p.certificates.inForceByStar['4'] },
    { key: 's5', label: '5★', value: (p) => p.certificates.inForceByStar['5'] },
    { key: 'due', label: t('national.table.due'), value: (p) => p.certificates.dueForRerating },
    { key: 'expired', label: t('national.table.expired'), value: (p) => p.certificates.expired },
    { key: 'revoked', label: t('national.table.revoked'), value: (p) => p.certificates.revoked },
    { key: 'producers', label: t('national.table.producers'), value: (p) => p.producersCertified },
    { key: 'dossiers', label: t('national.table.dossiers'), value: (p) => p.dossiers.total },
  ];
  // Sorted by a column (largest first, then smallest), or by name.
  const [sort, setSort] = useState<{ key: string; desc: boolean }>({ key: 'inForce', desc: true });
  const rows = useMemo(() => {
    const column = columns.find((c) => c.key === sort.key);
    const sign = sort.desc ? -1 : 1;
    return [...data.provinces].sort((a, b) => sign * (column ? column.value(a) - column.value(b) : name(a).localeCompare(name(b), language)));
  }, [data, sort, language]);
  const toggle = (key: string) => setSort((s) => (s.key === key ? { key, desc: !s.desc } : { key, desc: key !== 'province' }));
  const stickyCell = { position: 'sticky', left: 0, background: 'var(--mantine-color-body)', zIndex: 1 } as const;

  const header = (key: string, label: string, numeric = true) => {
    const active = sort.key === key;
    const Icon = active ? (sort.desc ? IconSortDescending : IconSortAscending) : IconArrowsSort;
    return (
      <Table.Th
        key={key}
        aria-sort={active ? (sort.desc ? 'descending' : 'ascending') : 'none'}
        style={numeric ? { textAlign: 'right', whiteSpace: 'nowrap' } : { ...stickyCell, whiteSpace: 'nowrap' }}
      >
        <UnstyledButton onClick={() => toggle(key)} aria-label={t('national.table.sortBy', { column: label })} fz="sm" fw={600}>
          <Group gap={4} wrap="nowrap" justify={numeric ? 'flex-end' : 'flex-start'}>
            {label}
            <Icon size={14} aria-hidden />
          </Group>
        </UnstyledButton>
      </Table.Th>
    );
  };

  return (
    <Table.ScrollContainer minWidth={960} type="native">
      <Table highlightOnHover verticalSpacing="xs" fz="sm" data-testid="national-table">
        <Table.Thead>
          <Table.Tr>
            {header('province', t('national.table.province'), false)}
            {columns.map((c) => header(c.key, c.label))}
            <Table.Th style={{ whiteSpace: 'nowrap' }}>{t('national.table.round')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((p) => (
            <Table.Tr key={p.provinceCode} data-testid={`national-row-${p.provinceCode}`}>
              <Table.Td style={stickyCell}>{name(p)}</Table.Td>
              {columns.map((c) => (
                <Table.Td key={c.key} ta="right" c={c.value(p) === 0 ? 'dimmed' : undefined}>
                  {formatNumber(c.value(p))}
                </Table.Td>
              ))}
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {p.round ? (
                  p.round.name
                ) : (
                  <Text c="dimmed" fz="sm">
                    {t('national.table.noRound')}
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr fw={700}>
            <Table.Td style={stickyCell}>{t('national.table.total')}</Table.Td>
            {columns.map((c) => (
              <Table.Td key={c.key} ta="right">
                {formatNumber(c.value({ ...data.totals, provinceCode: '', name: '', nameEn: '', round: null }))}
              </Table.Td>
            ))}
            <Table.Td />
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </Table.ScrollContainer>
  );
}

/**
 * The ministry's national view: totals of the country, a chart by province and a sortable table of
 * the 34 provinces, read from the counts the database keeps current (GET /indicators/national).
 */
export function NationalPage() {
  const { t } = useTranslation();
  const { year, setYear, years } = useYearParam();
  const figures = useNationalFigures(year);

  return (
    <Stack gap="md" data-testid="national-page">
      <PageHeader
        title={t('national.title')}
        description={t('national.intro', { date: formatDate(figures.data?.asOf ?? todayInVietnam()) })}
        actions={<YearSelect label={t('national.year')} years={years} year={year} setYear={setYear} />}
      />
      <QueryView query={figures}>
        {(data) => (
          <>
            <Totals data={data} />
            <Suspense fallback={<PageLoader />}>
              <NationalChart data={data} />
            </Suspense>
            <SectionCard title={t('national.table.title')}>
              <Text size="xs" c="dimmed" mb="xs">
                {t('national.table.description')}
              </Text>
              <ProvinceTable data={data} />
            </SectionCard>
          </>
        )}
      </QueryView>
    </Stack>
  );
}
