import pino from 'pino';
import { describe, expect, it } from 'vitest';
import type { BackendResult } from '../backendClient.js';
import { deviceAlarmHandler } from './deviceAlarm.js';
import type { HandlerContext, InboundMessage } from './handler.js';

function context(result: BackendResult) {
  const calls: Array<{ path: string; body: any }> = [];
  const ctx: HandlerContext = {
    backend: {
      async post(path, body) {
        calls.push({ path, body });
        return result;
      },
    },
    logger: pino({ level: 'silent' }),
    nowIso: () => '2025-01-01T00:00:00.000Z',
  };
  return { ctx, calls };
}

const message = (payload: string): InboundMessage => ({ topic: 'devices/d1/alarm', owner: 'devices', id: 'd1', payload: Buffer.from(payload), retain: false });
const created: BackendResult = { kind: 'ok', status: 201, body: { incidentId: 'x', code: 'SJ-1', trackingCode: 'T1', status: 'dispatched', duplicate: false } };

describe('deviceAlarmHandler', () => {
  it('posts the alarm with the topic device id and answers with the incident', async () => {
    const { ctx, calls } = context(created);
    const outcome = await deviceAlarmHandler.handle(message('{"messageId":"m1","severity":"critical","lng":116.4,"lat":39.9,"extra":1}'), ctx);
    expect(calls).toEqual([{ path: '/api/ingest/device-alarms', body: { deviceId: 'd1', messageId: 'm1', severity: 'critical', lng: 116.4, lat: 39.9 } }]);
    expect(outcome).toEqual({ action: 'ack', reply: { messageId: 'm1', ok: true, incidentCode: 'SJ-1', trackingCode: 'T1', duplicate: false } });
  });

  it('rejects without calling the backend: not JSON, not an object, no messageId, bad coordinates, a bad timestamp', async () => {
    for (const [payload, code] of [
      ['nope', 'invalid_json'],
      ['[1,2]', 'invalid_json'],
      ['{"severity":"major"}', 'invalid_payload'],
      ['{"messageId":"m2","lat":123}', 'invalid_payload'],
      ['{"messageId":"m3","at":"yesterday"}', 'invalid_payload'],
      ['{"messageId":"m4","deviceId":"other"}', 'unauthorized'],
    ]) {
      const { ctx, calls } = context(created);
      const outcome = await deviceAlarmHandler.handle(message(payload), ctx);
      expect(outcome, payload).toMatchObject({ action: 'ack', reply: { ok: false, error: { code } } });
      expect(calls).toHaveLength(0);
    }
  });

  it('names the message id in a rejection when the payload has one', async () => {
    const { ctx } = context(created);
    expect(await deviceAlarmHandler.handle(message('{"messageId":"m5","value":"high"}'), ctx)).toMatchObject({ reply: { messageId: 'm5', ok: false } });
  });

  it('asks for a retry when the backend is unavailable', async () => {
    const { ctx } = context({ kind: 'unavailable', status: 503, reason: 'down' });
    expect(await deviceAlarmHandler.handle(message('{"messageId":"m6"}'), ctx)).toEqual({ action: 'retry', reason: 'backend answered 503: down' });
  });
});
