import { useEffect, useState } from 'react';
import type { StreamEvent } from '../incidents/model/types';

/**
 * Subscribes to /api/stream (Server-Sent Events) with the session token;
 * EventSource reconnects by itself and sends Last-Event-ID, so nothing is
 * missed. Returns whether the stream is connected.
 */
export function useEventStream(token: string, onEvent: (e: StreamEvent) => void): boolean {
  const [connected, setConnected] = useState(false);
  useEffect(() => {
    const source = new EventSource(`/api/stream?access_token=${encodeURIComponent(token)}`);
    const handle = (msg: MessageEvent<string>) => {
      try {
        onEvent(JSON.parse(msg.data) as StreamEvent);
      } catch {
        // a malformed frame is skipped; the next one may be fine
      }
    };
    source.onopen = () => setConnected(true);
    source.onerror = () => setConnected(false);
    source.onmessage = handle;
    const types = ['reported', 'accepted', 'rejected', 'dispatched', 'started', 'returned', 'postponement_requested', 'postponement_approved', 'postponement_denied', 'suspended', 'resolved', 'verifying', 'verified', 'closed', 'reopened', 'evaluated', 'merged', 'unmerged', 'supervised', 'replied', 'deadline_warning', 'deadline_breached', 'escalated', 'acknowledged'];
    for (const t of types) source.addEventListener(`incident.${t}`, handle as EventListener);
    return () => source.close();
  }, [token]);
  return connected;
}
