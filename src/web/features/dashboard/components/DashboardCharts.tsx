import { Anchor, Box, Group, ScrollArea, SegmentedControl, SimpleGrid, Table, Text } from '@mantine/core';
import dayjs from 'dayjs';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { breakdownLabel } from '../../../../domain/indicators/index.js';
import { FUNNEL_STAGE_LABELS, FUNNEL_STAGES } from '../../../../domain/programme/index.js';
import { LEGAL_FORM_LABELS, type LegalForm } from '../../../../domain/subjects/legal-forms.js';
import { formatNumber } from '../../../lib/format.js';
import { useLabel } from '../../../lib/i18n/index.js';
import type { CommuneOutlines } from '../../../lib/reference.js';
import { useIsPhone } from '../../../lib/responsive.js';
import type { DashboardData } from '../api/dashboard.js';
import { ChartCard, NoData } from './ChartCard.js';
import { EChart } from './EChart.js';
import { echarts, type ChartInstance, type ChartOption } from './echarts.js';
import { DASHBOARD_TEXTS } from './texts.js';

/** Lightest to darkest of the app's green, and a few contrasting hues for categories. */
const STAR_COLORS: Record<number, string> = { 1: '#d2ebe4', 2: '#a6d6c8', 3: '#76c0ab', 4: '#229b7a', 5: '#005a4c' };
const PALETTE = ['#0f8569', '#e8a33d', '#3b7dd8', '#c2492f', '#7a5cc4', '#4fae93', '#d66fa0', '#6b8e23', '#8c6d46', '#5f6b7a'];
const MAP_RANGE = ['#e7f6f2', '#76c0ab', '#0b6e5f'];
/** Communes without a figure: grey, apart from the scale's lightest green (which means a small figure). */
const NO_FIGURES_COLOR = '#eef0ef';

const valueFormatter = (value: unknown) => (typeof value === 'number' ? formatNumber(value) : String(value ?? ''));
const baseGrid = { left: 8, right: 24, top: 36, bottom: 8, containLabel: true } as const;

type ChartProps = { data: DashboardData };

/** Recognised products of the year by product set (bar) and star (stack); a bar opens that set's products. */
function ProductsBySetChart({ data }: ChartProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const isPhone = useIsPhone();
  const chartRef = useRef<ChartInstance | null>(null);

  const { sets, stars } = useMemo(() => {
    const bySet = new Map<string, { setNumber: number | null; label: string; byStar: Map<number, number> }>();
    for (const row of data.productsBySetAndStar) {
      const key = String(row.setNumber);
      const label = row.setNumber === null ? t('dashboard.charts.noSet') : `${row.setNumber}. ${row.setName ?? ''}`.trim();
      const entry = bySet.get(key) ?? { setNumber: row.setNumber, label, byStar: new Map<number, number>() };
      entry.byStar.set(row.star, (entry.byStar.get(row.star) ?? 0) + row.products);
      bySet.set(key, entry);
    }
    const sortedSets = [...bySet.values()].sort((a, b) => (a.setNumber ?? 99) - (b.setNumber ?? 99));
    return { sets: sortedSets, stars: [...new Set(data.productsBySetAndStar.map((r) => r.star))].sort((a, b) => a - b) };
  }, [data, t]);

  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter },
      legend: { top: 0 },
      grid: baseGrid,
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: sets.map((s) => s.label), axisLabel: { width: isPhone ? 120 : 240, overflow: 'truncate' } },
      series: stars.map((star) => ({
        type: 'bar',
        stack: 'stars',
        name: t('stars.count', { count: star }),
        data: sets.map((s) => s.byStar.get(star) ?? 0),
        itemStyle: { color: STAR_COLORS[star] ?? PALETTE[0] },
        barMaxWidth: 28,
      })),
    }),
    [sets, stars, isPhone, t],
  );

  const title = t('dashboard.charts.productsBySet');
  return (
    <ChartCard
      title={title}
      description={t('dashboard.charts.productsBySetHint')}
      fileName={`${title} ${data.year}`}
      chartRef={chartRef}
      empty={sets.length === 0}
      testId="chart-products-by-set"
      csv={() => ({
        header: [t('dashboard.csv.setNumber'), t('dashboard.csv.setName'), ...stars.map((star) => t('stars.count', { count: star })), t('dashboard.csv.total')],
        rows: sets.map((s) => {
          const counts = stars.map((star) => s.byStar.get(star) ?? 0);
          return [s.setNumber, s.label, ...counts, counts.reduce((a, b) => a + b, 0)];
        }),
      })}
    >
      <EChart
        option={option}
        height={Math.max(220, sets.length * 34 + 70)}
        chartRef={chartRef}
        label={title}
        testId="chart-canvas-products-by-set"
        onClick={({ dataIndex }) => {
          const set = sets[dataIndex];
          if (set?.setNumber) void navigate(`/products?criteriaSetNumber=${set.setNumber}`);
        }}
      />
    </ChartCard>
  );
}

