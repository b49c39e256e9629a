import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import type { FeatureCollection } from 'geojson';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useMapLayers } from '../api/mapApi';
import { basemapStyle, drawingOrder } from '../model/basemapStyle';
import { hasPosition, type MapIncident } from '../model/mapIncident';
import { markerStyle } from '../model/markerStyle';
import { tooltipText } from '../model/tooltips';

interface Props {
  incidents: MapIncident[];
  selectedId: string | null;
  onSelect: (id: string) => void;
}

/** Where the map looks before /api/config answers. */
const INITIAL_VIEW: [number, number] = [39.9, 116.4];
const GRID_STYLE: L.PathOptions = { color: '#4285f4', weight: 1, opacity: 0.6, fillColor: '#4285f4', fillOpacity: 0.03, className: 'grid-cell' };
const COMMUNITY_STYLE: L.PathOptions = { color: '#3c4043', weight: 2, opacity: 0.7, dashArray: '6 4', fill: false, className: 'community-boundary' };

/**
 * The command map, and the only component that creates the Leaflet map (it
 * removes it on unmount). Draws the optional tile layer (TILE_URL), the offline
 * vector basemap, community boundaries, grid cells and one circle marker per
 * incident; fits the grid cells on first load.
 */
export function CommandMap({ incidents, selectedId, onSelect }: Props) {
  const { t } = useTranslation();
  const { config, basemap, communities, grids } = useMapLayers();
  const container = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const groups = useRef<Record<'basemap' | 'areas' | 'grids' | 'markers', L.LayerGroup> | null>(null);
  const markers = useRef(new Map<string, L.CircleMarker>());
  const fitted = useRef(false);
  const onSelectRef = useRef(onSelect);
  onSelectRef.current = onSelect;

  useEffect(() => {
    const m = L.map(container.current!, { zoomControl: false, attributionControl: true }).setView(INITIAL_VIEW, 14);
    m.createPane('basemap').style.zIndex = '250';
    groups.current = { basemap: L.layerGroup().addTo(m), areas: L.layerGroup().addTo(m), grids: L.layerGroup().addTo(m), markers: L.layerGroup().addTo(m) };
    map.current = m;
    const drawn = markers.current;
    return () => {
      m.remove();
      map.current = null;
      groups.current = null;
      drawn.clear();
      fitted.current = false;
    };
  }, []);

  // Zoom buttons and layer switcher; rebuilt when the language changes so their labels follow.
  useEffect(() => {
    const m = map.current;
    const g = groups.current;
    if (!m || !g) return;
    const zoom = L.control.zoom({ zoomInTitle: t('layers.zoomIn'), zoomOutTitle: t('layers.zoomOut') }).addTo(m);
    const control = L.control
      .layers(undefined, { [t('layers.basemap')]: g.basemap, [t('layers.communities')]: g.areas, [t('layers.grids')]: g.grids, [t('layers.incidents')]: g.markers }, { collapsed: true, position: 'topright' })
      .addTo(m);
    return () => {
      zoom.remove();
      control.remove();
    };
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
    for (const layer of drawingOrder(basemap)) {
      L.geoJSON(layer.features as FeatureCollection, { pane: 'basemap', interactive: false, style: () => basemapStyle(layer.id) }).addTo(group);
    }
    return () => void group.clearLayers();
  }, [basemap]);

  useEffect(() => {
    const group = groups.current?.areas;
    if (!group || !communities) return;
    L.geoJSON(communities as FeatureCollection, { interactive: false, style: COMMUNITY_STYLE }).addTo(group);
    return () => void group.clearLayers();
  }, [communities]);

  useEffect(() => {
    const group = groups.current?.grids;
    if (!group || !grids) return;
    const layer = L.geoJSON(grids as FeatureCollection, {
      style: GRID_STYLE,
      onEachFeature: (f, l) => l.bindTooltip(tooltipText(f.properties as Record<string, unknown> | null), { sticky: true, className: 'grid-tooltip' }),
    }).addTo(group);
    const bounds = layer.getBounds();
    if (!fitted.current && bounds.isValid()) {
      map.current?.fitBounds(bounds, { padding: [16, 16] });
      fitted.current = true;
    }
    return () => void group.clearLayers();
  }, [grids]);

  useEffect(() => {
    const group = groups.current?.markers;
    if (!group) return;
    const seen = new Set<string>();
    for (const incident of incidents) {
      if (!hasPosition(incident)) continue;
      seen.add(incident.id);
      const style = markerStyle(incident.status, incident.severity, incident.id === selectedId);
      const label = `${incident.code} ${incident.title}`;
      const existing = markers.current.get(incident.id);
      if (existing) {
        existing.setLatLng([incident.lat, incident.lng]).setStyle(style).setRadius(style.radius).setTooltipContent(label);
      } else {
        const marker = L.circleMarker([incident.lat, incident.lng], { ...style, className: 'incident-marker' })
          .bindTooltip(label)
          .on('click', () => onSelectRef.current(incident.id))
          .addTo(group);
        markers.current.set(incident.id, marker);
      }
    }
    for (const [id, marker] of markers.current) {
      if (!seen.has(id)) {
        marker.remove();
        markers.current.delete(id);
      }
    }
    if (selectedId) markers.current.get(selectedId)?.bringToFront();
  }, [incidents, selectedId]);

  useEffect(() => {
    const marker = selectedId ? markers.current.get(selectedId) : undefined;
    if (!marker || !map.current) return;
    map.current.panTo(marker.getLatLng());
    marker.openTooltip();
  }, [selectedId]);

  return <div ref={container} className="command-map" data-testid="command-map" />;
}
