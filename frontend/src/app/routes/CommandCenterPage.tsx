import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useIncidents } from '../../features/incidents/api/incidents';
import { useLiveIncidents } from '../../features/incidents/api/useLiveIncidents';
import { IncidentDetail } from '../../features/incidents/components/IncidentDetail';
import { IncidentList } from '../../features/incidents/components/IncidentList';
import { CommandMap } from '../../features/map/components/CommandMap';
import { MapLegend } from '../../features/map/components/MapLegend';
import type { Session } from '../../lib/session';

/** 指挥中心: the live map with the incident queue beside it and the selected case's detail. */
export function CommandCenterPage({ session }: { session: Session }) {
  const { t } = useTranslation();
  const list = useIncidents();
  const incidents = list.data?.items ?? [];
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const connected = useLiveIncidents(session.token);

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
        {selectedId && <IncidentDetail id={selectedId} onClose={() => setSelectedId(null)} />}
        {list.isError && <div className="error">{t('errors.load')}</div>}
        <IncidentList incidents={incidents} selectedId={selectedId} onSelect={setSelectedId} />
      </div>
    </div>
  );
}
