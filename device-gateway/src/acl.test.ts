import { describe, expect, it } from 'vitest';
import { canPublish, canSubscribe, type ClientIdentity } from './acl.js';
import { parseTopic } from './topics.js';

const device: ClientIdentity = { kind: 'device', id: 'demo-cover-001' };
const worker: ClientIdentity = { kind: 'worker', id: 'worker-01', userId: 'u1' };
const gateway: ClientIdentity = { kind: 'internal' };

describe('canPublish', () => {
  it('lets a device publish only on its own uplinks', () => {
    expect(canPublish(device, 'devices/demo-cover-001/alarm')).toBe(true);
    expect(canPublish(device, 'devices/demo-cover-001/status')).toBe(true);
    expect(canPublish(device, 'devices/demo-cover-001/telemetry')).toBe(true);
    expect(canPublish(device, 'devices/demo-cover-002/alarm')).toBe(false);
    expect(canPublish(device, 'devices/demo-cover-001/ack')).toBe(false);
    expect(canPublish(device, 'workers/demo-cover-001/reports')).toBe(false);
    expect(canPublish(device, 'devices/demo-cover-001/alarm/extra')).toBe(false);
  });

  it('lets a worker publish only its own reports and location', () => {
    expect(canPublish(worker, 'workers/worker-01/reports')).toBe(true);
    expect(canPublish(worker, 'workers/worker-01/location')).toBe(true);
    expect(canPublish(worker, 'workers/worker-02/reports')).toBe(false);
    expect(canPublish(worker, 'workers/worker-01/tasks')).toBe(false);
    expect(canPublish(worker, 'devices/worker-01/alarm')).toBe(false);
  });

  it('lets the gateway publish anywhere', () => {
    expect(canPublish(gateway, 'devices/demo-cover-001/ack')).toBe(true);
    expect(canPublish(gateway, 'workers/worker-01/tasks')).toBe(true);
  });
});

describe('canSubscribe', () => {
  it('lets a device subscribe only to its own ack, without wildcards', () => {
    expect(canSubscribe(device, 'devices/demo-cover-001/ack')).toBe(true);
    expect(canSubscribe(device, 'devices/demo-cover-002/ack')).toBe(false);
    expect(canSubscribe(device, 'devices/+/ack')).toBe(false);
    expect(canSubscribe(device, 'devices/demo-cover-001/#')).toBe(false);
    expect(canSubscribe(device, 'devices/demo-cover-001/alarm')).toBe(false);
  });

  it('lets a worker subscribe to its own ack and tasks', () => {
    expect(canSubscribe(worker, 'workers/worker-01/ack')).toBe(true);
    expect(canSubscribe(worker, 'workers/worker-01/tasks')).toBe(true);
    expect(canSubscribe(worker, 'workers/worker-02/tasks')).toBe(false);
  });

  it('lets the gateway subscribe to wildcards', () => {
    expect(canSubscribe(gateway, 'devices/+/alarm')).toBe(true);
  });
});

describe('parseTopic', () => {
  it('splits owner, id and channel and rejects malformed ids and depths', () => {
    expect(parseTopic('devices/demo-cover-001/alarm')).toEqual({ owner: 'devices', id: 'demo-cover-001', channel: 'alarm' });
    expect(parseTopic('devices/../alarm')).toBeNull();
    expect(parseTopic('devices//alarm')).toBeNull();
    expect(parseTopic('sensors/x/alarm')).toBeNull();
    expect(parseTopic('devices/x')).toBeNull();
  });
});
