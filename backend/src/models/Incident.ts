import { Schema, type Connection, type Model, type Types } from 'mongoose';
import type { DomainEvent } from '../kernel/index.js';
import { SEVERITIES, type Severity } from './Category.js';
import { ASSIGNMENT_STATUSES, INCIDENT_SOURCES, INCIDENT_STATUSES, type AssignmentStatus, type IncidentSource, type IncidentStatus } from '../contracts/index.js';

/**
 * Closed-loop states (see reference/governance.md and issue 5):
 * reported (上报) → accepted (受理/立案) | rejected | merged → dispatched (派遣) → in_progress (处置)
 * → returned (回退) | postponement_requested (延期) | suspended (挂账) → resolved (处置反馈)
 * → verifying (核查) → closed (结案) | reopened (返工) → evaluated (评价).
 * The allowed moves between them are data in incidents/rules/stateMachine.ts.
 */
export { INCIDENT_STATUSES, type IncidentStatus };

/** States in which nobody has to act any more (the case left the loop). */
export const FINAL_STATUSES: readonly IncidentStatus[] = ['rejected', 'merged', 'closed', 'evaluated'];
/** States of a case still in the loop ("open"): everything but the final ones. */
export const OPEN_STATUSES: readonly IncidentStatus[] = INCIDENT_STATUSES.filter((s) => !FINAL_STATUSES.includes(s));

export { INCIDENT_SOURCES, type IncidentSource, ASSIGNMENT_STATUSES, type AssignmentStatus };

/** One department's share of the work: the lead (主办) or a co-handler (协办), each with its own deadline. */
export interface Assignment {
  departmentCode: string;
  role: 'lead' | 'co';
  status: AssignmentStatus;
  assignedAt: Date;
  /** 80 % and 100 % of the category's handling limit in this department's working calendar. */
  warnAt?: Date;
  dueAt?: Date;
  startedAt?: Date;
  resolvedAt?: Date;
  returnedAt?: Date;
  /** The department's handling report (处置反馈) or return reason. */
  note?: string;
  photos?: string[];
}

export type ClockStage = 'accept' | 'dispatch' | 'handle' | 'verify';

/** The clock of the current stage: its limit in working time, warning at 80 %, breach at 100 %, escalation level. */
export interface StageClock {
  stage: ClockStage;
  startedAt: Date;
  dueAt: Date;
  warnAt: Date;
  /** The department whose calendar counts (undefined = the command center's, 24/7). */
  departmentCode?: string;
  warnedAt?: Date;
  breachedAt?: Date;
  /** 0 = not escalated; n = escalated to the n-th rung of the escalation ladder (1 supervisor, 2 street summons 吹哨报到, …). */
  escalationLevel: number;
  /** When the current rung must have acknowledged before the next rung is called (scheduled, in working time). */
  nextEscalationAt?: Date;
  acknowledgedAt?: Date;
}

/** Supervision (督办): a supervisor's message with a reply deadline; the department must reply. */
export interface Supervision {
  message: string;
  by: { id: string; name?: string };
  at: Date;
  dueAt: Date;
  departmentCodes: string[];
  reply?: string;
  repliedAt?: Date;
  repliedBy?: string;
  breachedAt?: Date;
}

/** A pending postponement request (延期) from the department handling the case. */
export interface Postponement {
  departmentCode: string;
  reason: string;
  extraMinutes: number;
  requestedAt: Date;
  requestedBy: string;
}

/** The on-site check (核查) task given to the grid workers of the cell, and its result. */
export interface Verification {
  workerIds: string[];
  requestedAt: Date;
  result?: 'passed' | 'failed';
  note?: string;
  photos?: string[];
  by?: string;
  at?: Date;
}

/** One audit entry (who, when, from → to, reason, attachments). The timeline is rebuilt identically from `events`. */
export interface TimelineEntry {
  eventId: string;
  type: string;
  at: Date;
  actor?: { id: string; role: string; name?: string };
  from?: IncidentStatus;
  to?: IncidentStatus;
  reason?: string;
  attachments?: string[];
  data?: Record<string, unknown>;
}

/**
 * What an Open311 client sent beyond the common report (see open311/). The
 * contact is personal data: stored for staff follow-up, never in any output.
 */
export interface Open311Facts {
  /** The client application (API key name) that filed it. */
  client: string;
  /** Answers to the category's extra questions, by attribute code. */
  attributes?: Record<string, string | string[]>;
  /** An external http(s) media reference as the client sent it (not fetched; see docs/open311.md). */
  mediaUrl?: string;
  /** The coordinates as the client wrote them, so they are answered back exactly as given. */
  given?: { lat: string; long: string };
  addressString?: string;
  contact?: { firstName?: string; lastName?: string; email?: string; phone?: string; deviceId?: string; accountId?: string };
}

