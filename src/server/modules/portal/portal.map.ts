import type { MapLegendClass, PublicMap } from '../../../contracts/portal.js';
import type { SalesPointKind } from '../../../domain/market/index.js';
import { loadCommuneOutlines, projectOutlines, simplifyOutlines, type ProjectedMap } from '../../lib/commune-outlines.js';
import type { PortalService } from './portal.service.js';

const COLOURS = ['#e4ece9', '#b9e0cd', '#6fc19a', '#2f9a6c', '#0b6b4f'];

/**
 * The colour scale of both maps (the SVG and the script's): grey for no product, then 1…max split
 * into up to four classes of equal width, the last always the darkest. The legend is these classes,
 * so it lists exactly the colours the map uses.
 */
export function countLegend(max: number): MapLegendClass[] {
  const classes = Math.min(COLOURS.length - 1, Math.max(0, max));
  const legend: MapLegendClass[] = [{ min: 0, max: 0, colour: COLOURS[0]! }];
  for (let i = 0; i < classes; i++) {
    legend.push({ min: Math.ceil((i * max) / classes) + 1, max: Math.ceil(((i + 1) * max) / classes), colour: COLOURS[COLOURS.length - classes + i]! });
  }
  return legend;
}

export const colourOf = (legend: MapLegendClass[], n: number) => (legend.find((c) => n <= c.max) ?? legend.at(-1)!).colour;

/** The most products in force in one commune: the top of the scale. */
export const maxCount = (counts: Map<string, number>) => Math.max(0, ...counts.values());

/**
 * The province's map: the shipped outlines of its communes, simplified once per process (about a
 * pixel on a 640-pixel-wide province, see commune-outlines.ts), as SVG paths for the pages and as
 * GeoJSON for the script of `/ban-do`. Counts and sales points are read from the portal's (briefly
 * cached) answers each time.
 */
export function createProvinceMap(portal: Pick<PortalService, 'figures' | 'salesPoints'>) {
  // A failed read is not kept: the next request tries again.
  const once = <T>(load: () => Promise<T>) => {
    let kept: Promise<T> | undefined;
    return () =>
      (kept ??= load().catch((error: unknown) => {
        kept = undefined;
        throw error;
      }));
  };
  const outlines = once(() => portal.figures().then((f) => loadCommuneOutlines(new Map(f.communes.map((c) => [c.code, c.name])))));
  const projected = once(() => outlines().then((o) => projectOutlines(o)));
  const simplified = once(() => outlines().then((o) => simplifyOutlines(o)));

  return {
    svg: (): Promise<ProjectedMap> => projected(),

    /** The public map's JSON: every commune with its count of products in force and its catalogue link, and the open sales points. */
    async geojson(): Promise<PublicMap> {
      const [shapes, figures, points] = await Promise.all([simplified(), portal.figures(), portal.salesPoints()]);
      return {
        type: 'FeatureCollection',
        features: shapes.map((s) => ({
          type: 'Feature',
          id: s.code,
          properties: { code: s.code, name: s.name, products: figures.byCommune.get(s.code) ?? 0, url: `/san-pham?commune=${s.code}` },
          geometry: { type: 'MultiPolygon', coordinates: s.coordinates },
        })),
        legend: countLegend(maxCount(figures.byCommune)),
        salesPoints: points.map((p) => ({
          name: p.name,
          kind: p.kind as SalesPointKind,
          address: p.address,
          commune: p.communeName,
          latitude: p.latitude,
          longitude: p.longitude,
        })),
      };
    },
  };
}
export type ProvinceMap = ReturnType<typeof createProvinceMap>;
