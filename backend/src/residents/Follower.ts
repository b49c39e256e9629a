import { Schema, type Connection, type Model, type Types } from 'mongoose';

/**
 * A resident who follows an existing case instead of filing a duplicate
 * ("follow this one", FixMyStreet's 关注): their own tracking code on that
 * case, their optional contact, and their own rating once it is closed.
 */
export interface Follower {
  _id: Types.ObjectId;
  /** Same form as an incident's tracking code (8 unambiguous symbols, random); unique across both. */
  trackingCode: string;
  incidentId: Types.ObjectId;
  /** `${sender}:${messageId}`: pressing "follow" twice gives one code. */
  idempotencyKey: string;
  note?: string;
  contact?: { name?: string; phone?: string };
  rating?: { value: 'satisfied' | 'basically' | 'dissatisfied'; comment?: string; at: Date; reopenRequested?: boolean };
  createdAt: Date;
}

export const FollowerSchema = new Schema<Follower>(
  {
    trackingCode: { type: String, required: true, unique: true },
    incidentId: { type: Schema.Types.ObjectId, required: true, index: true },
    idempotencyKey: { type: String, required: true, unique: true },
    note: String,
    contact: { name: String, phone: String },
    rating: Schema.Types.Mixed,
    createdAt: { type: Date, required: true },
  },
  { collection: 'followers', versionKey: false },
);

export type FollowerModel = Model<Follower>;

const ready = new WeakMap<Connection, Promise<unknown>>();

/** The Follower model on a connection, its indexes built before the first use (the unique tracking code). */
export async function followerModel(conn: Connection): Promise<FollowerModel> {
  const model: FollowerModel = conn.models.Follower ?? conn.model<Follower>('Follower', FollowerSchema);
  let init = ready.get(conn);
  if (!init) ready.set(conn, (init = model.init()));
  await init;
  return model;
}
