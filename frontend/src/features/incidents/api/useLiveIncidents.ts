import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { IncidentPage, StreamEvent } from '@onegrid/backend/contracts';
import { queryKeys } from '../../../lib/queryClient';
import { useEventStream } from '../../live/api/useEventStream';
import { applyStreamEvent } from '../model/liveIncidents';

/**
 * Keeps the cached incident list current from the live stream without a
 * request per event: each incident event carries the case's list view. The
 * open case's detail (timeline) is refetched only when its own case changed.
 * After a reconnect the list is loaded again once (the events missed meanwhile
 * are replayed without views). Returns whether the stream is connected.
 */
export function useLiveIncidents(token: string): boolean {
  const client = useQueryClient();
  const onEvent = useCallback(
    (event: StreamEvent) => {
      if (!event.type.startsWith('incident.')) return;
      const page = client.getQueryData<IncidentPage>(queryKeys.incidentList);
      const next = page && applyStreamEvent(page, event);
      if (next) client.setQueryData(queryKeys.incidentList, next);
      void client.invalidateQueries({ queryKey: queryKeys.incident(event.aggregateId), refetchType: 'active' });
    },
    [client],
  );
  const onReconnect = useCallback(() => void client.invalidateQueries({ queryKey: queryKeys.incidentList }), [client]);
  return useEventStream(token, onEvent, onReconnect);
}
