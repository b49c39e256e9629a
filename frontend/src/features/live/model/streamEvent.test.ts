import { describe, expect, it } from 'vitest';
import { INCIDENT_EVENT_TYPES } from '@onegrid/backend/contracts/names';
import { parseStreamEvent } from './streamEvent';

describe('stream frames', () => {
  it('parses a stored event', () => {
    const e = parseStreamEvent(JSON.stringify({ seq: 7, type: 'incident.reported', aggregateId: 'a', data: { incident: { id: 'a' } } }));
    expect(e).toMatchObject({ seq: 7, type: 'incident.reported' });
  });

  it('drops frames that are not events', () => {
    expect(parseStreamEvent('not json')).toBeNull();
    expect(parseStreamEvent('null')).toBeNull();
    expect(parseStreamEvent(JSON.stringify({ seq: 1, type: 'incident.reported' }))).toBeNull();
  });

  it('listens to every incident event type of the contract', () => {
    for (const t of ['incident.reported', 'incident.dispatched', 'incident.closed', 'incident.escalated']) expect(INCIDENT_EVENT_TYPES).toContain(t);
    expect(INCIDENT_EVENT_TYPES.every((t) => t.startsWith('incident.'))).toBe(true);
  });
});
