import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { useEffect, useRef } from 'react';
import type { IncidentView } from '../incidents/model/types';
import { fetchBasemap, fetchCommunities, fetchConfig, fetchGrids } from './api';
import { basemapStyle, markerStyle } from './model/markerStyle';

interface Props {
  incidents: IncidentView[];
  selectedId: string | null;
  onSelect: (id: string) => void;
}

/**
 * The command map: the only component that creates the Leaflet map (and
 * removes it on unmount). Offline vector basemap, optional tile layer
 * (TILE_URL), community boundaries, grid cells, and one circle marker per incident.
 */
export function CommandMap({ incidents, selectedId, onSelect }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const markers = useRef(new Map<string, L.CircleMarker>());
  const markerLayer = useRef<L.LayerGroup | null>(null);
  const onSelectRef = useRef(onSelect);
  onSelectRef.current = onSelect;

  useEffect(() => {
    const m = L.map(container.current!, { zoomControl: true, preferCanvas: false }).setView([30.27, 120.15], 14);
    map.current = m;
    m.createPane('basemap').style.zIndex = '250';
    markerLayer.current = L.layerGroup().addTo(m);
    let cancelled = false;
    void (async () => {
      const [config, basemap, communities, grids] = await Promise.all([fetchConfig(), fetchBasemap().catch(() => ({ layers: [] })), fetchCommunities().catch(() => null), fetchGrids()]);
      if (cancelled) return;
      if (config.tileUrl) L.tileLayer(config.tileUrl, { attribution: config.tileAttribution ?? '', maxZoom: 19 }).addTo(m);
      for (const layer of basemap.layers) {
        L.geoJSON(layer.features as never, { pane: 'basemap', interactive: false, style: () => basemapStyle(layer.id) }).addTo(m);
      }
      if (communities) L.geoJSON(communities as never, { interactive: false, style: { color: '#5f6368', weight: 2, dashArray: '6 4', fill: false } }).addTo(m);
      const gridLayer = L.geoJSON(grids as never, {
        style: { color: '#1a73e8', weight: 1, opacity: 0.6, fillOpacity: 0.04, className: 'grid-cell' },
        onEachFeature: (f, l) => l.bindTooltip(`${String(f.properties?.name ?? '')} ${String(f.properties?.code ?? '')}`, { sticky: true }),
      }).addTo(m);
      const bounds = gridLayer.getBounds();
      if (bounds.isValid()) m.fitBounds(bounds, { padding: [20, 20] });
      else if (config.center) m.setView(config.center, config.zoom);
    })();
    return () => {
      cancelled = true;
      m.remove();
      map.current = null;
      markers.current.clear();
    };
  }, []);

  useEffect(() => {
    const layer = markerLayer.current;
    if (!layer) return;
    const seen = new Set<string>();
    for (const incident of incidents) {
      seen.add(incident.id);
      const style = markerStyle(incident.status, incident.severity);
      const existing = markers.current.get(incident.id);
      if (existing) {
        existing.setLatLng([incident.lat, incident.lng]).setStyle(style);
        existing.setTooltipContent(`${incident.code} ${incident.title}`);
      } else {
        const marker = L.circleMarker([incident.lat, incident.lng], { ...style, className: 'incident-marker' })
          .bindTooltip(`${incident.code} ${incident.title}`)
          .on('click', () => onSelectRef.current(incident.id))
          .addTo(layer);
        markers.current.set(incident.id, marker);
      }
    }
    for (const [id, marker] of markers.current) {
      if (!seen.has(id)) {
        marker.remove();
        markers.current.delete(id);
      }
    }
  }, [incidents]);

  useEffect(() => {
    if (!selectedId || !map.current) return;
    const marker = markers.current.get(selectedId);
    if (marker) {
      map.current.panTo(marker.getLatLng());
      marker.openTooltip();
    }
  }, [selectedId]);

  return <div ref={container} className="command-map" data-testid="command-map" />;
}
