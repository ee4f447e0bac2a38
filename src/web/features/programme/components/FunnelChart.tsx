import { Box } from '@mantine/core';
import { BarChart, type BarSeriesOption } from 'echarts/charts';
import { GridComponent, TooltipComponent, type GridComponentOption, type TooltipComponentOption } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useMemo, useRef } from 'react';
import { formatNumber, formatPoints } from '../../../lib/format.js';
import { useIsPhone } from '../../../lib/responsive.js';
import type { FunnelRow } from './figures.js';
import { useProgrammeLabels } from './labels.js';

/**
 * The funnel of the cycle drawn as horizontal bars, one per stage, each labelled with its count and
 * its share of the ideas received: bars keep the stage names legible on a phone, where a funnel's
 * trapezoids would not. Only the bar chart is registered, and this module is loaded lazily, so
 * ECharts stays out of the pages that draw nothing.
 */
echarts.use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);
type ChartOption = echarts.ComposeOption<BarSeriesOption | GridComponentOption | TooltipComponentOption>;

/** From the first stage to the last, the app's green darkening. */
const STAGE_COLORS = ['#a6d6c8', '#76c0ab', '#4fae93', '#229b7a', '#005a4c'];

export default function FunnelChart({ rows, label }: { rows: readonly FunnelRow[]; label: string }) {
  const labels = useProgrammeLabels();
  const isPhone = useIsPhone();
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const names = rows.map((row) => labels.funnelStage(row.stage));
  const namesKey = names.join('|');

  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 8, right: isPhone ? 72 : 96, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1, axisLabel: { formatter: (value: number) => formatNumber(value) } },
      yAxis: {
        type: 'category',
        inverse: true,
        data: namesKey.split('|'),
        axisLabel: { width: isPhone ? 120 : 220, overflow: 'break', lineHeight: 15, fontSize: isPhone ? 11 : 12 },
      },
      series: [
        {
          type: 'bar',
          barMaxWidth: 36,
          data: rows.map((row, i) => ({ value: row.count, itemStyle: { color: STAGE_COLORS[i] } })),
          label: {
            show: true,
            position: 'right',
            formatter: ({ dataIndex }: { dataIndex: number }) => {
              const row = rows[dataIndex];
              if (!row) return '';
              return row.ofIdeas === null || dataIndex === 0 ? formatNumber(row.count) : `${formatNumber(row.count)} · ${formatPoints(row.ofIdeas)}%`;
            },
          },
        },
      ],
    }),
    [rows, namesKey, isPhone],
  );

  useEffect(() => {
    if (!box.current) return;
    const instance = echarts.init(box.current, undefined, { renderer: 'canvas' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(box.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <Box ref={box} h={isPhone ? 300 : 280} w="100%" role="img" aria-label={label} data-testid="funnel-chart" />;
}
