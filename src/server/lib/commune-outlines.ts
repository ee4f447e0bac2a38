import fs from 'node:fs/promises';
import path from 'node:path';
import { PACKAGE_ROOT } from '../config.js';

type Position = [number, number];
type Geometry =
  { type: 'Polygon'; coordinates: Position[][] } | { type: 'MultiPolygon'; coordinates: Position[][][] } | { type: string; coordinates?: unknown };

export type CommuneOutlines = {
  type: 'FeatureCollection';
  features: { type: 'Feature'; id: string; properties: { code: string; name: string }; geometry: unknown }[];
};

/**
 * The shipped commune outlines (data/geo/<province>-wards/<code>_<name>.geojson) of the given communes,
 * merged into one collection; empty for provinces whose outlines are not shipped yet.
 */
export async function loadCommuneOutlines(names: Map<string, string>): Promise<CommuneOutlines> {
  const root = path.join(PACKAGE_ROOT, 'data/geo');
  const folders = (await fs.readdir(root, { withFileTypes: true })).filter((d) => d.isDirectory() && d.name.endsWith('-wards'));
  const features: CommuneOutlines['features'] = [];
  for (const folder of folders) {
    for (const file of await fs.readdir(path.join(root, folder.name))) {
      const code = /^(\d{5})_/.exec(file)?.[1];
      if (!code || !names.has(code)) continue;
      const collection = JSON.parse(await fs.readFile(path.join(root, folder.name, file), 'utf8')) as { features: { geometry: unknown }[] };
      for (const f of collection.features) features.push({ type: 'Feature', id: code, properties: { code, name: names.get(code)! }, geometry: f.geometry });
    }
  }
  return { type: 'FeatureCollection', features };
}

export type MapShape = { code: string; name: string; d: string; cx: number; cy: number };
export type ProjectedMap = { width: number; height: number; shapes: MapShape[] };

/** Perpendicular distance of p from the segment a–b, in projected units. */
function distance(p: Position, a: Position, b: Position): number {
  const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
  const len = dx * dx + dy * dy;
  if (len === 0) return Math.hypot(p[0] - a[0], p[1] - a[1]);
  const t = Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len));
  return Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy));
}

/** Douglas–Peucker: keeps the points that move the outline by more than `tolerance`. */
function simplify(points: Position[], tolerance: number): Position[] {
  if (points.length < 4) return points;
  const keep = new Uint8Array(points.length);
  keep[0] = keep[points.length - 1] = 1;
  const stack: [number, number][] = [[0, points.length - 1]];
  while (stack.length) {
    const [first, last] = stack.pop()!;
    let index = -1;
    let max = tolerance;
    for (let i = first + 1; i < last; i++) {
      const d = distance(points[i]!, points[first]!, points[last]!);
      if (d > max) [index, max] = [i, d];
    }
    if (index > 0) {
      keep[index] = 1;
      stack.push([first, index], [index, last]);
    }
  }
  return points.filter((_, i) => keep[i]);
}

/**
 * Projects commune outlines onto an SVG canvas `width` wide (equirectangular, scaled by the cosine
 * of the middle latitude, which is exact enough for one province) and simplifies them to about a
 * pixel, so a province's map is tens of kilobytes of path data instead of megabytes of GeoJSON.
 */
export function projectOutlines(collection: CommuneOutlines, width = 640): ProjectedMap {
  const rings = collection.features.map((f) => {
    const g = f.geometry as Geometry;
    const polygons = g.type === 'Polygon' ? [g.coordinates as Position[][]] : g.type === 'MultiPolygon' ? (g.coordinates as Position[][][]) : [];
    return { f, outer: polygons.map((p) => p[0] ?? []) };
  });
  let [minLon, maxLon, minLat, maxLat] = [Infinity, -Infinity, Infinity, -Infinity];
  for (const r of rings)
    for (const ring of r.outer)
      for (const [lon, lat] of ring)
        [minLon, maxLon, minLat, maxLat] = [Math.min(minLon, lon), Math.max(maxLon, lon), Math.min(minLat, lat), Math.max(maxLat, lat)];
  if (minLon === Infinity) return { width, height: 0, shapes: [] };
  const k = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const scale = width / ((maxLon - minLon) * k);
  const height = Math.round((maxLat - minLat) * scale);
  const project = (p: Position): Position => [(p[0] - minLon) * k * scale, (maxLat - p[1]) * scale];
  const shapes = rings.map(({ f, outer }) => {
    let sx = 0;
    let sy = 0;
    let n = 0;
    const d = outer
      .map((ring) => {
        const pts = simplify(ring.map(project), 0.8);
        for (const [x, y] of pts) [sx, sy, n] = [sx + x, sy + y, n + 1];
        return `M${pts.map(([x, y]) => `${x.toFixed(1)} ${y.toFixed(1)}`).join('L')}Z`;
      })
      .join('');
    return { code: f.properties.code, name: f.properties.name, d, cx: n ? sx / n : 0, cy: n ? sy / n : 0 };
  });
  return { width, height, shapes };
}
