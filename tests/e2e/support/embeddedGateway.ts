import pino from 'pino';
import { startGateway, type GatewayOverrides, type RunningGateway } from '../../../device-gateway/src/gateway.js';

/** The device gateway with its embedded broker on free loopback ports, forwarding to a test backend. */
export function startTestGateway(backend: { url: string; secrets: { SERVICE_TOKEN: string } }, clientId: string, overrides: GatewayOverrides = {}): Promise<RunningGateway> {
  return startGateway({
    MQTT_URL: undefined,
    MQTT_HOST: '127.0.0.1',
    MQTT_PORT: 0,
    MQTT_WS_PORT: 0,
    BACKEND_URL: backend.url,
    SERVICE_TOKEN: backend.secrets.SERVICE_TOKEN,
    GATEWAY_CLIENT_ID: clientId,
    logger: pino({ level: 'silent' }),
    ...overrides,
  });
}