const COMMUNE_METRICS = ['recognised', 'certified', 'subjects'] as const;
type CommuneMetric = (typeof COMMUNE_METRICS)[number];
type Commune = DashboardData['communes'][number];

const communeLink = (commune: string, metric: CommuneMetric) =>
  metric === 'subjects' ? `/subjects?communeCode=${commune}` : `/products?communeCode=${commune}`;

/** Registered once per province: the map series refers to it by name. */
const registeredMaps = new Set<string>();
function ensureMap(name: string, outlines: CommuneOutlines) {
  if (registeredMaps.has(name)) return;
  echarts.registerMap(name, outlines as unknown as Parameters<typeof echarts.registerMap>[1]);
  registeredMaps.add(name);
}

function CommuneTable({ communes }: { communes: readonly Commune[] }) {
  const { t } = useTranslation();
  const sorted = useMemo(
    () => [...communes].sort((a, b) => b.recognised - a.recognised || b.certified - a.certified || a.name.localeCompare(b.name, 'vi')),
    [communes],
  );
  const cell = (commune: Commune, metric: CommuneMetric) => {
    const value = commune[metric];
    return value > 0 ? (
      <Anchor component={Link} to={communeLink(commune.communeCode, metric)} size="sm">
        {formatNumber(value)}
      </Anchor>
    ) : (
      formatNumber(value)
    );
  };
  return (
    <ScrollArea.Autosize mah={420} type="auto">
      <Table stickyHeader striped fz="sm" data-testid="commune-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('dashboard.communes.commune')}</Table.Th>
            <Table.Th ta="right">{t('dashboard.communes.recognised')}</Table.Th>
            <Table.Th ta="right">{t('dashboard.communes.certified')}</Table.Th>
            <Table.Th ta="right">{t('dashboard.communes.subjects')}</Table.Th>
            <Table.Th ta="right">{t('dashboard.communes.target')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sorted.map((c) => (
            <Table.Tr key={c.communeCode}>
              <Table.Td>{c.name}</Table.Td>
              <Table.Td ta="right">{cell(c, 'recognised')}</Table.Td>
              <Table.Td ta="right">{cell(c, 'certified')}</Table.Td>
              <Table.Td ta="right">{cell(c, 'subjects')}</Table.Td>
              <Table.Td ta="right">{formatNumber(c.target)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea.Autosize>
  );
}

/**
 * Communes of the province: a choropleth where outlines are shipped, a bar chart of the communes
 * with figures otherwise, and a table either way. A commune opens its products (or producers).
 */
function CommuneChart({ data, outlines }: ChartProps & { outlines: CommuneOutlines | undefined }) {
  const { t } = useTranslation();
  const label = useLabel();
  const navigate = useNavigate();
  const isPhone = useIsPhone();
  const chartRef = useRef<ChartInstance | null>(null);
  const [metric, setMetric] = useState<CommuneMetric>('recognised');
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const hasMap = (outlines?.features.length ?? 0) > 0;
  const names = useMemo(() => new Map(data.communes.map((c) => [c.communeCode, c.name])), [data]);
  const metricLabel = t(`dashboard.communes.${metric}`);
  const mapName = `ocop-communes-${data.provinceCode}`;
  const barCommunes = useMemo(
    () =>
      data.communes
        .filter((c) => c[metric] > 0)
        .sort((a, b) => b[metric] - a[metric])
        .slice(0, 30),
    [data, metric],
  );

  // Every commune at 0: a 0–1 colour scale would read as figures; the map is drawn plain, with a
  // "no figures" legend instead.
  const noFigures = data.communes.every((c) => c[metric] === 0);

  const option = useMemo<ChartOption>(() => {
    if (hasMap && outlines) {
      ensureMap(mapName, outlines);
      const max = Math.max(1, ...data.communes.map((c) => c[metric]));
      const regionName = (code: string) => names.get(code) ?? code;
      return {
        tooltip: {
          trigger: 'item',
          formatter: (params: unknown) => {
            const p = params as { name: string; value?: number };
            const commune = data.communes.find((c) => c.communeCode === p.name);
            const target = commune?.target != null ? `<br/>${t('dashboard.communes.target')}: ${formatNumber(commune.target)}` : '';
            return `<b>${regionName(p.name)}</b><br/>${metricLabel}: ${formatNumber(Number.isFinite(p.value) ? (p.value ?? 0) : 0)}${target}`;
          },
        },
        ...(noFigures
          ? {}
          : {
              visualMap: {
                type: 'continuous',
                min: 0,
                max,
                orient: 'horizontal',
                left: 'center',
                bottom: 0,
                itemHeight: isPhone ? 120 : 180,
                text: [formatNumber(max), '0'],
                calculable: false,
                inRange: { color: MAP_RANGE },
              },
            }),
        series: [
          {
            type: 'map',
            map: mapName,
            nameProperty: 'code',
            roam: !isPhone,
            selectedMode: false,
            top: 8,
            bottom: noFigures ? 8 : 48,
            label: { show: false },
            emphasis: { label: { show: true, formatter: (p: { name: string }) => regionName(p.name), fontSize: 11 }, itemStyle: { areaColor: '#e8a33d' } },
            itemStyle: { borderColor: '#ffffff', borderWidth: 0.6, areaColor: NO_FIGURES_COLOR },
            data: data.communes.map((c) => ({ name: c.communeCode, value: c[metric] })),
          },
        ],
      };
    }
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter },
      grid: { ...baseGrid, top: 8 },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: barCommunes.map((c) => c.name), axisLabel: { width: isPhone ? 110 : 200, overflow: 'truncate' } },
      series: [{ type: 'bar', name: metricLabel, data: barCommunes.map((c) => c[metric]), itemStyle: { color: PALETTE[0] }, barMaxWidth: 24 }],
    };
  }, [hasMap, outlines, mapName, data, metric, metricLabel, names, barCommunes, noFigures, isPhone, t]);

  const title = t('dashboard.charts.communes');
  const chartEmpty = !hasMap && barCommunes.length === 0;
  return (
    <ChartCard
      title={title}
      description={hasMap ? t('dashboard.charts.communesMapHint') : t('dashboard.charts.communesBarHint')}
      fileName={`${title} ${data.year}`}
      chartRef={chartRef}
      empty={data.communes.length === 0}
      pngAvailable={view === 'chart' && !chartEmpty}
      testId="chart-communes"
      controls={
        <>
          <SegmentedControl
            size="xs"
            value={metric}
            onChange={(value) => setMetric(value as CommuneMetric)}
            data={COMMUNE_METRICS.map((m) => ({ value: m, label: t(`dashboard.communes.${m}Short`) }))}
            aria-label={t('dashboard.communes.metric')}
          />
          <SegmentedControl
            size="xs"
            value={view}
            onChange={(value) => setView(value === 'table' ? 'table' : 'chart')}
            data={[
              { value: 'chart', label: hasMap ? t('dashboard.communes.map') : t('dashboard.communes.chart') },
              { value: 'table', label: t('dashboard.communes.table') },
            ]}
            aria-label={t('dashboard.communes.view')}
          />
        </>
      }
      csv={() => ({
        header: [
          t('dashboard.csv.communeCode'),
          t('dashboard.communes.commune'),
          t('dashboard.communes.recognised'),
          t('dashboard.communes.certified'),
          t('dashboard.communes.subjects'),
          t('dashboard.communes.target'),
        ],
        rows: data.communes.map((c) => [c.communeCode, c.name, c.recognised, c.certified, c.subjects, c.target]),
      })}
    >
      {view === 'table' ? (
        <CommuneTable communes={data.communes} />
      ) : chartEmpty ? (
        <NoData />
      ) : (
        <>
          <EChart
            option={option}
            height={hasMap ? (isPhone ? 380 : 480) - (noFigures ? 40 : 0) : Math.max(220, barCommunes.length * 28 + 40)}
            chartRef={chartRef}
            label={`${title}: ${metricLabel}`}
            testId="chart-canvas-communes"
            onClick={({ name, dataIndex }) => {
              const code = hasMap ? name : barCommunes[dataIndex]?.communeCode;
              if (code) void navigate(communeLink(code, metric));
            }}
          />
          {hasMap && noFigures && (
            <Group justify="center" gap={8} mt={8} wrap="nowrap" data-testid="map-legend-no-data">
              <Box w={28} h={14} bg={NO_FIGURES_COLOR} bd="1px solid var(--mantine-color-gray-4)" style={{ flexShrink: 0 }} aria-hidden />
              <Text size="sm" c="dimmed">
                {label(DASHBOARD_TEXTS.mapNoFigures)}: {metricLabel}
              </Text>
            </Group>
          )}
        </>
      )}
    </ChartCard>
  );
}

/** Producers holding a valid certificate at year end by legal form; a slice opens those producers. */
function LegalFormChart({ data }: ChartProps) {
  const { t } = useTranslation();
  const label = useLabel();
  const navigate = useNavigate();
  const chartRef = useRef<ChartInstance | null>(null);
  const rows = useMemo(
    () =>
      data.subjectsByLegalForm
        .filter((r) => r.subjects > 0)
        .map((r) => ({
          code: r.legalForm,
          name: r.legalForm in LEGAL_FORM_LABELS ? label(LEGAL_FORM_LABELS[r.legalForm as LegalForm]) : r.legalForm,
          value: r.subjects,
        })),
    [data, label],
  );
  const option = useMemo<ChartOption>(
    () => ({
      color: PALETTE,
      tooltip: { trigger: 'item', valueFormatter },
      // A plain legend wraps onto more lines on a narrow screen instead of hiding entries behind arrows.
      legend: { bottom: 0, left: 'center', itemGap: 12 },
      series: [
        {
          type: 'pie',
          radius: ['34%', '60%'],
          center: ['50%', '42%'],
          avoidLabelOverlap: true,
          label: { formatter: '{c}', fontWeight: 'bold' },
          data: rows.map((r) => ({ name: r.name, value: r.value })),
        },
      ],
    }),
    [rows],
  );
  const title = t('dashboard.charts.legalForms');
  return (
    <ChartCard
      title={title}
      description={t('dashboard.charts.legalFormsHint')}
      fileName={`${title} ${data.year}`}
      chartRef={chartRef}
      empty={rows.length === 0}
      testId="chart-legal-forms"
      csv={() => ({
        header: [t('dashboard.csv.legalFormCode'), t('dashboard.csv.legalForm'), t('dashboard.csv.subjects')],
        rows: rows.map((r) => [r.code, r.name, r.value]),
      })}
    >
      <EChart
        option={option}
        height={320}
        chartRef={chartRef}
        label={title}
        testId="chart-canvas-legal-forms"
        onClick={({ dataIndex }) => {
          const row = rows[dataIndex];
          if (row) void navigate(`/subjects?legalForm=${encodeURIComponent(row.code)}`);
        }}
      />
    </ChartCard>
  );
}

const monthLabel = (month: string) => {
  const date = dayjs(month.length === 7 ? `${month}-01` : month);
  return date.isValid() ? date.format('MM/YYYY') : month;
};

/** Certificates falling due per month; a bar opens the re-rating work list. */
function CertificatesDueChart({ data }: ChartProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const chartRef = useRef<ChartInstance | null>(null);
  const months = data.certificatesDue;
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter },
      grid: { ...baseGrid, top: 16 },
      xAxis: { type: 'category', data: months.map((m) => monthLabel(m.month)), axisLabel: { rotate: 45 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { type: 'bar', name: t('dashboard.csv.certificates'), data: months.map((m) => m.certificates), itemStyle: { color: '#e8a33d' }, barMaxWidth: 28 },
      ],
    }),
    [months, t],
  );
  const title = t('dashboard.charts.certificatesDue');
  return (
    <ChartCard
      title={title}
      description={t('dashboard.charts.certificatesDueHint')}
      fileName={`${title} ${data.year}`}
      chartRef={chartRef}
      // The months come with zeros: a year with none falling due says so instead of drawing bare axes.
      empty={months.every((m) => m.certificates === 0)}
      testId="chart-certificates-due"
      csv={() => ({ header: [t('dashboard.csv.month'), t('dashboard.csv.certificates')], rows: months.map((m) => [monthLabel(m.month), m.certificates]) })}
    >
      <EChart
        option={option}
        height={280}
        chartRef={chartRef}
        label={title}
        testId="chart-canvas-certificates-due"
        onClick={() => void navigate('/certificates?tab=worklist')}
      />
    </ChartCard>
  );
}

