import { useEffect, useRef, useState } from 'react';
import { INCIDENT_EVENT_TYPES, parseStreamEvent, type StreamEvent } from '../model/streamEvent';

/**
 * Subscribes to `/api/stream` (Server-Sent Events) with the session token.
 * EventSource reconnects by itself and sends Last-Event-ID, so the backend
 * replays what was missed. Returns whether the stream is connected.
 */
export function useEventStream(token: string, onEvent: (e: StreamEvent) => void): boolean {
  const [connected, setConnected] = useState(false);
  const handler = useRef(onEvent);
  handler.current = onEvent;
  useEffect(() => {
    const source = new EventSource(`/api/stream?access_token=${encodeURIComponent(token)}`);
    const handle = (msg: MessageEvent<string>) => {
      const event = parseStreamEvent(msg.data);
      if (event) handler.current(event);
    };
    source.onopen = () => setConnected(true);
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
