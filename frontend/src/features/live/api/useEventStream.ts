import { useEffect, useRef, useState } from 'react';
import type { StreamEvent } from '@onegrid/backend/contracts';
import { INCIDENT_EVENT_TYPES } from '@onegrid/backend/contracts/names';
import { parseStreamEvent } from '../model/streamEvent';

/**
 * Subscribes to `/api/stream` (Server-Sent Events) with the session token.
 * EventSource reconnects by itself and sends Last-Event-ID, so the backend
 * replays what was missed; `onReconnect` runs on every open after the first.
 * Returns whether the stream is connected.
 */
export function useEventStream(token: string, onEvent: (e: StreamEvent) => void, onReconnect?: () => void): boolean {
  const [connected, setConnected] = useState(false);
  const handler = useRef(onEvent);
  const reconnected = useRef(onReconnect);
  useEffect(() => {
    handler.current = onEvent;
    reconnected.current = onReconnect;
  });
  useEffect(() => {
    let opens = 0;
    const source = new EventSource(`/api/stream?access_token=${encodeURIComponent(token)}`);
    const handle = (msg: MessageEvent<string>) => {
      const event = parseStreamEvent(msg.data);
      if (event) handler.current(event);
    };
    source.onopen = () => {
      setConnected(true);
      if (opens++ > 0) reconnected.current?.();
    };
    source.onerror = () => setConnected(source.readyState === EventSource.OPEN);
    source.onmessage = handle;
    for (const type of INCIDENT_EVENT_TYPES) source.addEventListener(type, handle as EventListener);
    return () => {
      source.close();
      setConnected(false);
    };
  }, [token]);
  return connected;
}
