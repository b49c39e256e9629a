import mqtt, { type MqttClient } from 'mqtt';
import { DEVICE_TYPE_SPECS } from './deviceTypes.js';
import { RESIDENT_CATEGORIES, WORKER_CATEGORIES } from './historyPlan.js';
import { jitter } from './historyReports.js';
import { Rng } from './random.js';
import { CITY_SHARED_TOKEN, DEFAULT_SEED_SECRET, deviceToken } from './secrets.js';
import { DEMO_PASSWORD } from './staff.js';

/** Message kinds and their default share of the load (realistic: sensors chatter, alarms are rare). */
export const DEFAULT_MIX = { telemetry: 40, location: 30, alarm: 10, report: 12, complaint: 8 } as const;
export type Kind = keyof typeof DEFAULT_MIX;

export interface SimulationOptions {
  /** Backend base URL (HTTP API, logins, complaints). */
  backendUrl: string;
  /** MQTT broker URL of the gateway. */
  mqttUrl: string;
  /** Messages per second, all kinds together. */
  rate: number;
  durationS: number;
  mix?: Partial<Record<Kind, number>>;
  /** How many devices and workers connect (default 20 and 10). */
  devices?: number;
  workers?: number;
  /** Admin login used to read devices and grid cells (default admin / onegrid). */
  admin?: { username: string; password: string };
  secret?: string;
  seed?: string;
  /** Progress lines (one a second); default silent. */
  log?: (line: string) => void;
  signal?: AbortSignal;
}

export interface SimulationResult {
  sent: Record<Kind, number>;
  acked: Record<Kind, number>;
  /** Complaints refused by the per-address rate limit (429): expected from one address, counted apart. */
  rateLimited: number;
  errors: number;
  errorSamples: string[];
  incidentCodes: string[];
  elapsedS: number;
  achievedRate: number;
}

interface Sender {
  id: string;
  owner: 'devices' | 'workers';
  client: MqttClient;
  pending: Map<string, (ack: Ack) => void>;
  lng: number;
  lat: number;
}
interface Ack {
  messageId?: string;
  ok: boolean;
  incidentCode?: string;
  error?: { code: string; message: string };
}

/** How long to wait for acknowledgements after the last message. */
const DRAIN_MS = 15_000;

/**
 * Drives a running platform like a live district: devices publish telemetry
 * and alarms and grid workers publish reports and positions over MQTT with
 * their own credentials (device tokens recomputed from the seed secret, worker
 * login tokens from POST /api/auth/login), residents post complaints over
 * HTTP; at `rate` messages a second for `durationS`, then waits for the
 * outstanding acknowledgements and disconnects everyone.
 */
