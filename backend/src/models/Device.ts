import { Schema, type Connection, type Model } from 'mongoose';

/** Sensor types (see reference/iot.md and the thresholds in reference/governance.md). */
export type DeviceType =
  | 'well-cover'
  | 'water-level'
  | 'smoke'
  | 'hydrant'
  | 'noise'
  | 'bin-fill'
  | 'air-quality'
  | 'elevator';

export const DEVICE_TYPES: readonly DeviceType[] = ['well-cover', 'water-level', 'smoke', 'hydrant', 'noise', 'bin-fill', 'air-quality', 'elevator'];

/** An IoT sensor. It connects over MQTT with username = deviceId and password = its token (stored hashed). */
export interface Device {
  deviceId: string;
  type: DeviceType;
  name: string;
  tokenHash: string;
  lng: number;
  lat: number;
  gridCode?: string;
  /** The category its alarms are reported under (e.g. 01003 雨水井盖 for a storm-drain well cover). */
  categoryCode: string;
  /** Threshold rules for this device, overriding its type's defaults. */
  thresholds?: Record<string, unknown>;
  status: 'online' | 'offline' | 'unknown';
  lastSeenAt?: Date;
  demo: boolean;
}

export const DeviceSchema = new Schema<Device>(
  {
    deviceId: { type: String, required: true, unique: true, match: /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/ },
    type: { type: String, required: true },
    name: { type: String, required: true },
    tokenHash: { type: String, required: true },
    lng: { type: Number, required: true },
    lat: { type: Number, required: true },
    gridCode: { type: String, index: true },
    categoryCode: { type: String, required: true },
    thresholds: Schema.Types.Mixed,
    status: { type: String, enum: ['online', 'offline', 'unknown'], default: 'unknown' },
    lastSeenAt: Date,
    demo: { type: Boolean, default: false },
  },
  { collection: 'devices', timestamps: true },
);
DeviceSchema.index({ lng: 1, lat: 1 });

export type DeviceModel = Model<Device>;
export const deviceModel = (conn: Connection): DeviceModel => conn.models.Device ?? conn.model<Device>('Device', DeviceSchema);
