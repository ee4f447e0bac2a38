import { spawn } from 'node:child_process';
import path from 'node:path';
import type * as ECharts from 'echarts';
import { PACKAGE_ROOT } from '../config.js';
import { onFirstUse } from './on-first-use.js';

export type BarChart = {
  title: string;
  categories: string[];
  series: { name: string; data: number[] }[];
  width?: number;
  height?: number;
};

/**
 * ECharts as its prebuilt "common" bundle (bar, line and pie charts and their usual components, one
 * file of 650 KB), loaded at the first chart. `import('echarts')` loads the library's ES modules,
 * hundreds of files holding every chart type: measured on the server, the first chart grew its
 * resident memory by 67 MB and its heap by 48 MB, against 14 and 8 MB with this bundle, which draws
 * the same SVG byte for byte (charts.test.ts).
 */
const loadECharts = onFirstUse<typeof ECharts>('echarts/dist/echarts.common.min');

/**
 * A stacked bar chart as SVG, drawn with the same library as the dashboard (Apache ECharts,
 * rendered on the server). `library` is for the test that compares the bundle with the full library.
 */
export function barChartSvg(opts: BarChart, library: typeof ECharts = loadECharts()): string {
  const chart = library.init(null, null, { renderer: 'svg', ssr: true, width: opts.width ?? 800, height: opts.height ?? 400 });
  try {
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
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** The same chart rasterised to PNG, for Word. */
export async function barChartPng(opts: BarChart): Promise<Buffer> {
  return rasterise(barChartSvg(opts));
}

/** Reads an SVG document on its input and writes it as PNG (sharp, libvips) on its output. */
const RASTERISE = `
import { createRequire } from 'node:module';
const sharp = createRequire(process.argv[1])('sharp');
const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
process.stdout.write(await sharp(Buffer.concat(chunks)).png().toBuffer());
`;

/**
 * An SVG document as PNG, drawn by libvips in a short-lived process of its own. In the server's
 * process, libvips (with its fonts, cairo and thread pools) grew the resident memory by about 30 MB
 * at the first chart (12 MB to load sharp, 19 MB for the first charts) and never gave it back, for
 * a Word report a province asks for a few times a year; the process costs about 0.1 s per chart.
 */
function rasterise(svg: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', RASTERISE, path.join(PACKAGE_ROOT, 'package.json')], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    let errors = '';
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => (errors = (errors + chunk.toString()).slice(-2000)));
    child.once('error', reject);
    child.once('close', (code) =>
      code === 0 && out.length ? resolve(Buffer.concat(out)) : reject(new Error(`The chart could not be drawn (exit ${code}): ${errors.trim()}`)),
    );
    child.stdin.end(svg);
  });
}
