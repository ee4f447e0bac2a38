import {
  BarChart,
  FunnelChart,
  MapChart,
  PieChart,
  type BarSeriesOption,
  type FunnelSeriesOption,
  type MapSeriesOption,
  type PieSeriesOption,
} from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  TooltipComponent,
  VisualMapComponent,
  type GridComponentOption,
  type LegendComponentOption,
  type TooltipComponentOption,
  type VisualMapComponentOption,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

/**
 * Only the charts and components the dashboard draws, so the bundle carries a fraction of ECharts;
 * this module is loaded with the dashboard's charts, never on the sign-in page.
 */
echarts.use([BarChart, PieChart, MapChart, FunnelChart, GridComponent, TooltipComponent, LegendComponent, VisualMapComponent, CanvasRenderer]);

export type ChartOption = echarts.ComposeOption<
  | BarSeriesOption
  | PieSeriesOption
  | MapSeriesOption
  | FunnelSeriesOption
  | GridComponentOption
  | TooltipComponentOption
  | LegendComponentOption
  | VisualMapComponentOption
>;

export type ChartInstance = echarts.ECharts;

export { echarts };
