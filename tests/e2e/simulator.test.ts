import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBackend, type RunningBackend } from '@onegrid/backend/server';
import type { RunningGateway } from '../../device-gateway/src/gateway.js';
import { startTestGateway } from './support/embeddedGateway.js';
import { seedDemo } from '../../seed/src/seedDemo.js';
import { runSimulation } from '../../seed/src/simulation.js';
import { freshDbUri } from '../support/db.js';
import { connackCode } from '../../device-gateway/src/testSupport/mqttClients.js';
import { login } from '../support/platform.js';

// The load simulator against a started platform (backend + gateway + store)
// seeded with the tiny district: devices, workers and residents with their
// own credentials create incidents end to end, with zero errors.
describe('the simulator against a running platform', () => {
  let backend: RunningBackend;
  let gateway: RunningGateway;

  beforeAll(async () => {
    backend = await startBackend({
      cron: false,
      env: { DATA_DIR: mkdtempSync(join(tmpdir(), 'onegrid-sim-')), PORT: '0', HOST: '127.0.0.1', MONGODB_URI: freshDbUri('sim').uri, LOG_LEVEL: 'warn' },
      beforeListen: async (deps) => {
        await seedDemo(deps.conn, { scale: 'tiny', history: 0 });
        // One test client posts every complaint from one address: lift the per-address limit for this district.
        await deps.conn.collection('settings').updateOne({ _id: 'incidentPolicy' as never }, { $set: { complaintsPerHour: 100_000 } }, { upsert: true });
        await deps.geo.reload();
      },
    });
    gateway = await startTestGateway(backend, 'onegrid-gateway-sim');
  }, 120_000);
  afterAll(async () => {
    await gateway?.stop();
    await backend?.stop();
  });

  it('logs in every demo account over HTTP with the seeded password', async () => {
    for (const username of ['admin', 'commander', 'supervisor', 'dept-sz', 'worker-01']) expect(await login(backend.url, username)).toMatch(/\S+\.\S+\.\S+/);
  });

  it('lets the demo device connect over MQTT with token demo, and no one with a wrong token', async () => {
    const url = `mqtt://127.0.0.1:${gateway.mqttPort}`;
    expect(await connackCode(url, { username: 'demo-cover-001', password: 'demo', clientId: 'demo-cover-001' })).toBe(0);
    expect(await connackCode(url, { username: 'demo-cover-001', password: 'wrong', clientId: 'demo-cover-001-x' })).toBe(5);
  });

  it('creates incidents from alarms, worker reports and complaints for a few seconds with zero errors', async () => {
    const before = await backend.deps.models.Incident.countDocuments();
    const result = await runSimulation({
      backendUrl: backend.url,
      mqttUrl: `mqtt://127.0.0.1:${gateway.mqttPort}`,
      rate: 20,
      durationS: 4,
      mix: { alarm: 30, report: 30, complaint: 20, telemetry: 10, location: 10 },
      devices: 8,
      workers: 4,
    });
    expect(result.errorSamples).toEqual([]);
    expect(result.errors).toBe(0);
    expect(result.rateLimited).toBe(0);
    for (const kind of ['alarm', 'report', 'complaint'] as const) {
      expect(result.sent[kind]).toBeGreaterThan(0);
      expect(result.acked[kind]).toBe(result.sent[kind]);
    }
    const created = (await backend.deps.models.Incident.countDocuments()) - before;
    expect(created).toBe(result.acked.alarm + result.acked.report + result.acked.complaint);
    const bySource = await backend.deps.models.Incident.distinct('source');
    expect(bySource).toEqual(expect.arrayContaining(['device', 'worker', 'resident']));
  }, 60_000);
});
