import mqtt, { type IClientOptions, type MqttClient } from 'mqtt';

// MQTT clients as a device or worker would use them, for gateway tests
// (unit tests here and the end-to-end tests under tests/e2e).

/** Connects and resolves once CONNACK accepted; rejects with the refusal (its `code` is the CONNACK return code). */
export function connectClient(url: string, options: IClientOptions): Promise<MqttClient> {
  return new Promise((resolve, reject) => {
    const client = mqtt.connect(url, { reconnectPeriod: 0, connectTimeout: 5_000, protocolVersion: 4, ...options });
    client.once('connect', () => {
      client.removeAllListeners('error');
      client.on('error', () => undefined);
      resolve(client);
    });
    client.once('error', (err) => {
      client.end(true);
      reject(err);
    });
  });
}

/** The CONNACK return code a connect attempt is refused with, or 0 when it is accepted (the client is then closed). */
export async function connackCode(url: string, options: IClientOptions): Promise<number> {
  try {
    const client = await connectClient(url, options);
    await client.endAsync();
    return 0;
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    if (typeof code === 'number') return code;
    throw err;
  }
}

/** Collects the JSON messages a client receives so a test can wait for one. */
export interface Inbox {
  messages: Array<{ topic: string; body: any }>;
  waitFor(predicate: (body: any, topic: string) => boolean, timeoutMs?: number): Promise<any>;
}

/** Subscribes `client` to `topic` (QoS 1) and returns its inbox. */
export async function openInbox(client: MqttClient, topic: string): Promise<Inbox> {
  const messages: Inbox['messages'] = [];
  const waiters = new Set<() => void>();
  client.on('message', (t, payload) => {
    let body: unknown;
    try {
      body = JSON.parse(payload.toString('utf8'));
    } catch {
      body = payload.toString('utf8');
    }
    messages.push({ topic: t, body });
    for (const wake of waiters) wake();
  });
  const granted = await client.subscribeAsync(topic, { qos: 1 });
  if (granted[0]?.qos === 128) throw new Error(`subscription to ${topic} refused`);
  return {
    messages,
    waitFor(predicate, timeoutMs = 5_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const hit = messages.find((m) => predicate(m.body, m.topic));
          if (!hit) return false;
          cleanup();
          resolve(hit.body);
          return true;
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`no matching message on ${topic} within ${timeoutMs} ms; got ${JSON.stringify(messages.map((m) => m.body))}`));
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          waiters.delete(wake);
        };
        const wake = () => void check();
        if (!check()) waiters.add(wake);
      });
    },
  };
}

/** Resolves when `predicate` holds, polling every 20 ms; rejects after `timeoutMs` naming `what`. */
export async function eventually(predicate: () => boolean | Promise<boolean>, what: string, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
