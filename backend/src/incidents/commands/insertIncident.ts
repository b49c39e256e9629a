import type { Incident } from '../../models/index.js';
import type { CommandDeps } from './actionTypes.js';
import { newTrackingCode, nextCaseCode } from './caseCodes.js';
import type { ReportResult } from './reportIncident.js';
import { stripUndefined } from './stripUndefined.js';

/** Attempts at a fresh tracking code before giving up (40 random bits: a collision is already rare). */
const TRACKING_ATTEMPTS = 5;

/**
 * Inserts a new incident in one write: gives the draft its case number, lets
 * `build` apply the intake changes (their events ride in the outbox), inserts,
 * and wakes the bus. A concurrent replay of the same message (unique
 * idempotencyKey) returns the incident that won, as a duplicate; a tracking
 * code collision retries with a new code.
 */
export async function insertIncident(deps: CommandDeps, draft: Incident, build: (draft: Incident) => Incident): Promise<ReportResult> {
  const code = await nextCaseCode(deps.models, draft.reportedAt);
  for (let attempt = 1; ; attempt++) {
    const doc = stripUndefined({ ...build({ ...draft, code, trackingCode: attempt === 1 ? draft.trackingCode : newTrackingCode() }), createdAt: draft.reportedAt, updatedAt: draft.reportedAt });
    try {
      await deps.models.Incident.collection.insertOne(doc as never);
      deps.bus.notify();
      return { incident: doc, duplicate: false };
    } catch (err) {
      const key = duplicateKeyOf(err);
      if (key === 'idempotencyKey') {
        const winner = await deps.models.Incident.findOne({ idempotencyKey: draft.idempotencyKey }).lean<Incident>();
        if (winner) return { incident: winner, duplicate: true };
      }
      if (key === 'trackingCode' && attempt < TRACKING_ATTEMPTS) continue;
      throw err;
    }
  }
}

/** The field a MongoDB duplicate-key error (E11000) is about, else undefined. */
export function duplicateKeyOf(err: unknown): string | undefined {
  const e = err as { code?: number; keyPattern?: Record<string, unknown>; keyValue?: Record<string, unknown>; message?: string };
  if (e?.code !== 11000) return undefined;
  const fields = Object.keys(e.keyPattern ?? e.keyValue ?? {});
  if (fields.length) return fields[0];
  return /idempotencyKey/.test(e.message ?? '') ? 'idempotencyKey' : /trackingCode/.test(e.message ?? '') ? 'trackingCode' : undefined;
}