const CHANNEL_COLORS = { ecommerce: '#3b7dd8', chain: '#0f8569' } as const;

/** Products listed at year end per e-commerce platform, then per kind of retail chain. */
function ListingsChart({ data }: ChartProps) {
  const { t } = useTranslation();
  const label = useLabel();
  const isPhone = useIsPhone();
  const chartRef = useRef<ChartInstance | null>(null);
  const rows = useMemo(
    () =>
      data.listingsByPlatform.map((r) => ({
        ...r,
        name: label(breakdownLabel(r.channel === 'ecommerce' ? 'platform' : 'channel', r.platform)),
        channelName: label(r.channel === 'ecommerce' ? DASHBOARD_TEXTS.ecommerce : DASHBOARD_TEXTS.chain),
      })),
    [data, label],
  );
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter },
      grid: { ...baseGrid, top: 8 },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: rows.map((r) => r.name), axisLabel: { width: isPhone ? 110 : 200, overflow: 'truncate' } },
      series: [
        {
          type: 'bar',
          name: t('dashboard.csv.listings'),
          data: rows.map((r) => ({ value: r.listings, itemStyle: { color: CHANNEL_COLORS[r.channel] } })),
          barMaxWidth: 24,
        },
      ],
    }),
    [rows, isPhone, t],
  );
  const title = t('dashboard.charts.listings');
  return (
    <ChartCard
      title={title}
      description={label(DASHBOARD_TEXTS.listingsHint)}
      fileName={`${title} ${data.year}`}
      chartRef={chartRef}
      empty={rows.length === 0}
      testId="chart-listings"
      csv={() => ({
        header: [label(DASHBOARD_TEXTS.channelKind), t('dashboard.csv.platform'), t('dashboard.csv.listings')],
        rows: rows.map((r) => [r.channelName, r.name, r.listings]),
      })}
    >
      <EChart option={option} height={Math.max(200, rows.length * 30 + 40)} chartRef={chartRef} label={title} testId="chart-canvas-listings" />
    </ChartCard>
  );
}

