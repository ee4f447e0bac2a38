import { describe, expect, it } from 'vitest';
import { projectOutlines, simplifyOutlines, type CommuneOutlines } from './commune-outlines.js';

/** A wavy ring of `n` points around (lon, lat), closed as GeoJSON rings are. */
function ring(lon: number, lat: number, radius: number, n: number): [number, number][] {
  const points = Array.from({ length: n }, (_, i): [number, number] => {
    const a = (2 * Math.PI * i) / n;
    const r = radius * (1 + 0.05 * Math.sin(7 * a));
    return [lon + r * Math.cos(a), lat + r * Math.sin(a)];
  });
  return [...points, points[0]!];
}

const outlines: CommuneOutlines = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', id: '00001', properties: { code: '00001', name: 'Một' }, geometry: { type: 'Polygon', coordinates: [ring(105.6, 10.5, 0.2, 500)] } },
    {
      type: 'Feature',
      id: '00002',
      properties: { code: '00002', name: 'Hai' },
      // A commune with an island far smaller than a pixel of the province's map.
      geometry: { type: 'MultiPolygon', coordinates: [[ring(106.1, 10.4, 0.15, 300)], [ring(106.4, 10.2, 0.0002, 12)]] },
    },
  ],
};

describe('commune outlines for the maps', () => {
  it('keeps for the GeoJSON exactly the points the SVG keeps, in longitude and latitude to 4 decimals', () => {
    const svg = projectOutlines(outlines);
    const geo = simplifyOutlines(outlines);
    expect(geo.map((c) => c.code)).toEqual(['00001', '00002']);
    const svgRings = svg.shapes.map((s) =>
      s.d
        .split('M')
        .filter(Boolean)
        .map((r) => r.split('L').length),
    );
    expect(svgRings[0]![0]).toBeLessThan(100); // 501 points simplified
    expect(geo[0]!.coordinates.map(([r]) => r!.length)).toEqual(svgRings[0]);
    // The island collapses below a triangle: the SVG draws a speck, GeoJSON has no such ring.
    expect(svgRings[1]).toHaveLength(2);
    expect(geo[1]!.coordinates.map(([r]) => r!.length)).toEqual([svgRings[1]![0]]);
    for (const { coordinates } of geo)
      for (const [r] of coordinates) {
        expect(r![0]).toEqual(r!.at(-1));
        for (const [lon, lat] of r!) expect([lon, lat].map((v) => Math.round(v * 1e4) / 1e4)).toEqual([lon, lat]);
      }
  });

  it('draws nothing for a province without outlines', () => {
    const empty: CommuneOutlines = { type: 'FeatureCollection', features: [] };
    expect(projectOutlines(empty).shapes).toEqual([]);
    expect(simplifyOutlines(empty)).toEqual([]);
  });
});
