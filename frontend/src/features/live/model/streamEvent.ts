/** A live event from `/api/stream`: a StoredEvent (contracts.md) as JSON. */
export interface StreamEvent {
  seq: number;
  id?: string;
  type: string;
  aggregateId: string;
  at?: string;
  data: Record<string, unknown>;
}

/**
 * The SSE event names the map listens to. The stream names each frame after its
 * event type, and EventSource only delivers named frames to listeners of that name.
 */
export const INCIDENT_EVENT_TYPES: readonly string[] = [
  'reported', 'accepted', 'rejected', 'dispatched', 'started', 'returned',
  'postponement_requested', 'postponement_approved', 'postponement_denied', 'suspended',
  'resolved', 'verifying', 'verified', 'closed', 'reopened', 'evaluated', 'merged', 'unmerged',
  'supervised', 'replied', 'acknowledged', 'deadline_warning', 'deadline_breached', 'escalated',
].map((t) => `incident.${t}`);

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
