import type { Logger } from 'pino';
import { createAuthenticator } from './authenticator.js';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { createBackendClient } from './backendClient.js';
import { startEmbeddedBroker, type EmbeddedBroker } from './broker.js';
import { loadEnv, type GatewayEnv } from './env.js';
import { startDownlinkFollower } from './downlinkFollower.js';
import { startForwarder, type Forwarder } from './forwarder.js';
import { HANDLERS } from './handlers/index.js';
import { createLogger } from './logger.js';
import { resolveServiceToken } from './serviceToken.js';

// Starts the MQTT side of OneGrid: the embedded Aedes broker (unless MQTT_URL
// names an external one) and the forwarder that turns uplinks into ingest
// calls. `index.ts` runs it; tests start it in-process on port 0.

/** Any configuration value (a key present with `undefined` clears it, e.g. MQTT_URL) plus a logger. */
export type GatewayOverrides = Partial<GatewayEnv> & { logger?: Logger };

export interface RunningGateway {
  /** The embedded broker's actual ports; null when an external broker (MQTT_URL) is used. */
  mqttPort: number | null;
  wsPort: number | null;
  /** Uplinks received and not yet acknowledged. */
  held(): number;
  /** Downlinks (e.g. verification tasks) published since start. */
  downlinksPublished(): number;
  stop(): Promise<void>;
}

// The forwarder reaches the embedded broker over loopback when it binds to every interface.
function brokerUrl(host: string, port: number): string {
  const target = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  return `mqtt://${target.includes(':') ? `[${target}]` : target}:${port}`;
}

/** Starts the gateway from the environment plus `overrides` and resolves once it is subscribed and accepting devices. */
export async function startGateway(overrides: GatewayOverrides = {}): Promise<RunningGateway> {
  const { logger: givenLogger, ...envOverrides } = overrides;
  const env: GatewayEnv = { ...loadEnv(), ...envOverrides };
  const logger = givenLogger ?? createLogger(env.LOG_LEVEL);
  const serviceToken = await resolveServiceToken(env);
  const backend = createBackendClient({ baseUrl: env.BACKEND_URL, serviceToken, timeoutMs: env.GATEWAY_BACKEND_TIMEOUT_MS });
  const forwarderOptions = {
    clientId: env.GATEWAY_CLIENT_ID,
    handlers: HANDLERS,
    backend,
    logger,
    concurrency: env.GATEWAY_CONCURRENCY,
    retry: { minMs: env.GATEWAY_RETRY_MIN_MS, maxMs: env.GATEWAY_RETRY_MAX_MS, giveUpMs: env.GATEWAY_GIVE_UP_MS },
  };

  let broker: EmbeddedBroker | undefined;
  let forwarder: Forwarder;
  if (env.MQTT_URL) {
    logger.info({ broker: new URL(env.MQTT_URL).host }, 'using the external MQTT broker (MQTT_URL)');
    forwarder = await startForwarder({ ...forwarderOptions, url: env.MQTT_URL, username: env.MQTT_USERNAME, password: env.MQTT_PASSWORD });
  } else {
    const authenticator = createAuthenticator({ backend, serviceToken, gatewayClientId: env.GATEWAY_CLIENT_ID, cacheMs: env.GATEWAY_AUTH_CACHE_MS });
    broker = await startEmbeddedBroker({ host: env.MQTT_HOST, port: env.MQTT_PORT, wsPort: env.MQTT_WS_PORT, authenticator, logger });
    try {
      const url = brokerUrl(env.MQTT_HOST, broker.mqttPort);
      forwarder = await startForwarder({ ...forwarderOptions, url, username: env.GATEWAY_CLIENT_ID, password: serviceToken });
    } catch (err) {
      await broker.stop();
      throw err;
    }
    broker.open();
    logger.info({ host: env.MQTT_HOST, mqttPort: broker.mqttPort, wsPort: broker.wsPort }, 'device gateway ready: devices may connect');
  }

  const downlinks = startDownlinkFollower({
    backend,
    publish: (topic, payload) => forwarder.publish(topic, payload),
    holder: `${env.GATEWAY_CLIENT_ID}@${hostname()}/${process.pid}/${randomUUID().slice(0, 8)}`,
    logger,
    retry: { minMs: env.GATEWAY_RETRY_MIN_MS, maxMs: env.GATEWAY_RETRY_MAX_MS },
    waitMs: env.GATEWAY_DOWNLINK_WAIT_MS,
  });

  let stopping: Promise<void> | undefined;
  return {
    mqttPort: broker?.mqttPort ?? null,
    wsPort: broker?.wsPort ?? null,
    held: () => forwarder.held(),
    downlinksPublished: () => downlinks.published(),
    stop() {
      stopping ??= (async () => {
        await downlinks.stop();
        await forwarder.stop();
        await broker?.stop();
        logger.info('device gateway stopped');
      })();
      return stopping;
    },
  };
}
