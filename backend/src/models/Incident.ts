import { Schema, type Connection, type Model, type Types } from 'mongoose';
import type { DomainEvent } from '../bus/domainEvent.js';
import { SEVERITIES, type Severity } from './Category.js';

/**
 * Closed-loop states (see reference/governance.md and issue 5):
 * reported (上报) → accepted (受理/立案) | rejected | merged → dispatched (派遣) → in_progress (处置)
 * → returned (回退) | postponement_requested (延期) | suspended (挂账) → resolved (处置反馈)
 * → verifying (核查) → closed (结案) | reopened (返工) → evaluated (评价).
 */
export const INCIDENT_STATUSES = [
  'reported',
  'accepted',
  'rejected',
  'merged',
  'dispatched',
  'in_progress',
  'returned',
  'postponement_requested',
  'suspended',
  'resolved',
  'verifying',
  'closed',
  'reopened',
  'evaluated',
] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

export const INCIDENT_SOURCES = ['device', 'worker', 'resident', 'operator', 'open311'] as const;
export type IncidentSource = (typeof INCIDENT_SOURCES)[number];

/** One department's share of the work: the lead (主办) or a co-handler (协办), each with its own deadline. */
export interface Assignment {
  departmentCode: string;
  role: 'lead' | 'co';
  status: 'assigned' | 'in_progress' | 'resolved' | 'returned' | 'postponement_requested' | 'suspended';
  assignedAt: Date;
  dueAt?: Date;
  startedAt?: Date;
  resolvedAt?: Date;
  note?: string;
}

/** The clock of the current stage: its limit in working time, warning at 80 %, breach at 100 %, escalation level. */
export interface StageClock {
  stage: 'accept' | 'dispatch' | 'handle' | 'verify' | 'summons' | 'supervision';
  startedAt: Date;
  dueAt: Date;
  warnAt: Date;
  /** The department whose calendar counts (undefined = the command center's). */
  departmentCode?: string;
  warnedAt?: Date;
  breachedAt?: Date;
  escalationLevel: number;
  acknowledgedAt?: Date;
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

export interface Incident {
  _id: Types.ObjectId;
  /** Case number shown to staff, e.g. `20261123-000042`. */
  code: string;
  /** Short code a resident uses to follow the case. */
  trackingCode: string;
  status: IncidentStatus;
  version: number;
  source: IncidentSource;
  /** `${source}:${senderId}:${messageId}` — ingest is idempotent on it. */
  idempotencyKey: string;
  categoryCode: string;
  severity: Severity;
  title: string;
  description?: string;
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
  clock?: StageClock;
  timeline: TimelineEntry[];
  outbox: DomainEvent[];
  mergedInto?: Types.ObjectId;
  duplicateIds: Types.ObjectId[];
  rating?: { value: 'satisfied' | 'basically' | 'dissatisfied'; comment?: string; at: Date };
  reportedAt: Date;
  closedAt?: Date;
  createdAt: Date;
  updatedAt: Date;
}

const AssignmentSchema = new Schema<Assignment>(
  {
    departmentCode: { type: String, required: true },
    role: { type: String, enum: ['lead', 'co'], required: true },
    status: { type: String, required: true },
    assignedAt: { type: Date, required: true },
    dueAt: Date,
    startedAt: Date,
    resolvedAt: Date,
    note: String,
  },
  { _id: false },
);

export const IncidentSchema = new Schema<Incident>(
  {
    code: { type: String, required: true, unique: true },
    trackingCode: { type: String, required: true, unique: true },
    status: { type: String, enum: INCIDENT_STATUSES, required: true },
    version: { type: Number, required: true, default: 0 },
    source: { type: String, enum: INCIDENT_SOURCES, required: true },
    idempotencyKey: { type: String, required: true, unique: true },
    categoryCode: { type: String, required: true },
    severity: { type: String, enum: SEVERITIES, required: true },
    title: { type: String, required: true },
    description: String,
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
    clock: Schema.Types.Mixed,
    timeline: { type: Schema.Types.Mixed, default: () => [] },
    outbox: { type: Schema.Types.Mixed, default: () => [] },
    mergedInto: Schema.Types.ObjectId,
    duplicateIds: { type: [Schema.Types.ObjectId], default: [] },
    rating: Schema.Types.Mixed,
    reportedAt: { type: Date, required: true },
    closedAt: Date,
  },
  { collection: 'incidents', timestamps: true, minimize: false },
);
IncidentSchema.index({ status: 1, gridCode: 1 });
IncidentSchema.index({ 'assignments.departmentCode': 1, status: 1 });
IncidentSchema.index({ lng: 1, lat: 1 });
IncidentSchema.index({ 'clock.dueAt': 1 });
IncidentSchema.index({ 'outbox.0.id': 1 }, { sparse: true });

export type IncidentModel = Model<Incident>;
export const incidentModel = (conn: Connection): IncidentModel =>
  conn.models.Incident ?? conn.model<Incident>('Incident', IncidentSchema);
