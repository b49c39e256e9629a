import { Schema, type Connection, type Model } from 'mongoose';
import type { StoredEvent } from '../kernel/index.js';

/** The append-only event log. `seq` is monotonic (from the `counters` document `events`). */
export const EventSchema = new Schema<StoredEvent>(
  {
    id: { type: String, required: true, unique: true },
    seq: { type: Number, required: true, unique: true },
    type: { type: String, required: true },
    aggregate: { type: String, required: true },
    aggregateId: { type: String, required: true },
    at: { type: Date, required: true },
    actor: Schema.Types.Mixed,
    data: { type: Schema.Types.Mixed, default: {} },
    scope: { departmentCodes: [String], gridCodes: [String] },
  },
  { collection: 'events', minimize: false, versionKey: false },
);
EventSchema.index({ aggregateId: 1, seq: 1 });

/** Named monotonic counters (event seq, daily case numbers). */
export interface Counter {
  _id: string;
  value: number;
}
export const CounterSchema = new Schema<Counter>({ _id: String, value: { type: Number, default: 0 } }, { collection: 'counters', versionKey: false });

/** A consumer group's progress through `events`. */
export interface Checkpoint {
  _id: string;
  seq: number;
  updatedAt: Date;
}
export const CheckpointSchema = new Schema<Checkpoint>(
  { _id: String, seq: { type: Number, default: 0 }, updatedAt: Date },
  { collection: 'checkpoints', versionKey: false },
);

/** A lease: one instance at a time holds `_id` (a consumer group or cron job) until `expiresAt`. */
export interface Lease {
  _id: string;
  holder: string;
  expiresAt: Date;
}
export const LeaseSchema = new Schema<Lease>(
  { _id: String, holder: String, expiresAt: Date },
  { collection: 'leases', versionKey: false },
);

export const eventModel = (conn: Connection): Model<StoredEvent> => conn.models.Event ?? conn.model<StoredEvent>('Event', EventSchema);
export const counterModel = (conn: Connection): Model<Counter> => conn.models.Counter ?? conn.model<Counter>('Counter', CounterSchema);
export const checkpointModel = (conn: Connection): Model<Checkpoint> =>
  conn.models.Checkpoint ?? conn.model<Checkpoint>('Checkpoint', CheckpointSchema);
export const leaseModel = (conn: Connection): Model<Lease> => conn.models.Lease ?? conn.model<Lease>('Lease', LeaseSchema);
