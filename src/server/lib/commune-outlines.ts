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

/** The canvas a province is drawn on, and the tolerance its outlines are simplified to, in canvas units. */
export const MAP_WIDTH = 640;
const TOLERANCE = 0.8;

/** Each commune's outer rings (holes are dropped: a province-wide map shows none). */
function outerRings(collection: CommuneOutlines) {
  return collection.features.map((f) => {
    const g = f.geometry as Geometry;
    const polygons = g.type === 'Polygon' ? [g.coordinates as Position[][]] : g.type === 'MultiPolygon' ? (g.coordinates as Position[][][]) : [];
    return { f, outer: polygons.map((p) => p[0] ?? []) };
  });
}

/**
 * Equirectangular projection onto a canvas `width` wide, scaled by the cosine of the middle
 * latitude, which is exact enough for one province; undefined when there is nothing to draw.
 */
function frameOf(rings: Position[][], width: number) {
  let [minLon, maxLon, minLat, maxLat] = [Infinity, -Infinity, Infinity, -Infinity];
  for (const ring of rings)
    for (const [lon, lat] of ring)
      [minLon, maxLon, minLat, maxLat] = [Math.min(minLon, lon), Math.max(maxLon, lon), Math.min(minLat, lat), Math.max(maxLat, lat)];
  if (minLon === Infinity) return undefined;
  const k = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const scale = width / ((maxLon - minLon) * k);
  return {
    height: Math.round((maxLat - minLat) * scale),
    project: (p: Position): Position => [(p[0] - minLon) * k * scale, (maxLat - p[1]) * scale],
    unproject: (p: Position): Position => [p[0] / (k * scale) + minLon, maxLat - p[1] / scale],
  };
}

/**
 * Projects commune outlines onto an SVG canvas `width` wide and simplifies them to about a pixel,
 * so a province's map is tens of kilobytes of path data instead of megabytes of GeoJSON.
 */
export function projectOutlines(collection: CommuneOutlines, width = MAP_WIDTH): ProjectedMap {
  const rings = outerRings(collection);
  const frame = frameOf(
    rings.flatMap((r) => r.outer),
    width,
  );
  if (!frame) return { width, height: 0, shapes: [] };
  const shapes = rings.map(({ f, outer }) => {
    let sx = 0;
    let sy = 0;
    let n = 0;
    const d = outer
      .map((ring) => {
        const pts = simplify(ring.map(frame.project), TOLERANCE);
        for (const [x, y] of pts) [sx, sy, n] = [sx + x, sy + y, n + 1];
        return `M${pts.map(([x, y]) => `${x.toFixed(1)} ${y.toFixed(1)}`).join('L')}Z`;
      })
      .join('');
    return { code: f.properties.code, name: f.properties.name, d, cx: n ? sx / n : 0, cy: n ? sy / n : 0 };
  });
  return { width, height: frame.height, shapes };
}

export type SimplifiedOutline = { code: string; name: string; coordinates: Position[][][] };

/**
 * The same outlines in longitude and latitude for a map library, simplified exactly as the SVG is
 * (the same points survive), with coordinates to 4 decimals (about 11 m, a twentieth of the
 * tolerance). Rings that collapse below a triangle are dropped: GeoJSON refuses them and at this
 * tolerance they are invisible.
 */
export function simplifyOutlines(collection: CommuneOutlines, width = MAP_WIDTH): SimplifiedOutline[] {
  const rings = outerRings(collection);
  const frame = frameOf(
    rings.flatMap((r) => r.outer),
    width,
  );
  if (!frame) return [];
  const round = (v: number) => Math.round(v * 1e4) / 1e4;
  return rings.map(({ f, outer }) => ({
    code: f.properties.code,
    name: f.properties.name,
    coordinates: outer
      .map((ring) => simplify(ring.map(frame.project), TOLERANCE).map((p): Position => frame.unproject(p).map(round) as Position))
      .filter((ring) => ring.length >= 4)
      .map((ring) => [ring]),
  }));
}
