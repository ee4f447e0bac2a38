import * as fullLibrary from 'echarts';
import { describe, expect, it } from 'vitest';
import { barChartPng, barChartSvg, type BarChart } from './charts.js';

/** The annual report's chart, with Vietnamese labels, an empty star band and a second series. */
const charts: BarChart[] = [
  {
    title: 'Sản phẩm được công nhận năm 2025 theo hạng sao',
    categories: ['3 sao', '4 sao', '5 sao'],
    series: [{ name: 'Sản phẩm', data: [65, 34, 0] }],
  },
  {
    title: 'Kết quả theo bộ sản phẩm',
    categories: ['Thực phẩm', 'Đồ uống', 'Thảo dược', 'Lưu niệm'],
    series: [
      { name: '3 sao', data: [12, 3, 1, 0] },
      { name: '4 sao', data: [5, 2, 0, 1] },
    ],
    width: 640,
    height: 320,
  },
];

describe('bar charts for documents', () => {
  it.each(charts.map((chart) => [chart.title, chart] as const))('draws "%s" as the full library does', (_title, chart) => {
    const svg = barChartSvg(chart);
    // The prebuilt bundle leaves out chart types and components: one the chart needs would be dropped silently.
    expect(svg).toBe(barChartSvg(chart, fullLibrary));
    expect(svg).toContain(chart.title);
    for (const series of chart.series) expect(svg).toContain(series.name);
  });

  it('rasterises the chart to a PNG of its size', async () => {
    const png = await barChartPng(charts[1]!);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    // Width and height in the IHDR chunk.
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([640, 320]);
  });
});
