import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

// A tiny stand-in for the backend's /api/ingest/* endpoints (docs/contracts.md)
// on a real HTTP port, for the gateway's unit tests. No database: it keeps
// devices, workers and incidents in maps and dedupes alarms by message id.

export interface FakeCall {
  path: string;
  body: Record<string, any>;
  status: number;
}

/** Decides the answer for one call before the fake's own logic; return undefined to let it answer normally. */
export type Interceptor = (path: string, body: Record<string, any>) => number | { status: number; body: unknown } | undefined | Promise<number | { status: number; body: unknown } | undefined>;

export interface FakeBackend {
  url: string;
  port: number;
  serviceToken: string;
  devices: Map<string, string>;
  workers: Map<string, string>;
  /** Incidents created, keyed by `owner:id:messageId`. */
  incidents: Map<string, { code: string; trackingCode: string; body: Record<string, any> }>;
  calls: FakeCall[];
  intercept: Interceptor | undefined;
  /** Calls to `path` so far. */
  callsTo(path: string): FakeCall[];
  stop(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<Record<string, any>> {
  return new Promise((resolve) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
    req.on('end', () => {
      try {
        resolve(JSON.parse(raw || '{}'));
      } catch {
        resolve({});
      }
    });
  });
}

const send = (res: ServerResponse, status: number, body?: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json' }).end(body === undefined ? '' : JSON.stringify(body));
};

/** Starts the fake backend on `port` (0 = any) with one device `dev-1`/`tok-1` and one worker `worker-01` unless told otherwise. */
export async function startFakeBackend(port = 0, serviceToken = 'svc-token'): Promise<FakeBackend> {
  const fake = {
    serviceToken,
    devices: new Map([['dev-1', 'tok-1'], ['dev-2', 'tok-2']]),
    workers: new Map([['worker-01', 'aaa.bbb.ccc']]),
    incidents: new Map(),
    calls: [],
    intercept: undefined,
  } as Omit<FakeBackend, 'url' | 'port' | 'stop' | 'callsTo'> & Partial<FakeBackend>;

  function incident(key: string, body: Record<string, any>) {
    const existing = fake.incidents.get(key);
    if (existing) return { status: 200, body: { incidentId: key, code: existing.code, trackingCode: existing.trackingCode, status: 'dispatched', duplicate: true } };
    const n = fake.incidents.size + 1;
    const created = { code: `INC-${n}`, trackingCode: `T${n}`, body };
    fake.incidents.set(key, created);
    return { status: 201, body: { incidentId: key, code: created.code, trackingCode: created.trackingCode, status: 'dispatched', duplicate: false } };
  }

  async function answer(path: string, body: Record<string, any>): Promise<{ status: number; body?: unknown }> {
    const forced = await fake.intercept?.(path, body);
    if (typeof forced === 'number') return { status: forced, body: { error: { code: `forced_${forced}`, message: 'forced by the test' } } };
    if (forced) return forced;
    switch (path) {
      case '/api/ingest/device-auth':
        return fake.devices.get(body.deviceId) === body.token ? { status: 200, body: { deviceId: body.deviceId, type: 'well-cover' } } : { status: 401, body: { error: { code: 'unauthorized', message: 'bad device credentials' } } };
      case '/api/ingest/worker-auth':
        return fake.workers.get(body.username) === body.token ? { status: 200, body: { userId: `u-${body.username}`, username: body.username } } : { status: 401, body: { error: { code: 'unauthorized', message: 'bad token' } } };
      case '/api/ingest/device-alarms':
        if (!fake.devices.has(body.deviceId)) return { status: 404, body: { error: { code: 'not_found', message: `device ${body.deviceId} not found` } } };
        return incident(`devices:${body.deviceId}:${body.messageId}`, body);
      case '/api/ingest/worker-reports':
        return incident(`workers:${body.username}:${body.messageId}`, body);
      case '/api/ingest/device-status':
      case '/api/ingest/worker-locations':
        return { status: 204 };
      default:
        return { status: 404, body: { error: { code: 'not_found', message: path } } };
    }
  }

  const server: Server = createServer(async (req, res) => {
    const body = await readBody(req);
    const path = req.url ?? '';
    // Recorded on arrival (status 0 until answered), so tests see calls still in progress.
    const call: FakeCall = { path, body, status: 0 };
    fake.calls!.push(call);
    if (req.headers.authorization !== `Bearer ${fake.serviceToken}`) {
      call.status = 401;
      return send(res, 401, { error: { code: 'unauthorized', message: 'service token required' } });
    }
    const { status, body: out } = await answer(path, body);
    call.status = status;
    send(res, status, out);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const actual = (server.address() as AddressInfo).port;
  return Object.assign(fake, {
    url: `http://127.0.0.1:${actual}`,
    port: actual,
    callsTo: (p: string) => fake.calls!.filter((c) => c.path === p),
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  }) as FakeBackend;
}
