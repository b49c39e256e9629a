import mqtt, { type MqttClient } from 'mqtt';
import type { Logger } from 'pino';
import type { BackendClient } from './backendClient.js';
import { installDeferredAcks } from './deferredAck.js';
import { createDeliveryQueue } from './deliveryQueue.js';
import type { Handler } from './handlers/handler.js';
import type { RetryPolicy } from './retryPolicy.js';

// The gateway's own MQTT client. It keeps a persistent session (clean: false,
// fixed client id) on the embedded broker or the external one, so messages
// it has not acknowledged stay queued at the broker across its reconnects,
// and hands every uplink to the delivery queue.

export interface ForwarderOptions {
  /** mqtt://host:port of the embedded broker, or MQTT_URL. */
  url: string;
  clientId: string;
  username?: string;
  password?: string;
  handlers: readonly Handler[];
  backend: BackendClient;
  logger: Logger;
  concurrency: number;
  retry: RetryPolicy;
  /** How long start may wait for the broker before giving up. */
  connectTimeoutMs?: number;
}

export interface Forwarder {
  /** Uplinks received and not yet acknowledged (running, queued or waiting to retry). */
  held(): number;
  /** Publishes a JSON downlink with QoS 1; resolves once the broker accepted it (queued while reconnecting). */
  publish(topic: string, payload: unknown): Promise<void>;
  stop(): Promise<void>;
}

// CONNACK codes that retrying will not fix (MQTT 3.1.1 §3.2.2.3).
const FATAL_CONNACK: Record<number, string> = {
  2: 'client id rejected',
  4: 'bad user name or password',
  5: 'not authorized',
};

function waitForFirstConnect(client: MqttClient, logger: Logger, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => finish(new Error(`device-gateway: no MQTT broker answered within ${timeoutMs} ms (check MQTT_URL)`)), timeoutMs);
    const onError = (err: Error & { code?: number | string }) => {
      const fatal = typeof err.code === 'number' ? FATAL_CONNACK[err.code] : undefined;
      if (fatal) finish(new Error(`device-gateway: the MQTT broker refused the gateway (${fatal}); check GATEWAY_CLIENT_ID, MQTT_USERNAME/MQTT_PASSWORD or SERVICE_TOKEN`));
      else logger.warn({ err: err.message }, 'MQTT broker not reachable yet; retrying');
    };
    const finish = (err?: Error) => {
      clearTimeout(timer);
      client.removeListener('error', onError);
      client.removeListener('connect', onConnect);
      if (err) reject(err);
      else resolve();
    };
    const onConnect = () => finish();
    client.on('error', onError);
    client.once('connect', onConnect);
  });
}

/** Connects with a persistent session, subscribes QoS 1 to every handler's topic, and resolves once messages flow. */
export async function startForwarder(options: ForwarderOptions): Promise<Forwarder> {
  const { logger } = options;
  const client = mqtt.connect(options.url, {
    clientId: options.clientId,
    clean: false,
    username: options.username,
    password: options.password,
    protocolVersion: 4,
    keepalive: 30,
    reconnectPeriod: 1000,
    connectTimeout: 10_000,
    resubscribe: true,
    manualConnect: true,
  });
  // Deliveries only start after connect(), by which time `queue` exists.
  const acks = installDeferredAcks(client, (delivery) => queue.submit(delivery));
  const queue = createDeliveryQueue({
    handlers: options.handlers,
    backend: options.backend,
    logger,
    acks,
    reply: (topic, payload) =>
      client.publish(topic, JSON.stringify(payload), { qos: 1 }, (err) => {
        if (err) logger.warn({ topic, err: err.message }, 'reply not published');
      }),
    concurrency: options.concurrency,
    retry: options.retry,
  });
  let started = false;
  client.on('error', (err) => {
    if (started) logger.warn({ err: err.message }, 'MQTT client error');
  });

  client.connect();
  try {
    await waitForFirstConnect(client, logger, options.connectTimeoutMs ?? 30_000);
    const granted = await client.subscribeAsync(options.handlers.map((h) => h.subscription), { qos: 1 });
    const refused = granted.filter((g) => g.qos === 128).map((g) => g.topic);
    if (refused.length > 0) throw new Error(`device-gateway: the MQTT broker refused the subscriptions ${refused.join(', ')} (check its ACL for the gateway)`);
  } catch (err) {
    await queue.stop(0);
    client.end(true);
    throw err;
  }
  started = true;
  client.on('offline', () => logger.warn({ held: queue.held() }, 'gateway lost the MQTT broker; reconnecting'));
  client.on('connect', (connack) => logger.info({ sessionPresent: connack.sessionPresent }, 'gateway reconnected to the MQTT broker'));
  logger.info({ clientId: options.clientId, topics: options.handlers.map((h) => h.subscription) }, 'forwarder subscribed');

  return {
    held: () => queue.held(),
    async publish(topic, payload) {
      await client.publishAsync(topic, JSON.stringify(payload), { qos: 1 });
    },
    async stop() {
      await queue.stop(5_000);
      await Promise.race([client.endAsync(false), new Promise((resolve) => setTimeout(resolve, 2_000))]);
      if (!client.disconnected) await client.endAsync(true);
    },
  };
}