export interface Incident {
  _id: Types.ObjectId;
  /** Case number shown to staff, e.g. `20261123-000042`. */
  code: string;
  /** Short code a resident uses to follow the case. */
  trackingCode: string;
  status: IncidentStatus;
  /** Denormalised `status ∈ OPEN_STATUSES`, kept by every write, so list queries can use one index prefix. */
  open: boolean;
  version: number;
  source: IncidentSource;
  /** `${source}:${senderId}:${messageId}` — ingest is idempotent on it. */
  idempotencyKey: string;
  categoryCode: string;
  severity: Severity;
  title: string;
  description?: string;
  /** Lower-cased words and CJK bigrams of title + description + address, for `q=` search without $text. */
  searchTerms: string[];
  lng: number;
  lat: number;
  address?: string;
  gridCode?: string;
  communityCode?: string;
  streetCode?: string;
  /** True when no grid cell was found within the configured distance (the "unlocated" queue). */
  unlocated: boolean;
  deviceId?: string;
  reporter?: { userId?: string; name?: string; phone?: string };
  photos: string[];
  assignments: Assignment[];
  /** Every department code ever assigned (scope of events and of department reads). */
  departmentCodes: string[];
  clock?: StageClock;
  /** The next instant the deadline monitor must look at this case (absent: nothing to watch). */
  monitorAt?: Date;
  supervision?: Supervision;
  postponement?: Postponement;
  verification?: Verification;
  /** The status to return to on unmerge, or on resume from the pending register. */
  previousStatus?: IncidentStatus;
  timeline: TimelineEntry[];
  outbox: DomainEvent[];
  mergedInto?: Types.ObjectId;
  duplicateIds: Types.ObjectId[];
  rating?: { value: 'satisfied' | 'basically' | 'dissatisfied'; comment?: string; at: Date };
  /** Present on cases filed through Open311. */
  open311?: Open311Facts;
  reportedAt: Date;
  acceptedAt?: Date;
  dispatchedAt?: Date;
  resolvedAt?: Date;
  closedAt?: Date;
  createdAt: Date;
  updatedAt: Date;
}

const AssignmentSchema = new Schema<Assignment>(
  {
    departmentCode: { type: String, required: true },
    role: { type: String, enum: ['lead', 'co'], required: true },
    status: { type: String, enum: ASSIGNMENT_STATUSES, required: true },
    assignedAt: { type: Date, required: true },
    warnAt: Date,
    dueAt: Date,
    startedAt: Date,
    resolvedAt: Date,
    returnedAt: Date,
    note: String,
    photos: { type: [String], default: undefined },
  },
  { _id: false },
);

export const IncidentSchema = new Schema<Incident>(
  {
    code: { type: String, required: true, unique: true },
    trackingCode: { type: String, required: true, unique: true },
    status: { type: String, enum: INCIDENT_STATUSES, required: true },
    open: { type: Boolean, required: true, default: true },
    version: { type: Number, required: true, default: 0 },
    source: { type: String, enum: INCIDENT_SOURCES, required: true },
    idempotencyKey: { type: String, required: true, unique: true },
    categoryCode: { type: String, required: true },
    severity: { type: String, enum: SEVERITIES, required: true },
    title: { type: String, required: true },
    description: String,
    searchTerms: { type: [String], default: [] },
    lng: { type: Number, required: true },
    lat: { type: Number, required: true },
    address: String,
    gridCode: String,
    communityCode: String,
    streetCode: String,
    unlocated: { type: Boolean, default: false },
    deviceId: String,
    reporter: { userId: String, name: String, phone: String },
    photos: { type: [String], default: [] },
    assignments: { type: [AssignmentSchema], default: [] },
    departmentCodes: { type: [String], default: [] },
    clock: Schema.Types.Mixed,
    monitorAt: Date,
    supervision: Schema.Types.Mixed,
    postponement: Schema.Types.Mixed,
    verification: Schema.Types.Mixed,
    previousStatus: String,
    timeline: { type: Schema.Types.Mixed, default: () => [] },
    outbox: { type: Schema.Types.Mixed, default: () => [] },
    mergedInto: Schema.Types.ObjectId,
    duplicateIds: { type: [Schema.Types.ObjectId], default: [] },
    rating: Schema.Types.Mixed,
    open311: Schema.Types.Mixed,
    reportedAt: { type: Date, required: true },
    acceptedAt: Date,
    dispatchedAt: Date,
    resolvedAt: Date,
    closedAt: Date,
  },
  { collection: 'incidents', timestamps: true, minimize: false },
);
// Indexes serve the command-center queries (see bench/incidentQueries.bench.ts).
IncidentSchema.index({ open: 1, lng: 1, lat: 1 });
// A department's open cases in deadline order (the overdue queue reads its first page without sorting).
IncidentSchema.index({ departmentCodes: 1, open: 1, 'clock.dueAt': 1, _id: 1 });
IncidentSchema.index({ communityCode: 1, reportedAt: -1 });
IncidentSchema.index({ gridCode: 1, reportedAt: -1 });
IncidentSchema.index({ status: 1, reportedAt: -1 });
IncidentSchema.index({ reportedAt: -1 });
IncidentSchema.index({ categoryCode: 1, open: 1, lng: 1 });
IncidentSchema.index({ monitorAt: 1 }, { sparse: true });
// The public reports map: recently closed cases.
IncidentSchema.index({ closedAt: -1 }, { sparse: true });
IncidentSchema.index({ searchTerms: 1 });
IncidentSchema.index({ 'outbox.0.id': 1 }, { sparse: true });

export type IncidentModel = Model<Incident>;
export const incidentModel = (conn: Connection): IncidentModel =>
  conn.models.Incident ?? conn.model<Incident>('Incident', IncidentSchema);
