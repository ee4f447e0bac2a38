import sharp from 'sharp';

/**
 * Charts for documents, drawn with the same library as the dashboard (Apache ECharts, rendered on
 * the server to SVG) and rasterised to PNG for Word.
 */
export async function barChartPng(opts: {
  title: string;
  categories: string[];
  series: { name: string; data: number[] }[];
  width?: number;
  height?: number;
}): Promise<Buffer> {
  const width = opts.width ?? 800;
  const height = opts.height ?? 400;
  // Loaded on first use: the library is large and most processes never draw a chart.
  const echarts = await import('echarts');
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  chart.setOption({
    animation: false,
    backgroundColor: '#ffffff',
    textStyle: { fontFamily: 'DejaVu Sans, Liberation Sans, Arial, sans-serif' },
    title: { text: opts.title, left: 'center', textStyle: { fontSize: 16 } },
    legend: { bottom: 0 },
    grid: { left: 50, right: 20, top: 50, bottom: 60 },
    xAxis: { type: 'category', data: opts.categories, axisLabel: { interval: 0, fontSize: 11 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: opts.series.map((s) => ({ type: 'bar', name: s.name, data: s.data, stack: 'total', label: { show: true, position: 'inside' } })),
  });
  const svg = chart.renderToSVGString();
  chart.dispose();
  return sharp(Buffer.from(svg)).png().toBuffer();
}
