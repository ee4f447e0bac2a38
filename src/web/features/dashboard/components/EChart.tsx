import { Box } from '@mantine/core';
import { useEffect, useRef, type RefObject } from 'react';
import { echarts, type ChartInstance, type ChartOption } from './echarts.js';

/** What a click on a bar, slice or map region reports: its category or region name, and its data item. */
export type ChartClick = { name: string; seriesIndex: number; dataIndex: number; data: unknown };

type EChartProps = {
  option: ChartOption;
  height: number;
  /** Filled with the live chart, for the PNG export. */
  chartRef?: RefObject<ChartInstance | null>;
  onClick?: (event: ChartClick) => void;
  label: string;
  testId?: string;
};

/**
 * One ECharts canvas: created on mount, redrawn when the option changes, resized with its box (a
 * phone turned sideways, the navigation opening) and disposed on unmount.
 */
export function EChart({ option, height, chartRef, onClick, label, testId }: EChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ChartInstance | null>(null);
  const clickHandler = useRef(onClick);
  clickHandler.current = onClick;

  useEffect(() => {
    if (!box.current) return;
    const instance = echarts.init(box.current, undefined, { renderer: 'canvas' });
    chart.current = instance;
    if (chartRef) chartRef.current = instance;
    instance.on('click', (params) => {
      const p = params as { name?: string; seriesIndex?: number; dataIndex?: number; data?: unknown };
      clickHandler.current?.({ name: p.name ?? '', seriesIndex: p.seriesIndex ?? 0, dataIndex: p.dataIndex ?? 0, data: p.data });
    });
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(box.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
      if (chartRef) chartRef.current = null;
    };
  }, [chartRef]);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  useEffect(() => {
    chart.current?.resize();
  }, [height]);

  return <Box ref={box} h={height} w="100%" role="img" aria-label={label} data-testid={testId} style={{ cursor: onClick ? 'pointer' : undefined }} />;
}
