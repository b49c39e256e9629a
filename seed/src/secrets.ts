import { createHmac } from 'node:crypto';

/** The demo seed's secret: device tokens derive from it so the simulator can recompute them. Override with SEED_SECRET. */
export const DEFAULT_SEED_SECRET = 'onegrid-demo-seed';

/** The fixed demo device and its token (foundation issue). */
export const DEMO_DEVICE = { deviceId: 'demo-cover-001', token: 'demo' } as const;

/** The shared token of the bulk devices at city scale (hashing 100,000 distinct tokens with scrypt would take an hour). */
export const CITY_SHARED_TOKEN = 'onegrid-city-load';

/** A device's MQTT password: `demo` for the demo device, else an HMAC of its id under the seed secret. */
export function deviceToken(deviceId: string, secret = DEFAULT_SEED_SECRET): string {
  if (deviceId === DEMO_DEVICE.deviceId) return DEMO_DEVICE.token;
  return createHmac('sha256', secret).update(`device:${deviceId}`).digest('base64url').slice(0, 24);
}
