import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', ''])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');
const port = (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback);

/** The backend's configuration, read once from the environment at start (see .env.example). */
const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('0.0.0.0'),
  PORT: port(3000),
  DATA_DIR: z.string().min(1).default('./data'),
  MONGODB_URI: z.string().regex(/^mongodb(\+srv)?:\/\//, 'must start with mongodb:// or mongodb+srv://').optional(),
  STORE_PORT: port(0),
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  SERVICE_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  JWT_TTL_HOURS: z.coerce.number().positive().max(24 * 30).default(12),
  DEMO_MODE: bool.optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TILE_URL: z.string().default(''),
  TILE_ATTRIBUTION: z.string().default(''),
  MAP_CENTER: z
    .string()
    .regex(/^-?\d+(\.\d+)?,-?\d+(\.\d+)?$/, 'must be "lat,lng"')
    .optional(),
  MAP_ZOOM: z.coerce.number().int().min(1).max(20).default(15),
  LOCATE_MAX_DISTANCE_M: z.coerce.number().min(0).max(5000).default(200),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(10),
  LOGIN_WINDOW_MS: z.coerce.number().int().min(1000).default(300_000),
  SSE_HEARTBEAT_MS: z.coerce.number().int().min(100).default(15_000),
  DEADLINE_CRON: z.string().default('* * * * *'),
  WEB_DIST: z.string().default(''),
  OPEN311_JURISDICTION_ID: z.string().regex(/^[A-Za-z0-9._:-]{1,100}$/, 'letters, digits and . _ : - only').optional(),
  OPEN311_CONTACT: z.string().max(500).default('OneGrid street command center 一网统管指挥中心'),
});

export type Env = z.output<typeof EnvSchema> & { DEMO: boolean };

/** Thrown when the environment does not validate; lists every bad variable. */
export class EnvError extends Error {}

/**
 * Validates the environment once. Demo mode (default outside production)
 * allows generated secrets and the fixed demo accounts; production requires
 * JWT_SECRET and SERVICE_TOKEN and refuses demo mode.
 */
export function loadEnv(source: Record<string, string | undefined> = process.env): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = EnvSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new EnvError(`backend: invalid configuration\n${lines.join('\n')}`);
  }
  const env = parsed.data;
  const production = env.NODE_ENV === 'production';
  const demo = env.DEMO_MODE ?? !production;
  if (production && demo) throw new EnvError('backend: DEMO_MODE=true is refused with NODE_ENV=production (demo credentials are public)');
  if (production) {
    const missing = (['JWT_SECRET', 'SERVICE_TOKEN'] as const).filter((k) => !env[k]);
    if (missing.length) throw new EnvError(`backend: ${missing.join(', ')} required when NODE_ENV=production`);
  }
  return { ...env, DEMO: demo };
}
