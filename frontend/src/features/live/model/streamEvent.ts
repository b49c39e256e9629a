import type { StreamEvent } from '@onegrid/backend/contracts';

/** Parses one frame's data; `null` for a frame that is not a stored event. */
export function parseStreamEvent(raw: string): StreamEvent | null {
  try {
    const value = JSON.parse(raw) as Partial<StreamEvent> | null;
    if (!value || typeof value.type !== 'string' || typeof value.data !== 'object' || value.data === null) return null;
    return value as StreamEvent;
  } catch {
    return null;
  }
}
