import { Types } from 'mongoose';
import { Unprocessable, type Principal } from '../../kernel/index.js';
import { SEVERITIES, type Category, type Incident, type IncidentSource, type Severity } from '../../models/index.js';
import type { CommandDeps } from './actionTypes.js';
import { newTrackingCode } from './caseCodes.js';
import { dispatchChange } from './dispatchIncident.js';
import { findFusionTarget } from './fusion.js';
import { buildChange, type IncidentChange } from './incidentChange.js';
import { insertIncident } from './insertIncident.js';
import { linkDuplicate, mergeChange } from './mergeIncident.js';
import { searchTerms } from '../rules/searchTerms.js';
import { newStageClock } from '../caseClock.js';

/** A report from any channel: device alarm, grid-worker report, resident complaint, operator entry, Open311. */
export interface ReportInput {
  source: IncidentSource;
  /** Who sent it on that channel: device id, worker username, resident phone or client address, operator username. */
  senderId: string;
  /** The sender's message id: a replay with the same one returns the existing incident. */
  messageId: string;
  categoryCode: string;
  severity?: Severity;
  title?: string;
  description?: string;
  lng: number;
  lat: number;
  address?: string;
  photos?: string[];
  reporter?: Incident['reporter'];
  deviceId?: string;
  /** A sensor alarm vouched for by the gateway: may be accepted automatically (category's autoAcceptSeverity). */
  trusted?: boolean;
  /** When the sender observed it (kept in the event; the case's clock starts at intake). */
  observedAt?: Date;
  /** Extra facts from the channel (alarm type, value, unit), kept in the reported event. */
  detail?: Record<string, unknown>;
  /** What an Open311 client sent beyond the common report (kept on the case, never in an event). */
  open311?: Incident['open311'];
  /** Refuse (422 `outside_district`) a point in no grid cell and beyond the locate distance, instead of queueing it as unlocated (resident complaints). */
  requireLocated?: boolean;
}

export interface ReportResult {
  incident: Incident;
  /** True when the message id was seen before: nothing was written. */
  duplicate: boolean;
}

/** True when `severity` is at or above `threshold` (critical > major > minor > warning). */
export function atOrAbove(severity: Severity, threshold: Severity | undefined): boolean {
  return threshold !== undefined && SEVERITIES.indexOf(severity) <= SEVERITIES.indexOf(threshold);
}

/**
 * The one intake command (上报) for every channel, idempotent on
 * `${source}:${senderId}:${messageId}`. Steps: replay check → category →
 * locate (nearest cell within distance, else the unlocated queue) → case
 * number and tracking code → fusion with an open duplicate (merged, linked) or,
 * for a trusted alarm at or above the category's auto-accept severity, accept
 * and dispatch at once (`incident.reported` then `incident.dispatched`) → one
 * insert carrying every event in its outbox.
 */
export async function reportIncident(deps: CommandDeps, principal: Principal, input: ReportInput): Promise<ReportResult> {
  const idempotencyKey = `${input.source}:${input.senderId}:${input.messageId}`;
  const seen = await deps.models.Incident.findOne({ idempotencyKey }).lean<Incident>();
  if (seen) return { incident: seen, duplicate: true };

  const category = await deps.models.Category.findOne({ code: input.categoryCode }).lean<Category>();
  if (!category) throw new Unprocessable('category_unknown', `unknown category ${input.categoryCode}`, { categoryCode: input.categoryCode });
  const now = deps.clock.now();
  const place = deps.geo.locate(input.lng, input.lat);
  if (!place && input.requireLocated) throw new Unprocessable('outside_district', 'the point is outside the district', { lng: input.lng, lat: input.lat });
  const severity = input.severity ?? category.defaultSeverity;
  const title = input.title?.trim() || category.name;

  const incident: Incident = {
    _id: new Types.ObjectId(),
    code: '',
    trackingCode: newTrackingCode(),
    status: 'reported',
    open: true,
    version: 0,
    source: input.source,
    idempotencyKey,
    categoryCode: category.code,
    severity,
    title,
    description: input.description,
    searchTerms: searchTerms(title, input.description, input.address),
    lng: input.lng,
    lat: input.lat,
    address: input.address,
    gridCode: place?.gridCode,
    communityCode: place?.communityCode,
    streetCode: place?.streetCode,
    unlocated: !place,
    deviceId: input.deviceId,
    reporter: input.reporter,
    photos: input.photos ?? [],
    assignments: [],
    departmentCodes: [],
    timeline: [],
    outbox: [],
    duplicateIds: [],
    ...(input.open311 ? { open311: input.open311 } : {}),
    reportedAt: now,
  } as unknown as Incident;

  const fused = await findFusionTarget(deps, { categoryCode: category.code, lng: input.lng, lat: input.lat, at: now }, category);
  const autoAccept = !fused && !!place && input.source === 'device' && !!input.trusted && atOrAbove(severity, category.autoAcceptSeverity);
  const changes: IncidentChange[] = [
    {
      type: 'incident.reported',
      to: 'reported',
      created: true,
      set: { clock: fused || autoAccept ? undefined : await newStageClock(deps, category, 'accept', now) },
      attachments: input.photos,
      detail: reportedDetail(input, place?.distanceM, autoAccept),
    },
  ];
  if (fused) changes.push(mergeChange(incident, fused.target, 'fusion', fused.distanceM));
  else if (autoAccept) {
    const dispatch = await dispatchChange(deps, incident, category, {}, now);
    changes.push({ ...dispatch, detail: { ...dispatch.detail, autoAccepted: true } });
  }

  const stored = await insertIncident(deps, incident, (draft) => {
    let next = draft;
    for (const change of changes) next = { ...buildChange(next, change, principal, now).next, version: next.version + 1 };
    return next;
  });
  if (!stored.duplicate && fused) await linkDuplicate(deps, fused.target._id, stored.incident._id);
  return stored;
}

function reportedDetail(input: ReportInput, distanceM: number | undefined, autoAccept: boolean): Record<string, unknown> {
  return {
    source: input.source,
    ...(input.deviceId ? { deviceId: input.deviceId } : {}),
    ...(input.observedAt ? { observedAt: input.observedAt } : {}),
    located: distanceM !== undefined,
    ...(distanceM ? { distanceM: Math.round(distanceM) } : {}),
    ...(autoAccept ? { autoAccepted: true } : {}),
    ...(input.detail ?? {}),
  };
}
