import type { Motif } from './demo-catalogue.js';
import { loadSharp } from '../lib/on-first-use.js';

/**
 * Pictures for the demo's products, drawn rather than downloaded: a soft gradient and a simple shape
 * of what the product is (a lotus, a mango, a dried fish, a bottle…), as a 640×480 JPEG like a phone
 * photo. The product's name picks the shades, so the same product always gets the same picture.
 */

const W = 640;
const H = 480;

type Palette = { from: string; to: string; main: string; accent: string; leaf: string };

const PALETTES: Record<Motif, Palette> = {
  lotus: { from: '#fde2ec', to: '#cfe8d4', main: '#f28cb1', accent: '#fff4f8', leaf: '#4f9a5b' },
  mango: { from: '#fff3c4', to: '#ffd27f', main: '#f6a623', accent: '#ffe08a', leaf: '#5c9e3f' },
  citrus: { from: '#fff0dc', to: '#ffc9a3', main: '#f5772a', accent: '#ffb37a', leaf: '#3f8f4a' },
  fish: { from: '#e4f1f7', to: '#b9d8e6', main: '#b07a4a', accent: '#e0b48a', leaf: '#7a5232' },
  rice: { from: '#f7f2e4', to: '#dfe9c8', main: '#f2ead3', accent: '#c9a96e', leaf: '#7aa351' },
  honey: { from: '#fff6da', to: '#f7cf7a', main: '#e6a11c', accent: '#ffd66e', leaf: '#9a6a12' },
  tea: { from: '#eef6e6', to: '#c5e0b4', main: '#ffffff', accent: '#a4c98a', leaf: '#3f7f3a' },
  cake: { from: '#fff4e6', to: '#f3d9b8', main: '#f5e6c8', accent: '#e2b676', leaf: '#c98b4a' },
  flower: { from: '#fdeef4', to: '#e6dcf5', main: '#e4508a', accent: '#ffd1e1', leaf: '#4c9a5a' },
  bottle: { from: '#eef3f8', to: '#d3e2ef', main: '#8fbf73', accent: '#ffffff', leaf: '#4f7f3a' },
  fruit: { from: '#f4f8e4', to: '#d8ebb5', main: '#d6336c', accent: '#8bc34a', leaf: '#3f7f3a' },
  craft: { from: '#f6efe3', to: '#e2d1b3', main: '#c9a46a', accent: '#a77b3f', leaf: '#8a6a3a' },
  landscape: { from: '#d9efff', to: '#fff6d6', main: '#6fb26c', accent: '#ffd166', leaf: '#3d8bd1' },
  jar: { from: '#f9f1e7', to: '#ead7c3', main: '#f3e1c7', accent: '#b5651d', leaf: '#7a4a1f' },
};

