import { Conflict, NotFound, type Principal } from '../../kernel/index.js';
import type { AppDeps } from '../../deps.js';
import type { Incident } from '../../models/index.js';
import { buildChange, type IncidentChange } from './incidentChange.js';
import { stripUndefined } from './stripUndefined.js';

export type WriteDeps = Pick<AppDeps, 'models' | 'bus' | 'clock'>;

/**
 * Writes one change of an incident as ONE single-document atomic update —
 * `findOneAndUpdate({ _id, version }, { $set, $unset, $inc: { version: 1 },
 * $push: { outbox: event, timeline: entry } })` — then wakes the bus. Returns
 * the incident as stored after the write. Throws Conflict('stale_version')
 * when someone else changed the incident since `incident.version` was read.
 */
export async function writeIncidentChange(deps: WriteDeps, incident: Incident, change: IncidentChange, principal: Principal): Promise<Incident> {
  const at = deps.clock.now();
  const built = buildChange(incident, change, principal, at);
  const update: Record<string, unknown> = {
    $set: stripUndefined({ ...built.set, updatedAt: at }),
    $inc: { version: 1 },
    $push: { outbox: stripUndefined(built.event), timeline: stripUndefined(built.entry) },
  };
  if (Object.keys(built.unset).length) update.$unset = built.unset;
  // The native collection: one update exactly as written (no casting, timestamps from the injected clock).
  const stored = (await deps.models.Incident.collection.findOneAndUpdate({ _id: incident._id, version: incident.version }, update, {
    returnDocument: 'after',
  })) as Incident | null;
  if (!stored) {
    const exists = await deps.models.Incident.exists({ _id: incident._id });
    if (!exists) throw new NotFound('incident', String(incident._id));
    throw new Conflict(`incident ${String(incident._id)} changed since version ${incident.version}`, 'stale_version', {
      id: String(incident._id),
      version: incident.version,
    });
  }
  deps.bus.notify();
  return stored;
}

/** Loads an incident by id (404 for an unknown or malformed id). */
export async function loadIncident(deps: Pick<AppDeps, 'models'>, id: string): Promise<Incident> {
  if (!/^[0-9a-f]{24}$/i.test(id)) throw new NotFound('incident', id);
  const incident = await deps.models.Incident.findById(id).lean<Incident>();
  if (!incident) throw new NotFound('incident', id);
  return incident;
}
