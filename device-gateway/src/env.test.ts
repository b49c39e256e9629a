import { describe, expect, it } from 'vitest';
import { loadEnv } from './env.js';

describe('loadEnv', () => {
  it('fills the documented defaults: embedded broker on 1883/8083, backend on :3000', () => {
    const env = loadEnv({});
    expect(env).toMatchObject({ MQTT_PORT: 1883, MQTT_WS_PORT: 8083, BACKEND_URL: 'http://127.0.0.1:3000', GATEWAY_CLIENT_ID: 'onegrid-gateway' });
    expect(env.MQTT_URL).toBeUndefined();
    expect(env.SERVICE_TOKEN).toBeUndefined();
  });

  it('treats an empty MQTT_URL as unset and accepts mqtt/mqtts/ws/wss URLs', () => {
    expect(loadEnv({ MQTT_URL: '' }).MQTT_URL).toBeUndefined();
    expect(loadEnv({ MQTT_URL: 'mqtts://broker.example:8883' }).MQTT_URL).toBe('mqtts://broker.example:8883');
  });

  it('names every bad variable in one error', () => {
    expect(() => loadEnv({ MQTT_URL: 'http://broker', MQTT_PORT: 'abc', LOG_LEVEL: 'loud' })).toThrow(/MQTT_URL[\s\S]*MQTT_PORT[\s\S]*LOG_LEVEL/);
    expect(() => loadEnv({ GATEWAY_RETRY_MIN_MS: '1000', GATEWAY_RETRY_MAX_MS: '10' })).toThrow(/GATEWAY_RETRY_MAX_MS/);
  });
});