/** FNV-1a: a small stable number from the product's name. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (const ch of text) h = Math.imul(h ^ ch.codePointAt(0)!, 0x01000193) >>> 0;
  return h;
}

function shade(hex: string, amount: number): string {
  const n = parseInt(hex.slice(1), 16);
  const f = (c: number) => Math.max(0, Math.min(255, Math.round(c + amount)));
  return `#${[f(n >> 16), f((n >> 8) & 255), f(n & 255)].map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}

const petals = (cx: number, cy: number, n: number, rx: number, ry: number, fill: string, turn = 0) =>
  Array.from(
    { length: n },
    (_, i) => `<ellipse cx="${cx}" cy="${cy - ry}" rx="${rx}" ry="${ry}" fill="${fill}" transform="rotate(${turn + (360 / n) * i} ${cx} ${cy})"/>`,
  ).join('');

function drawing(motif: Motif, p: Palette, v: number): string {
  const cx = W / 2 + ((v % 41) - 20);
  const cy = H / 2 + 20;
  switch (motif) {
    case 'lotus':
      return `<circle cx="${cx + 90}" cy="${cy + 40}" r="120" fill="${p.leaf}" opacity="0.85"/>${petals(cx, cy, 8, 34, 80, p.main, 22)}${petals(cx, cy, 6, 26, 58, shade(p.main, 25))}<circle cx="${cx}" cy="${cy}" r="26" fill="#f6d55c"/>`;
    case 'mango':
      return `<ellipse cx="${cx}" cy="${cy}" rx="150" ry="105" fill="${p.main}" transform="rotate(-18 ${cx} ${cy})"/><ellipse cx="${cx - 40}" cy="${cy - 35}" rx="60" ry="28" fill="${p.accent}" opacity="0.7" transform="rotate(-18 ${cx} ${cy})"/><ellipse cx="${cx + 120}" cy="${cy - 110}" rx="55" ry="20" fill="${p.leaf}" transform="rotate(-35 ${cx + 120} ${cy - 110})"/>`;
    case 'citrus':
      return `<circle cx="${cx - 70}" cy="${cy + 10}" r="105" fill="${p.main}"/><circle cx="${cx + 85}" cy="${cy + 30}" r="90" fill="${shade(p.main, 18)}"/><circle cx="${cx - 100}" cy="${cy - 25}" r="30" fill="${p.accent}" opacity="0.6"/><ellipse cx="${cx - 40}" cy="${cy - 105}" rx="48" ry="18" fill="${p.leaf}" transform="rotate(-25 ${cx - 40} ${cy - 105})"/>`;
    case 'fish':
      return `<ellipse cx="${cx}" cy="${cy}" rx="170" ry="62" fill="${p.main}"/><polygon points="${cx + 150},${cy} ${cx + 240},${cy - 60} ${cx + 240},${cy + 60}" fill="${shade(p.main, -20)}"/><ellipse cx="${cx - 20}" cy="${cy - 15}" rx="110" ry="22" fill="${p.accent}" opacity="0.55"/><circle cx="${cx - 120}" cy="${cy - 12}" r="10" fill="#3b2a1a"/>`;
    case 'rice':
      return `<rect x="${cx - 120}" y="${cy - 130}" width="240" height="260" rx="40" fill="${p.main}" stroke="${p.accent}" stroke-width="8"/><rect x="${cx - 120}" y="${cy - 20}" width="240" height="60" fill="${p.leaf}" opacity="0.8"/>${Array.from({ length: 9 }, (_, i) => `<ellipse cx="${cx - 80 + (i % 3) * 80}" cy="${cy - 90 + Math.floor(i / 3) * 25}" rx="9" ry="5" fill="${p.accent}"/>`).join('')}`;
    case 'honey':
      return `<rect x="${cx - 90}" y="${cy - 110}" width="180" height="230" rx="30" fill="${p.main}" opacity="0.95"/><rect x="${cx - 70}" y="${cy - 140}" width="140" height="40" rx="10" fill="${p.leaf}"/><rect x="${cx - 90}" y="${cy - 10}" width="180" height="60" fill="${p.accent}"/>${[0, 1, 2].map((i) => `<polygon points="${hexagon(cx + 150, cy - 60 + i * 70, 34)}" fill="${shade(p.main, 20 - i * 10)}"/>`).join('')}`;
    case 'tea':
      return `<rect x="${cx - 110}" y="${cy - 40}" width="200" height="150" rx="30" fill="${p.main}"/><circle cx="${cx + 105}" cy="${cy + 30}" r="38" fill="none" stroke="${p.main}" stroke-width="18"/><ellipse cx="${cx - 10}" cy="${cy - 40}" rx="100" ry="18" fill="${p.accent}"/>${petals(cx - 150, cy - 120, 3, 22, 50, p.leaf, 30)}`;
    case 'cake':
      return [0, 1, 2, 3]
        .map(
          (i) =>
            `<ellipse cx="${cx}" cy="${cy + 80 - i * 45}" rx="${150 - i * 12}" ry="46" fill="${i % 2 ? p.main : p.accent}" stroke="${p.leaf}" stroke-width="4"/>`,
        )
        .join('');
    case 'flower':
      return `<rect x="${cx - 70}" y="${cy + 60}" width="140" height="110" rx="18" fill="${p.leaf}"/>${petals(cx, cy - 30, 10, 30, 70, p.main)}${petals(cx, cy - 30, 10, 20, 45, p.accent, 18)}<circle cx="${cx}" cy="${cy - 30}" r="22" fill="#ffd43b"/>`;
    case 'bottle':
      return `<rect x="${cx - 70}" y="${cy - 90}" width="140" height="230" rx="28" fill="${p.main}"/><rect x="${cx - 28}" y="${cy - 170}" width="56" height="90" rx="10" fill="${shade(p.main, -15)}"/><rect x="${cx - 70}" y="${cy - 20}" width="140" height="80" fill="${p.accent}" opacity="0.9"/><rect x="${cx - 34}" y="${cy - 185}" width="68" height="24" rx="6" fill="${p.leaf}"/>`;
    case 'fruit':
      return `<circle cx="${cx}" cy="${cy}" r="120" fill="${p.main}"/><circle cx="${cx - 40}" cy="${cy - 40}" r="35" fill="#ffffff" opacity="0.25"/>${petals(cx, cy - 120, 4, 16, 40, p.accent, 45)}`;
    case 'craft':
      return `<rect x="${cx - 150}" y="${cy - 120}" width="300" height="240" rx="20" fill="${p.main}"/>${Array.from({ length: 6 }, (_, i) => `<rect x="${cx - 150}" y="${cy - 110 + i * 40}" width="300" height="16" fill="${p.accent}" opacity="0.7"/><rect x="${cx - 140 + i * 50}" y="${cy - 120}" width="16" height="240" fill="${p.leaf}" opacity="0.45"/>`).join('')}`;
    case 'landscape':
      return `<circle cx="${cx + 170}" cy="${110}" r="50" fill="${p.accent}"/><path d="M0 ${cy + 30} Q ${W / 4} ${cy - 40} ${W / 2} ${cy + 20} T ${W} ${cy} V ${H} H 0 Z" fill="${p.main}"/><path d="M0 ${cy + 110} Q ${W / 4} ${cy + 80} ${W / 2} ${cy + 110} T ${W} ${cy + 100} V ${H} H 0 Z" fill="${p.leaf}" opacity="0.85"/>`;
    case 'jar':
      return `<rect x="${cx - 100}" y="${cy - 100}" width="200" height="220" rx="40" fill="${p.main}" stroke="${shade(p.main, -30)}" stroke-width="6"/><rect x="${cx - 80}" y="${cy - 135}" width="160" height="45" rx="12" fill="${p.accent}"/><rect x="${cx - 100}" y="${cy - 10}" width="200" height="70" fill="${p.leaf}" opacity="0.8"/>`;
  }
}

function hexagon(cx: number, cy: number, r: number): string {
  return Array.from({ length: 6 }, (_, i) => {
    const a = (Math.PI / 3) * i;
    return `${(cx + r * Math.cos(a)).toFixed(1)},${(cy + r * Math.sin(a)).toFixed(1)}`;
  }).join(' ');
}

export async function demoPhoto(motif: Motif, name: string): Promise<Buffer> {
  const v = hash(name);
  const p = PALETTES[motif];
  const tilt = (v >> 8) % 2 ? '1' : '0';
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">
<defs><linearGradient id="bg" x1="0" y1="0" x2="${tilt}" y2="1"><stop offset="0" stop-color="${shade(p.from, (v % 13) - 6)}"/><stop offset="1" stop-color="${shade(p.to, ((v >> 4) % 13) - 6)}"/></linearGradient>
<radialGradient id="light" cx="0.5" cy="0.55" r="0.6"><stop offset="0" stop-color="#ffffff" stop-opacity="0.55"/><stop offset="1" stop-color="#ffffff" stop-opacity="0"/></radialGradient></defs>
<rect width="${W}" height="${H}" fill="url(#bg)"/><rect width="${W}" height="${H}" fill="url(#light)"/>
<ellipse cx="${W / 2}" cy="${H - 70}" rx="230" ry="34" fill="#000000" opacity="0.08"/>
${drawing(motif, p, v)}
</svg>`;
  return loadSharp()(Buffer.from(svg)).jpeg({ quality: 82 }).toBuffer();
}
