import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Session } from '../../lib/session';
import { fetchIncidents } from '../incidents/api';
import { IncidentDetail } from '../incidents/IncidentDetail';
import { IncidentList } from '../incidents/IncidentList';
import { applyStreamEvent, sortNewestFirst } from '../incidents/model/liveIncidents';
import type { IncidentView, StreamEvent } from '../incidents/model/types';
import { useEventStream } from '../live/useEventStream';
import { CommandMap } from './CommandMap';

/** 指挥中心: the live map with the incident queue beside it and the selected case's detail. */
export function CommandCenterPage({ session }: { session: Session }) {
  const { t } = useTranslation();
  const [incidents, setIncidents] = useState<IncidentView[]>([]);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [refreshKey, setRefreshKey] = useState(0);

  useEffect(() => {
    fetchIncidents()
      .then((r) => setIncidents((live) => sortNewestFirst(mergeById(r.items, live))))
      .catch(() => undefined);
  }, []);

  const onEvent = useCallback((e: StreamEvent) => {
    setIncidents((list) => applyStreamEvent(list, e));
    setRefreshKey((k) => k + 1);
  }, []);
  const connected = useEventStream(session.token, onEvent);

  return (
    <div className="command-center">
      <div className="map-wrap">
        <CommandMap incidents={incidents} selectedId={selectedId} onSelect={setSelectedId} />
        <span className={`live-badge ${connected ? 'on' : 'off'}`}>{connected ? t('map.live') : t('map.offline')}</span>
      </div>
      <div className="side">
        {selectedId && (
          <IncidentDetail
            id={selectedId}
            refreshKey={refreshKey}
            onClose={() => setSelectedId(null)}
            onChanged={(i) => setIncidents((list) => list.map((x) => (x.id === i.id ? { ...x, ...i } : x)))}
          />
        )}
        <IncidentList incidents={incidents} selectedId={selectedId} onSelect={setSelectedId} />
      </div>
    </div>
  );
}

/** Loaded items, with any newer live entries that arrived while loading kept on top. */
function mergeById(loaded: IncidentView[], live: IncidentView[]): IncidentView[] {
  const byId = new Map(loaded.map((i) => [i.id, i]));
  for (const l of live) byId.set(l.id, { ...byId.get(l.id), ...l });
  return [...byId.values()];
}