export async function runSimulation(opts: SimulationOptions): Promise<SimulationResult> {
  const rng = new Rng(`${opts.seed ?? 'onegrid'}:simulate:${Date.now()}`);
  const mix = { ...DEFAULT_MIX, ...(opts.mix ?? {}) } as Record<Kind, number>;
  const result: SimulationResult = { sent: zero(), acked: zero(), rateLimited: 0, errors: 0, errorSamples: [], incidentCodes: [], elapsedS: 0, achievedRate: 0 };
  const fail = (what: string) => {
    result.errors++;
    if (result.errorSamples.length < 10) result.errorSamples.push(what);
  };
  const adminToken = await login(opts.backendUrl, opts.admin?.username ?? 'admin', opts.admin?.password ?? DEMO_PASSWORD);
  const api = async <T>(path: string): Promise<T> => {
    const res = await fetch(`${opts.backendUrl}${path}`, { headers: { authorization: `Bearer ${adminToken}` } });
    if (!res.ok) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
  const deviceRows = (await api<{ items: { deviceId: string; type: keyof typeof DEVICE_TYPE_SPECS; lng: number; lat: number }[] }>('/api/devices?limit=1000')).items;
  const grid = await api<{ features: { properties: { code: string; workerIds: string[] }; geometry: { type: string; coordinates: number[][][] } }[] }>('/api/geo/grids');
  const cells = grid.features.map((f) => ({ code: f.properties.code, workerIds: f.properties.workerIds, ...middle(f.geometry) }));
  const types = new Map(deviceRows.map((d) => [d.deviceId, d.type]));

  const chosenDevices = pickSome(rng, deviceRows, opts.devices ?? 20);
  const workerNames = [...new Set(cells.flatMap((c) => c.workerIds))].sort();
  const chosenWorkers = pickSome(rng, workerNames, opts.workers ?? 10);
  const devices = await Promise.all(chosenDevices.map((d) => connectDevice(opts, d)));
  if (!devices.length || !workers0(chosenWorkers)) throw new Error('the platform has no devices or grid workers: seed it first (npm run seed)');
  const workers = await Promise.all(
    chosenWorkers.map(async (username) => {
      const token = await login(opts.backendUrl, username, DEMO_PASSWORD);
      const home = cells.find((c) => c.workerIds.includes(username))!;
      return connectSender(opts.mqttUrl, username, username, token, 'workers', home);
    }),
  );
  for (const s of [...devices, ...workers]) s.client.on('message', (_topic, payload) => settle(s, payload));

  const started = Date.now();
  const inflight = new Set<Promise<void>>();
  const total = () => Object.values(result.sent).reduce((a, b) => a + b, 0);
  let lastLog = started;
  await new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      const elapsed = (Date.now() - started) / 1000;
      if (elapsed >= opts.durationS || opts.signal?.aborted) {
        clearInterval(timer);
        resolve();
        return;
      }
      const due = Math.floor(elapsed * opts.rate) - total();
      for (let i = 0; i < due && inflight.size < 2000; i++) {
        const p = sendOne(rng.weighted(mix)).finally(() => inflight.delete(p));
        inflight.add(p);
      }
      if (opts.log && Date.now() - lastLog >= 1000) {
        lastLog = Date.now();
        opts.log(line(elapsed));
      }
    }, 20);
  });
  const drained = Promise.all(inflight);
  await Promise.race([drained, new Promise((r) => setTimeout(r, DRAIN_MS))]);
  if (inflight.size) fail(`${inflight.size} messages unacknowledged after ${DRAIN_MS / 1000} s`);
  await Promise.all([...devices, ...workers].map((s) => s.client.endAsync().catch(() => undefined)));
  result.elapsedS = (Date.now() - started) / 1000;
  result.achievedRate = Math.round((total() / Math.min(result.elapsedS, opts.durationS)) * 10) / 10;
  opts.log?.(line(result.elapsedS) + ' (done)');
  return result;

  function line(elapsed: number): string {
    const kinds = (Object.keys(result.sent) as Kind[]).map((k) => `${k} ${result.acked[k]}/${result.sent[k]}`).join(' ');
    return `t=${elapsed.toFixed(0)}s sent=${total()} (${(total() / Math.max(elapsed, 0.001)).toFixed(1)}/s) acked: ${kinds} rate-limited=${result.rateLimited} errors=${result.errors}`;
  }

  async function sendOne(kind: Kind): Promise<void> {
    result.sent[kind]++;
    const messageId = `sim-${Date.now().toString(36)}-${rng.int(0, 1e9).toString(36)}`;
    try {
      if (kind === 'complaint') return await complaint(messageId);
      if (kind === 'telemetry' || kind === 'alarm') {
        const d = rng.pick(devices);
        const spec = DEVICE_TYPE_SPECS[types.get(d.id)!];
        const range = kind === 'alarm' ? spec.alarm.alarm : spec.alarm.normal;
        const value = Math.round(rng.range(range[0], range[1]) * 100) / 100;
        if (kind === 'telemetry') {
          await d.client.publishAsync(`devices/${d.id}/telemetry`, JSON.stringify({ messageId, value, unit: spec.alarm.unit, at: new Date().toISOString() }), { qos: 0 });
          result.acked.telemetry++;
          return;
        }
        const severity = rng.chance(0.7) ? 'major' : 'minor';
        return await publishWithAck(d, 'alarm', messageId, { messageId, alarmType: spec.alarm.type, severity, value, unit: spec.alarm.unit, at: new Date().toISOString() }, kind);
      }
      const w = rng.pick(workers);
      const [lng, lat] = jitter(w, rng, 40);
      if (kind === 'location') {
        await w.client.publishAsync(`workers/${w.id}/location`, JSON.stringify({ lng, lat, at: new Date().toISOString() }), { qos: 1 });
        result.acked.location++;
        return;
      }
      const categoryCode = rng.weighted(WORKER_CATEGORIES);
      return await publishWithAck(w, 'reports', messageId, { messageId, categoryCode, lng, lat, description: '模拟巡查上报：现场发现问题' }, kind);
    } catch (err) {
      fail(`${kind}: ${(err as Error).message}`);
    }
  }

  async function publishWithAck(s: Sender, channel: string, messageId: string, body: object, kind: Kind): Promise<void> {
    const ack = new Promise<Ack>((resolve) => s.pending.set(messageId, resolve));
    await s.client.publishAsync(`${s.owner}/${s.id}/${channel}`, JSON.stringify(body), { qos: 1 });
    const answer = await ack;
    if (answer.ok) {
      result.acked[kind]++;
      if (answer.incidentCode) result.incidentCodes.push(answer.incidentCode);
    } else fail(`${kind} ${messageId}: ${answer.error?.code} ${answer.error?.message}`);
  }

  async function complaint(messageId: string): Promise<void> {
    const cell = rng.pick(cells);
    const [lng, lat] = jitter(cell, rng, 30);
    const res = await fetch(`${opts.backendUrl}/api/public/complaints`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ messageId, categoryCode: rng.weighted(RESIDENT_CATEGORIES), description: '模拟市民投诉：请尽快处理', lng, lat, name: '市民', phone: `139${String(rng.int(0, 99_999_999)).padStart(8, '0')}` }),
    });
    if (res.status === 429) {
      result.rateLimited++;
      return;
    }
    if (res.status !== 201 && res.status !== 200) return fail(`complaint: ${res.status} ${await res.text()}`);
    result.acked.complaint++;
  }

  function settle(s: Sender, payload: Buffer): void {
    try {
      const ack = JSON.parse(payload.toString()) as Ack;
      const resolve = ack.messageId ? s.pending.get(ack.messageId) : undefined;
      if (resolve) {
        s.pending.delete(ack.messageId!);
        resolve(ack);
      } else if (!ack.ok) fail(`${s.id}: ${ack.error?.code} ${ack.error?.message}`);
    } catch {
      fail(`${s.id}: unreadable downlink`);
    }
  }

  async function connectDevice(o: SimulationOptions, d: { deviceId: string; lng: number; lat: number }): Promise<Sender> {
    try {
      return await connectSender(o.mqttUrl, d.deviceId, d.deviceId, deviceToken(d.deviceId, o.secret ?? DEFAULT_SEED_SECRET), 'devices', d);
    } catch {
      return connectSender(o.mqttUrl, d.deviceId, d.deviceId, CITY_SHARED_TOKEN, 'devices', d); // city scale: bulk devices share one token
    }
  }
}

