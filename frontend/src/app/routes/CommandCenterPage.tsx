import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchIncident, fetchIncidents } from '../../features/incidents/api/incidents';
import { IncidentDetail } from '../../features/incidents/components/IncidentDetail';
import { IncidentList } from '../../features/incidents/components/IncidentList';
import { applyStreamEvent, mergeFetched, mergeLoaded } from '../../features/incidents/model/liveIncidents';
import type { IncidentView } from '../../features/incidents/model/types';
import { useEventStream } from '../../features/live/api/useEventStream';
import type { StreamEvent } from '../../features/live/model/streamEvent';
import { CommandMap } from '../../features/map/components/CommandMap';
import { MapLegend } from '../../features/map/components/MapLegend';
import type { Session } from '../../lib/session';

/** 指挥中心: the live map with the incident queue beside it and the selected case's detail. */
export function CommandCenterPage({ session }: { session: Session }) {
  const { t } = useTranslation();
  const [incidents, setIncidents] = useState<IncidentView[]>([]);
  const [loadFailed, setLoadFailed] = useState(false);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [detailVersion, setDetailVersion] = useState(0);
  const selected = useRef<string | null>(null);
  selected.current = selectedId;

  useEffect(() => {
    fetchIncidents().then(
      (r) => setIncidents((live) => mergeLoaded(r.items, live)),
      () => setLoadFailed(true),
    );
  }, []);

  const onEvent = useCallback((e: StreamEvent) => {
    setIncidents((list) => applyStreamEvent(list, e));
    // The event's summary has no deadline clock: fetch the case's view for the badge.
    if (e.type.startsWith('incident.') && e.aggregateId) {
      fetchIncident(e.aggregateId).then(
        (view) => setIncidents((list) => mergeFetched(list, view)),
        () => undefined,
      );
    }
    if (e.aggregateId === selected.current) setDetailVersion((k) => k + 1);
  }, []);
  const connected = useEventStream(session.token, onEvent);
  const onChanged = useCallback((i: IncidentView) => setIncidents((list) => list.map((x) => (x.id === i.id ? { ...x, ...i } : x))), []);

  return (
    <div className="command-center">
      <div className="map-wrap">
        <CommandMap incidents={incidents} selectedId={selectedId} onSelect={setSelectedId} />
        <span className={`live-badge ${connected ? 'on' : 'off'}`} data-testid="live-badge">
          {connected ? t('map.live') : t('map.offline')}
        </span>
        <MapLegend />
      </div>
      <div className="side">
        {selectedId && <IncidentDetail id={selectedId} refreshKey={detailVersion} onClose={() => setSelectedId(null)} onChanged={onChanged} />}
        {loadFailed && <div className="error">{t('errors.load')}</div>}
        <IncidentList incidents={incidents} selectedId={selectedId} onSelect={setSelectedId} />
      </div>
    </div>
  );
}
