import { SegmentedControl } from '@mantine/core';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../lib/format.js';
import { useLanguage } from '../../../lib/i18n/index.js';
import type { NationalFigures } from '../api/national.js';
import { ChartCard } from './ChartCard.js';
import { EChart } from './EChart.js';
import type { ChartInstance, ChartOption } from './echarts.js';

const STAR_COLOURS = { '3': '#f4b400', '4': '#fb8c00', '5': '#d84315' } as const;
const STARS = ['3', '4', '5'] as const;

/**
 * One horizontal bar per province, stacked by star: certificates in force today, or products
 * recognised in the year. Provinces with nothing are left out; the most at the top. Loaded with
 * ECharts on its own.
 */
export default function NationalChart({ data }: { data: NationalFigures }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const chartRef = useRef<ChartInstance | null>(null);
  const [which, setWhich] = useState<'inForce' | 'recognised'>('inForce');

  const rows = useMemo(() => {
    const byStar = (p: NationalFigures['provinces'][number]) => (which === 'inForce' ? p.certificates.inForceByStar : p.recognisedByStar);
    return data.provinces
      .map((p) => ({ name: language === 'en' ? p.nameEn : p.name, stars: byStar(p), total: STARS.reduce((a, s) => a + byStar(p)[s], 0) }))
      .filter((r) => r.total > 0)
      .sort((a, b) => a.total - b.total || b.name.localeCompare(a.name));
  }, [data, which, language]);

  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: rows.map((r) => r.name), axisLabel: { width: 120, overflow: 'truncate' } },
      series: STARS.map((s) => ({
        type: 'bar' as const,
        name: `${s}★`,
        stack: 'stars',
        itemStyle: { color: STAR_COLOURS[s] },
        data: rows.map((r) => r.stars[s]),
      })),
    }),
    [rows],
  );

  const title = which === 'inForce' ? t('national.chart.title') : t('national.chart.recognisedTitle', { year: data.year });
  return (
    <ChartCard
      title={title}
      description={which === 'inForce' ? t('national.chart.description', { date: formatDate(data.asOf) }) : t('national.chart.recognisedDescription')}
      fileName={`${title} ${data.year}`}
      chartRef={chartRef}
      csv={() => ({
        header: [t('national.table.province'), '3★', '4★', '5★'],
        rows: [...rows].reverse().map((r) => [r.name, r.stars['3'], r.stars['4'], r.stars['5']]),
      })}
      empty={rows.length === 0}
      controls={
        <SegmentedControl
          size="xs"
          aria-label={t('national.chart.which')}
          value={which}
          onChange={(v) => setWhich(v as 'inForce' | 'recognised')}
          data={[
            { value: 'inForce', label: t('national.chart.inForce') },
            { value: 'recognised', label: t('national.chart.recognised') },
          ]}
        />
      }
      testId="national-chart"
    >
      <EChart
        option={option}
        height={Math.max(240, 40 + rows.length * 26)}
        chartRef={chartRef}
        label={`${title}: ${t('national.chart.label')}`}
        testId="national-chart-canvas"
      />
    </ChartCard>
  );
}
