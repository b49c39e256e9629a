import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import type { FeatureCollection } from 'geojson';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { basemapStyle, drawingOrder } from '../../map/model/basemapStyle';
import { usePublicMapLayers } from '../api/residentsApi';

/** A point drawn on the residents' map: a case (by state) or the resident's pin. */
export interface MapDot {
  id: string;
  lat: number;
  lng: number;
  state: 'open' | 'closed';
  label: string;
  highlighted?: boolean;
}

interface Props {
  /** What the map is for, read by screen readers (the map itself is not the only way to do anything). */
  label: string;
  dots?: MapDot[];
  pin?: { lat: number; lng: number } | null;
  /** False draws the pin as refused (outside the district). */
  pinValid?: boolean;
  /** Moves the view to the pin when it changes (a device location, a pin placed off screen). */
  followPin?: boolean;
  onTap?: (at: { lat: number; lng: number }) => void;
  onCenterChange?: (at: { lat: number; lng: number }) => void;
  testId?: string;
}

const INITIAL_VIEW: [number, number] = [39.9, 116.4];
const STREET_STYLE: L.PathOptions = { color: '#174ea6', weight: 3, opacity: 0.9, fill: false, interactive: false };
const COMMUNITY_STYLE: L.PathOptions = { color: '#3c4043', weight: 1.5, opacity: 0.7, dashArray: '6 4', fillColor: '#1a73e8', fillOpacity: 0.04, interactive: false };
const DOT_STYLE: Record<MapDot['state'], L.CircleMarkerOptions> = {
  open: { radius: 7, color: '#ffffff', weight: 2, fillColor: '#d93025', fillOpacity: 0.95 },
  closed: { radius: 5, color: '#ffffff', weight: 1.5, fillColor: '#188038', fillOpacity: 0.85 },
};

/**
 * The residents' map, and the only component of the public pages that creates
 * a Leaflet map (removed on unmount): the configured tiles (TILE_URL) if any,
 * the offline vector basemap, street and community boundaries (fitted on first
 * load), case dots, and the resident's pin. A tap reports its position.
 */
export function ResidentMap({ label, dots = [], pin, pinValid = true, followPin = false, onTap, onCenterChange, testId = 'resident-map' }: Props) {
  const { t } = useTranslation();
  const { config, basemap, areas } = usePublicMapLayers();
  const container = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const groups = useRef<Record<'basemap' | 'areas' | 'dots' | 'pin', L.LayerGroup> | null>(null);
  const fitted = useRef(false);
  const handlers = useRef({ onTap, onCenterChange });
  handlers.current = { onTap, onCenterChange };

  useEffect(() => {
    const m = L.map(container.current!, { zoomControl: false, attributionControl: true }).setView(INITIAL_VIEW, 14);
    m.createPane('basemap').style.zIndex = '250';
    groups.current = { basemap: L.layerGroup().addTo(m), areas: L.layerGroup().addTo(m), dots: L.layerGroup().addTo(m), pin: L.layerGroup().addTo(m) };
    m.on('click', (e: L.LeafletMouseEvent) => handlers.current.onTap?.({ lat: e.latlng.lat, lng: e.latlng.lng }));
    m.on('moveend', () => {
      const c = m.getCenter();
      handlers.current.onCenterChange?.({ lat: c.lat, lng: c.lng });
    });
    map.current = m;
    return () => {
      m.remove();
      map.current = null;
      groups.current = null;
      fitted.current = false;
    };
  }, []);

  // Zoom buttons follow the language.
  useEffect(() => {
    const m = map.current;
    if (!m) return;
    const zoom = L.control.zoom({ zoomInTitle: t('layers.zoomIn'), zoomOutTitle: t('layers.zoomOut'), position: 'topright' }).addTo(m);
    return () => void zoom.remove();
  }, [t]);

  useEffect(() => {
    const m = map.current;
    if (!m || !config) return;
    if (!fitted.current && config.center) m.setView(config.center, config.zoom);
    if (!config.tileUrl) return;
    const tiles = L.tileLayer(config.tileUrl, { attribution: config.tileAttribution ?? '', maxZoom: 19 }).addTo(m);
    return () => void tiles.remove();
  }, [config]);

  useEffect(() => {
    const group = groups.current?.basemap;
    if (!group || !basemap) return;
    for (const layer of drawingOrder(basemap)) L.geoJSON(layer.features as FeatureCollection, { pane: 'basemap', interactive: false, style: () => basemapStyle(layer.id) }).addTo(group);
    return () => void group.clearLayers();
  }, [basemap]);

  useEffect(() => {
    const group = groups.current?.areas;
    if (!group || !areas) return;
    L.geoJSON(areas as FeatureCollection, {
      style: (f) => ({ ...(f?.properties?.level === 'street' ? STREET_STYLE : COMMUNITY_STYLE), className: `resident-area area-${String(f?.properties?.code ?? '')}` }),
    }).addTo(group);
    return () => void group.clearLayers();
  }, [areas]);

  // Fit once: to the district's streets and communities, or to the basemap when the district has none.
  useEffect(() => {
    if (fitted.current || !map.current || !areas) return;
    const features = areas.features.length ? areas.features : basemap?.flatMap((l) => l.features.features);
    if (!features?.length) return;
    const bounds = L.geoJSON({ type: 'FeatureCollection', features } as FeatureCollection).getBounds();
    if (!bounds.isValid()) return;
    map.current.fitBounds(bounds, { padding: [12, 12] });
    fitted.current = true;
  }, [areas, basemap]);

  useEffect(() => {
    const group = groups.current?.dots;
    if (!group) return;
    // Closed cases first, so the open ones (what still needs doing) are drawn on top.
    for (const d of [...dots].sort((a, b) => (a.state === b.state ? 0 : a.state === 'closed' ? -1 : 1))) {
      L.circleMarker([d.lat, d.lng], { ...DOT_STYLE[d.state], ...(d.highlighted ? { radius: 10, color: '#202124' } : {}), className: `report-dot report-${d.state}`, bubblingMouseEvents: false })
        .bindTooltip(d.label)
        .addTo(group);
    }
    return () => void group.clearLayers();
  }, [dots]);

  useEffect(() => {
    const group = groups.current?.pin;
    if (!group || !pin) return;
    const icon = L.divIcon({ className: `resident-pin${pinValid ? '' : ' refused'}`, html: '<span></span>', iconSize: [28, 28], iconAnchor: [14, 28] });
    L.marker([pin.lat, pin.lng], { icon, interactive: false, keyboard: false }).addTo(group);
    if (followPin && map.current && !map.current.getBounds().contains([pin.lat, pin.lng])) map.current.panTo([pin.lat, pin.lng]);
    return () => void group.clearLayers();
  }, [pin, pinValid, followPin]);

  return <div ref={container} className="resident-map" data-testid={testId} role="region" aria-label={label} />;
}
