/**
 * The map of the sales point editor, loaded with Leaflet only when the editor opens (a chunk of its
 * own, like the public map's script). It draws the province's communes from the shipped outlines:
 * no tile server is called.
 */
import 'leaflet/dist/leaflet.css';
import './location-map.css';
import {
  Browser,
  divIcon,
  geoJSON,
  map as leafletMap,
  marker,
  type GeoJSON as CommuneLayers,
  type Map as LeafletMap,
  type Marker,
  type Polygon,
} from 'leaflet';
import { useEffect, useRef } from 'react';
import type { CommuneOutlines } from '../../../lib/reference.js';

export type Coordinates = { latitude: number; longitude: number };

/** Six decimals: about ten centimetres, more than a click on the map can tell. */
const round = (n: number) => Math.round(n * 1e6) / 1e6;

const PIN = divIcon({ className: 'location-map-pin', html: '<span></span>', iconSize: [26, 26], iconAnchor: [13, 26] });

type LocationMapProps = {
  outlines: CommuneOutlines;
  /** The commune chosen in the form: the map shows it, where the point is to be clicked. */
  communeCode: string | null;
  value: Coordinates | null;
  onChange: (value: Coordinates) => void;
  /** The map's name for screen readers, and the pin's. */
  label: string;
  pinLabel: string;
};

/** A click sets the point, the pin can be dragged; the number inputs beside it are the keyboard's way. */
export function LocationMap({ outlines, communeCode, value, onChange, label, pinLabel }: LocationMapProps) {
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<LeafletMap | null>(null);
  const pinRef = useRef<Marker | null>(null);
  const communesRef = useRef<CommuneLayers | null>(null);
  const onChangeRef = useRef(onChange);
  useEffect(() => {
    onChangeRef.current = onChange;
  });

  // One map per mount: the parent remounts this component when the province drawn changes.
  useEffect(() => {
    const element = container.current!;
    const map = leafletMap(element, { attributionControl: false, zoomSnap: 0.25, scrollWheelZoom: false, dragging: !Browser.mobile });
    const communes = geoJSON(outlines as unknown as GeoJSON.FeatureCollection, {
      style: { color: '#8aa39c', weight: 1, fillColor: '#e7f6f2', fillOpacity: 1 },
      onEachFeature: (feature, layer) => {
        const name = (feature.properties as { name?: unknown } | null)?.name;
        if (typeof name === 'string') layer.bindTooltip(name, { sticky: true, direction: 'top' });
      },
    }).addTo(map);
    const bounds = communes.getBounds();
    map.fitBounds(bounds, { padding: [8, 8], animate: false });
    // The province is the subject: a little room around it, and no closer than its outlines bear.
    map.setMinZoom(map.getZoom() - 1).setMaxZoom(map.getZoom() + 6);
    map.setMaxBounds(bounds.pad(0.5));
    map.on('click', (event) => onChangeRef.current({ latitude: round(event.latlng.lat), longitude: round(event.latlng.lng) }));
    mapRef.current = map;
    communesRef.current = communes;
    // Leaflet measures its box once; the box settles after the page's styles apply and changes when a phone turns.
    const resize = new ResizeObserver(() => map.invalidateSize(false));
    resize.observe(element);
    return () => {
      resize.disconnect();
      map.remove();
      mapRef.current = null;
      pinRef.current = null;
      communesRef.current = null;
    };
  }, [outlines]);

  useEffect(() => {
    const map = mapRef.current;
    const communes = (communesRef.current?.getLayers() ?? []) as Polygon[];
    const commune = communes.find((layer) => (layer.feature?.properties as { code?: unknown } | undefined)?.code === communeCode);
    if (map && commune) map.fitBounds(commune.getBounds(), { padding: [16, 16], maxZoom: map.getMaxZoom() - 2 });
  }, [communeCode]);

  const latitude = value?.latitude;
  const longitude = value?.longitude;
  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    if (latitude === undefined || longitude === undefined) {
      pinRef.current?.remove();
      pinRef.current = null;
      return;
    }
    if (pinRef.current) {
      pinRef.current.setLatLng([latitude, longitude]);
      return;
    }
    const pin = marker([latitude, longitude], { icon: PIN, draggable: true, autoPan: true, title: pinLabel, alt: pinLabel }).addTo(map);
    pin.on('dragend', () => {
      const at = pin.getLatLng();
      onChangeRef.current({ latitude: round(at.lat), longitude: round(at.lng) });
    });
    pinRef.current = pin;
  }, [latitude, longitude, pinLabel]);

  return <div ref={container} className="location-map" role="region" aria-label={label} />;
}