const FUNNEL_COLORS = ['#d2ebe4', '#a6d6c8', '#76c0ab', '#229b7a', '#005a4c'];
/** A stage's share of the ideas received, in whole percent. */
const shareOf = (n: number, ideas: number) => (ideas ? `${formatNumber(Math.round((n / ideas) * 100))}\u00a0%` : '—');

/**
 * The year's ideas and how far they went (ocop-rules §8): a funnel, or a table by commune. Each stage
 * counts ideas, so every stage is at most the one before and reads as a share of the ideas received.
 */
function FunnelCard({ data }: ChartProps) {
  const { t } = useTranslation();
  const label = useLabel();
  const isPhone = useIsPhone();
  const chartRef = useRef<ChartInstance | null>(null);
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const { total, communes } = data.funnel;
  const stages = useMemo(() => FUNNEL_STAGES.map((stage) => ({ stage, name: label(FUNNEL_STAGE_LABELS[stage]) })), [label]);
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: {
        trigger: 'item',
        formatter: (params: unknown) => {
          const p = params as { name: string; value: number };
          return `<b>${p.name}</b><br/>${formatNumber(p.value)} (${shareOf(p.value, total.ideas)} ${label(DASHBOARD_TEXTS.funnelShare)})`;
        },
      },
      series: [
        {
          type: 'funnel',
          sort: 'none',
          left: isPhone ? '2%' : '10%',
          width: isPhone ? '96%' : '80%',
          top: 8,
          bottom: 8,
          minSize: '24%',
          gap: 3,
          label: { position: 'inside', formatter: '{b}: {c}', fontSize: isPhone ? 11 : 13 },
          itemStyle: { borderColor: '#fff', borderWidth: 1 },
          // Dark text on the light stages, white on the dark ones.
          data: stages.map((s, i) => ({
            name: s.name,
            value: total[s.stage],
            itemStyle: { color: FUNNEL_COLORS[i] },
            label: { color: i >= 3 ? '#fff' : '#17201e' },
          })),
        },
      ],
    }),
    [stages, total, isPhone, label],
  );
  const title = label(DASHBOARD_TEXTS.funnelTitle);
  return (
    <ChartCard
      title={title}
      description={label(DASHBOARD_TEXTS.funnelHint)}
      fileName={`${title} ${data.year}`}
      chartRef={chartRef}
      empty={total.ideas === 0}
      pngAvailable={view === 'chart'}
      testId="chart-funnel"
      controls={
        <SegmentedControl
          size="xs"
          value={view}
          onChange={(value) => setView(value === 'table' ? 'table' : 'chart')}
          data={[
            { value: 'chart', label: t('dashboard.communes.chart') },
            { value: 'table', label: t('dashboard.communes.table') },
          ]}
          aria-label={t('dashboard.communes.view')}
        />
      }
      csv={() => ({
        header: [t('dashboard.csv.communeCode'), t('dashboard.communes.commune'), ...stages.map((s) => s.name)],
        rows: [
          ...communes.map((c) => [c.communeCode, c.communeName, ...stages.map((s) => c[s.stage])]),
          ['', t('dashboard.csv.total'), ...stages.map((s) => total[s.stage])],
        ],
      })}
    >
      {view === 'table' ? (
        <ScrollArea.Autosize mah={420} type="auto">
          <Table stickyHeader striped fz="sm" data-testid="funnel-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('dashboard.communes.commune')}</Table.Th>
                {stages.map((s) => (
                  <Table.Th key={s.stage} ta="right">
                    {s.name}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {communes.map((c) => (
                <Table.Tr key={c.communeCode}>
                  <Table.Td>{c.communeName}</Table.Td>
                  {stages.map((s) => (
                    <Table.Td key={s.stage} ta="right">
                      {formatNumber(c[s.stage])}
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
              <Table.Tr fw={700}>
                <Table.Td>{t('dashboard.csv.total')}</Table.Td>
                {stages.map((s) => (
                  <Table.Td key={s.stage} ta="right">
                    {formatNumber(total[s.stage])}
                  </Table.Td>
                ))}
              </Table.Tr>
            </Table.Tbody>
          </Table>
        </ScrollArea.Autosize>
      ) : (
        <EChart option={option} height={isPhone ? 260 : 300} chartRef={chartRef} label={title} testId="chart-canvas-funnel" />
      )}
    </ChartCard>
  );
}

/** The charts of one year: the commune map across the page, the others two by two (one column on a phone). */
export function DashboardCharts({ data, outlines }: ChartProps & { outlines: CommuneOutlines | undefined }) {
  return (
    <>
      <CommuneChart data={data} outlines={outlines} />
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <ProductsBySetChart data={data} />
        <LegalFormChart data={data} />
        <CertificatesDueChart data={data} />
        <FunnelCard data={data} />
        <ListingsChart data={data} />
      </SimpleGrid>
    </>
  );
}
