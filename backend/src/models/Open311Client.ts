import { Schema, type Connection, type Model } from 'mongoose';

/**
 * An outside application allowed to file service requests through Open311
 * (FixMyStreet, a city app…). Its API key is shown once when issued and stored
 * only as a SHA-256 hash (keys are 192 random bits, so a fast hash is enough);
 * a revoked client keeps its record for the audit of the cases it filed.
 */
export interface Open311Client {
  /** Unique, e.g. `fixmystreet`; cases it files carry it as their sender. */
  name: string;
  keyHash: string;
  /** The key's last four characters, to tell keys apart in a listing. */
  keyHint: string;
  /** Service requests it may file per hour (fixed window). */
  postsPerHour: number;
  createdAt: Date;
  revokedAt?: Date;
  lastUsedAt?: Date;
}

export const Open311ClientSchema = new Schema<Open311Client>(
  {
    name: { type: String, required: true, unique: true, match: /^[a-z0-9][a-z0-9._-]{0,63}$/ },
    keyHash: { type: String, required: true, unique: true },
    keyHint: { type: String, required: true },
    postsPerHour: { type: Number, required: true, default: 600, min: 1 },
    revokedAt: Date,
    lastUsedAt: Date,
  },
  { collection: 'open311clients', timestamps: true },
);

export type Open311ClientModel = Model<Open311Client>;
export const open311ClientModel = (conn: Connection): Open311ClientModel =>
  conn.models.Open311Client ?? conn.model<Open311Client>('Open311Client', Open311ClientSchema);
