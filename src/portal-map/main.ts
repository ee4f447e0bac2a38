/**
 * The map of `/ban-do`, drawn with Leaflet over the page's SVG map. The page is complete without
 * this script (the SVG links every commune to its products); when the script runs and the map's
 * JSON arrives, the SVG gives way to a map that pans and zooms, on the same colour scale as the
 * legend under it. Everything it shows comes from the page's data attributes (words in the page's
 * language, the optional tile layer) and from /api/v1/public/map.
 */
import 'leaflet/dist/leaflet.css';
import './map.css';
import { Browser, circleMarker, control, geoJSON, map as leafletMap, tileLayer, type Layer, type Path } from 'leaflet';
import type { PublicMap } from '../contracts/portal.js';

type Commune = PublicMap['features'][number]['properties'];

const host = document.querySelector<HTMLElement>('[data-map-src]');
if (host) void enhance(host);

async function enhance(host: HTMLElement): Promise<void> {
  const words = host.dataset;
  const data = await fetch(words.mapSrc!, { headers: { accept: 'application/json' } })
    .then((res) => (res.ok ? (res.json() as Promise<PublicMap>) : undefined))
    // Offline or refused: the SVG stays, which is the whole map anyway.
    .catch(() => undefined);
  const svg = host.querySelector('svg');
  if (!data?.features.length || !svg) return;

  const lang = document.documentElement.lang === 'en' ? 'en' : 'vi';
  const count = (n: number) => n.toLocaleString(lang === 'en' ? 'en-GB' : 'vi-VN');
  // The catalogue keeps the visitor's language as every link of the portal does (`?lang=en`).
  const inLanguage = (url: string) => (lang === 'en' ? `${url}${url.includes('?') ? '&' : '?'}lang=en` : url);
  const colour = (n: number) => (data.legend.find((c) => n <= c.max) ?? data.legend[data.legend.length - 1]!).colour;
  const tiles = words.tileUrl;

  const container = document.createElement('div');
  container.className = 'live-map';
  container.setAttribute('role', 'region');
  container.setAttribute('aria-label', words.label ?? '');
  // The province's own proportions, as the SVG had: a wide province is not lost in a tall box on a phone.
  const { width, height } = svg.viewBox.baseVal;
  if (width && height) container.style.aspectRatio = `${width} / ${height}`;
  svg.replaceWith(container);

  const map = leafletMap(container, {
    zoomControl: false,
    attributionControl: Boolean(tiles),
    // Fractional zooms fit the province snugly, but would blur raster tiles.
    zoomSnap: tiles ? 1 : 0.25,
    // The page scrolls under the wheel and, on a phone, under one finger; two fingers or the buttons zoom.
    scrollWheelZoom: false,
    dragging: !Browser.mobile,
  });
  control.zoom({ zoomInTitle: words.zoomIn ?? '+', zoomOutTitle: words.zoomOut ?? '−' }).addTo(map);
  if (tiles) {
    map.attributionControl.setPrefix(false);
    // Leaflet writes the attribution as HTML: the configured text is shown as text.
    tileLayer(tiles, { attribution: escapeHtml(words.tileAttribution ?? ''), maxZoom: 18 }).addTo(map);
  }

  let openedByKeyboard = false;
  const communes = geoJSON<Commune, GeoJSON.MultiPolygon>(data, {
    style: (f) => ({ fillColor: colour(f?.properties.products ?? 0), fillOpacity: tiles ? 0.75 : 1, color: '#fff', weight: 1 }),
    onEachFeature: (feature, layer: Layer) => {
      const c = feature.properties;
      const summary = `${c.name}: ${count(c.products)} ${words.unit ?? ''}`;
      layer.bindTooltip(element('span', summary), { sticky: true, direction: 'top' });
      layer.bindPopup(() => popup(c), { closeButton: true });
      layer.on('add', () => {
        // Each commune is reached with Tab and opened with Enter or Space, like the SVG's links.
        const path = (layer as Path).getElement() as SVGElement | undefined;
        if (!path) return;
        path.setAttribute('tabindex', '0');
        path.setAttribute('role', 'button');
        path.setAttribute('aria-label', summary);
        path.addEventListener('keydown', (e) => {
          if (e.key !== 'Enter' && e.key !== ' ') return;
          e.preventDefault();
          openedByKeyboard = true;
          layer.openPopup();
        });
      });
      layer.on('popupopen', (e) => {
        // The popup says what the tooltip said, and more: one box at a time.
        layer.closeTooltip();
        const box = e.popup.getElement();
        box?.querySelector('.leaflet-popup-close-button')?.setAttribute('aria-label', words.close ?? 'Close');
        if (openedByKeyboard) box?.querySelector<HTMLElement>('.open')?.focus();
        openedByKeyboard = false;
      });
      layer.on('popupclose', (e) => {
        // Closed from inside the popup (its button, Escape), or its removal dropped the focus: the
        // keyboard goes back to the commune. A click elsewhere on the map keeps the focus it gave.
        const focused = document.activeElement;
        if (!focused || focused === document.body || e.popup.getElement()?.contains(focused)) ((layer as Path).getElement() as SVGElement | undefined)?.focus();
      });
    },
  }).addTo(map);

  const bounds = communes.getBounds();
  // The province is the subject: no zooming out to the world and, without tiles, no closer than
  // its simplified outlines bear.
  const fit = () => {
    map.setMinZoom(0).setMaxZoom(18);
    map.fitBounds(bounds, { padding: [8, 8], animate: false });
    map.setMinZoom(map.getZoom() - 1);
    if (!tiles) map.setMaxZoom(map.getZoom() + 4);
  };
  fit();
  // The open sales points, as dots above the communes: what they are and where, with their address
  // (added once the map has its view: a marker is placed in pixels).
  for (const point of data.salesPoints) {
    const box = element('div', '');
    box.append(element('strong', point.name), element('p', [point.address, point.commune].filter(Boolean).join(', ')));
    circleMarker([point.latitude, point.longitude], { radius: 6, color: '#7a2e0e', weight: 2, fillColor: '#f59f00', fillOpacity: 0.95 })
      .bindTooltip(point.name)
      .bindPopup(box)
      .addTo(map);
  }

  map.setMaxBounds(bounds.pad(0.5));
  // The box's size settles once the stylesheets apply, and changes when a phone turns: Leaflet
  // measured it once, so it measures again and the province is fitted to the new box.
  let size = `${container.clientWidth}x${container.clientHeight}`;
  new ResizeObserver(() => {
    const now = `${container.clientWidth}x${container.clientHeight}`;
    if (now === size) return;
    size = now;
    map.invalidateSize(false);
    fit();
  }).observe(container);

  function popup(c: Commune): HTMLElement {
    const link = element('a', words.open ?? '');
    link.className = 'open';
    link.setAttribute('href', inLanguage(c.url));
    const box = element('div', '');
    box.append(element('strong', c.name), element('p', `${count(c.products)} ${words.unit ?? ''}`), link);
    // Leaflet closes a popup on Escape only while the map itself has the focus, not its link.
    box.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') map.closePopup();
    });
    return box;
  }
}

/** An element with text (never HTML: names come from the records). */
function element<K extends keyof HTMLElementTagNameMap>(tag: K, text: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  e.textContent = text;
  return e;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