async function connectSender(url: string, id: string, username: string, password: string, owner: 'devices' | 'workers', at: { lng: number; lat: number }): Promise<Sender> {
  const client = await new Promise<MqttClient>((resolve, reject) => {
    const c = mqtt.connect(url, { clientId: `sim-${id}`, username, password, reconnectPeriod: 0, connectTimeout: 10_000, protocolVersion: 4, clean: true });
    c.once('connect', () => {
      c.removeAllListeners('error');
      c.on('error', () => undefined);
      resolve(c);
    });
    c.once('error', (err) => {
      c.end(true);
      reject(new Error(`${id} could not connect: ${err.message}`));
    });
  });
  await client.subscribeAsync(`${owner}/${id}/ack`, { qos: 1 });
  return { id, owner, client, pending: new Map(), lng: at.lng, lat: at.lat };
}

async function login(baseUrl: string, username: string, password: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}

/** The average of a cell's outer ring: a point inside for the compact cells the seed draws. */
function middle(geometry: { type: string; coordinates: unknown }): { lng: number; lat: number } {
  const ring = (geometry.type === 'Polygon' ? (geometry.coordinates as number[][][])[0] : (geometry.coordinates as number[][][][])[0][0]).slice(0, -1);
  return { lng: ring.reduce((s, p) => s + p[0], 0) / ring.length, lat: ring.reduce((s, p) => s + p[1], 0) / ring.length };
}

function pickSome<T>(rng: Rng, items: readonly T[], n: number): T[] {
  const pool = [...items];
  const out: T[] = [];
  while (out.length < n && pool.length) out.push(pool.splice(rng.int(0, pool.length - 1), 1)[0]);
  return out;
}

function workers0(names: string[]): boolean {
  return names.length > 0;
}

function zero(): Record<Kind, number> {
  return { telemetry: 0, location: 0, alarm: 0, report: 0, complaint: 0 };
}
