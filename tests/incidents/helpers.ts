import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { Principal } from '@onegrid/backend/kernel';
import { applyAction, reportIncident, timelineEntryFromEvent, type IncidentAction, type ReportInput } from '@onegrid/backend/incidents';
import type { Incident } from '@onegrid/backend/models';
import { CAT_RUBBISH, PRINCIPALS, pointIn, type IncidentWorld } from '../support/fixtures.js';

/** Reports an incident (a worker's rubbish report in cell A1 unless overridden). */
export async function report(w: IncidentWorld, input: Partial<ReportInput> = {}, principal: Principal = PRINCIPALS.workerA): Promise<Incident> {
  const { incident } = await reportIncident(w.deps, principal, {
    source: 'worker',
    senderId: principal.username,
    messageId: randomUUID(),
    categoryCode: CAT_RUBBISH,
    description: '路边堆放生活垃圾 rubbish bags by the road',
    ...pointIn('A1'),
    ...input,
  });
  return incident;
}

/** The stored incident. */
export async function load(w: IncidentWorld, id: unknown): Promise<Incident> {
  const i = await w.models.Incident.findById(id).lean<Incident>();
  if (!i) throw new Error(`incident ${String(id)} not found`);
  return i;
}

/**
 * Takes an action at the incident's current version and checks that exactly
 * `events` events and as many audit entries were written (1 unless the action
 * is followed by a system step), and that the version moved by as much.
 */
export async function act(w: IncidentWorld, p: Principal, id: unknown, action: IncidentAction, body: Record<string, unknown> = {}, events = 1): Promise<Incident> {
  const before = await load(w, id);
  const after = await applyAction(w.deps, p, String(id), action, { version: before.version, ...body });
  const stored = await load(w, id);
  expect(stored.outbox.length - before.outbox.length, `${action}: events written`).toBe(events);
  expect(stored.timeline.length - before.timeline.length, `${action}: audit entries written`).toBe(events);
  expect(stored.version - before.version).toBe(events);
  expect(after.version).toBe(stored.version);
  return stored;
}

/** Asserts the stored timeline equals the one rebuilt from the incident's events (outbox here; the relay's `events` when it ran). */
export async function expectTimelineRebuilds(w: IncidentWorld, id: unknown): Promise<void> {
  const i = await load(w, id);
  const relayed = await w.models.Event.find({ aggregateId: String(id) }).sort({ seq: 1 }).lean();
  const seen = new Set(relayed.map((e) => e.id));
  const events = [...relayed, ...i.outbox.filter((e) => !seen.has(e.id))];
  expect(events.map(timelineEntryFromEvent)).toEqual(i.timeline);
}

/** The event types of an incident's events, in order. */
export function typesOf(i: Incident): string[] {
  return i.outbox.map((e) => e.type);
}

/** Status path recorded in the timeline (from → to per entry). */
export function pathOf(i: Incident): string[] {
  return i.timeline.map((e) => `${e.from ?? '∅'}→${e.to}`);
}
