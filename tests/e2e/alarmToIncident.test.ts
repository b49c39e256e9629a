import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningGateway } from '../../device-gateway/src/gateway.js';
import { startTestGateway } from './support/embeddedGateway.js';
import { connectClient, openInbox } from '../../device-gateway/src/testSupport/mqttClients.js';
import { GRID } from '../support/fixtures.js';
import { login, startTestBackend } from '../support/platform.js';
import { openSse } from '../support/sseClient.js';

// The mission's spine: a sensor publishes an alarm over MQTT and a dispatched
// incident reaches the command centre's live stream, through the real gateway,
// backend and store.
describe('sensor alarm → dispatched incident → live stream', () => {
  let backend: Awaited<ReturnType<typeof startTestBackend>>;
  let gateway: RunningGateway;

  beforeAll(async () => {
    backend = await startTestBackend();
    gateway = await startTestGateway(backend, 'onegrid-gateway-e2e');
  });
  afterAll(async () => {
    await gateway?.stop();
    await backend?.stop();
  });

  it('acks the alarm with the incident code and streams reported + dispatched to the commander, not to another department', async () => {
    const commander = await openSse(`${backend.url}/api/stream?access_token=${await login(backend.url, 'commander')}`);
    const otherDept = await openSse(`${backend.url}/api/stream?access_token=${await login(backend.url, 'dept-cg')}`);
    const device = await connectClient(`mqtt://127.0.0.1:${gateway.mqttPort}`, { username: 'cover-a1', password: 'tok-a1', clientId: 'cover-a1' });
    const acks = await openInbox(device, 'devices/cover-a1/ack');
    await device.publishAsync('devices/cover-a1/alarm', JSON.stringify({ messageId: 'alarm-1', alarmType: 'tilt', severity: 'major', value: 32, unit: 'deg' }), { qos: 1 });

    const ack = (await acks.waitFor((b) => b.messageId === 'alarm-1')) as { ok: boolean; incidentCode: string };
    expect(ack.ok).toBe(true);
    expect(ack.incidentCode).toMatch(/\S+/);
    const dispatched = await commander.waitFor((e) => e.event === 'incident.dispatched');
    const reported = commander.events.find((e) => e.event === 'incident.reported');
    expect(reported).toBeDefined();
    expect(Number(reported!.id)).toBeLessThan(Number(dispatched.id));
    const summary = (dispatched.data as { data: { incident: { code: string; gridCode: string; departmentCodes: string[]; status: string } } }).data.incident;
    expect(summary).toMatchObject({ code: ack.incidentCode, gridCode: GRID.A1, status: 'dispatched' });
    expect(summary.departmentCodes).toContain('SZ');

    const list = await fetch(`${backend.url}/api/incidents?status=dispatched`, { headers: { authorization: `Bearer ${await login(backend.url, 'dept-sz')}` } });
    const body = (await list.json()) as { items: { code: string }[] };
    expect(body.items.map((i) => i.code)).toContain(ack.incidentCode);
    expect(otherDept.events.filter((e) => e.event.startsWith('incident.'))).toEqual([]);

    // The same message again (a redelivery) creates nothing new.
    await device.publishAsync('devices/cover-a1/alarm', JSON.stringify({ messageId: 'alarm-1', severity: 'major' }), { qos: 1 });
    await acks.waitFor((b) => b.messageId === 'alarm-1' && b.duplicate === true);
    expect(await backend.deps.models.Incident.countDocuments({})).toBe(1);

    commander.close();
    otherDept.close();
    await device.endAsync();
  });

  it('answers a malformed alarm with an error on the ack topic and keeps serving', async () => {
    const device = await connectClient(`mqtt://127.0.0.1:${gateway.mqttPort}`, { username: 'cover-a1', password: 'tok-a1', clientId: 'cover-a1-b' });
    const acks = await openInbox(device, 'devices/cover-a1/ack');
    await device.publishAsync('devices/cover-a1/alarm', '{not json', { qos: 1 });
    const err = (await acks.waitFor((b) => b.ok === false)) as { error: { code: string } };
    expect(err.error.code).toMatch(/\w+/);
    await device.publishAsync('devices/cover-a1/alarm', JSON.stringify({ messageId: 'alarm-2', severity: 'minor' }), { qos: 1 });
    expect(((await acks.waitFor((b) => b.messageId === 'alarm-2')) as { ok: boolean }).ok).toBe(true);
    await device.endAsync();
  });

  it('raises an alarm with the README’s `npm run demo:alarm` script, which prints the incident code', async () => {
    const run = promisify(execFile);
    const args = ['--import', 'tsx', 'scripts/raiseDemoAlarm.ts', '--url', `mqtt://127.0.0.1:${gateway.mqttPort}`, '--device', 'cover-a1', '--token', 'tok-a1', '--message-id', 'try-it-1'];
    const { stdout } = await run(process.execPath, args, { timeout: 20_000 });
    const code = /incident (\S+) \(tracking code/.exec(stdout)?.[1];
    expect(code, stdout).toBeDefined();
    expect(await backend.deps.models.Incident.countDocuments({ code })).toBe(1);
    // A wrong token is refused at connect, and the script says so with a failing exit.
    const refused = await run(process.execPath, [...args.slice(0, 7), '--token', 'wrong'], { timeout: 20_000 }).catch((err: { code: number; stderr: string }) => err);
    expect((refused as { code: number }).code).toBe(1);
    expect((refused as { stderr: string }).stderr).toMatch(/MQTT .*:/);
  });
});
