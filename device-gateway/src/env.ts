import { z } from 'zod';

// The gateway's configuration. This file is the only reader of process.env;
// every variable is listed with a comment in the root .env.example.

const port = z.coerce.number().int().min(0).max(65535);
const optionalText = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v));

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  /** External broker (mqtt://, mqtts://, ws://, wss://); unset = start the embedded Aedes broker. */
  MQTT_URL: optionalText.pipe(z.url({ protocol: /^(mqtts?|wss?)$/ }).optional()),
  /** Interface the embedded broker binds to. */
  MQTT_HOST: z.string().min(1).default('0.0.0.0'),
  /** Embedded broker, MQTT over TCP. */
  MQTT_PORT: port.default(1883),
  /** Embedded broker, MQTT over WebSocket (path /mqtt). */
  MQTT_WS_PORT: port.default(8083),
  /** The gateway's own credentials on an external broker. */
  MQTT_USERNAME: optionalText,
  MQTT_PASSWORD: optionalText,
  /** Where the backend's ingest API lives. */
  BACKEND_URL: z.url().default('http://127.0.0.1:3000'),
  /** Bearer token for /api/ingest/*; unset = read DATA_DIR/secrets.json (demo mode only). */
  SERVICE_TOKEN: optionalText,
  DATA_DIR: z.string().min(1).default('./data'),
  /** Fixed client id of the forwarder, so its persistent session survives reconnects. */
  GATEWAY_CLIENT_ID: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/).default('onegrid-gateway'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** How long a successful device/worker credential check is trusted before asking the backend again. */
  GATEWAY_AUTH_CACHE_MS: z.coerce.number().int().min(0).default(30_000),
  /** Backend calls the forwarder runs at once. */
  GATEWAY_CONCURRENCY: z.coerce.number().int().min(1).max(1024).default(16),
  /** First and longest wait between retries of a message the backend could not take (5xx / unreachable). */
  GATEWAY_RETRY_MIN_MS: z.coerce.number().int().min(1).default(500),
  GATEWAY_RETRY_MAX_MS: z.coerce.number().int().min(1).default(30_000),
  /** A message still failing this long while other messages succeed is answered with an error and dropped. */
  GATEWAY_GIVE_UP_MS: z.coerce.number().int().min(1).default(10 * 60_000),
  /** How long one pull of the downlink feed (tasks for workers) waits at the backend for something to send. */
  GATEWAY_DOWNLINK_WAIT_MS: z.coerce.number().int().min(0).max(60_000).default(20_000),
  /** Timeout of one backend HTTP call. */
  GATEWAY_BACKEND_TIMEOUT_MS: z.coerce.number().int().min(1).default(10_000),
});

export type GatewayEnv = z.infer<typeof EnvSchema>;

/** Parses and validates the gateway's configuration from `source` (process.env by default); throws one readable error listing every bad variable. */
export function loadEnv(source: Record<string, string | undefined> = process.env): GatewayEnv {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(env)'}: ${i.message}`);
    throw new Error(`device-gateway: invalid configuration\n${lines.join('\n')}`);
  }
  const env = parsed.data;
  if (env.GATEWAY_RETRY_MAX_MS < env.GATEWAY_RETRY_MIN_MS) {
    throw new Error('device-gateway: GATEWAY_RETRY_MAX_MS must be >= GATEWAY_RETRY_MIN_MS');
  }
  return env;
}
