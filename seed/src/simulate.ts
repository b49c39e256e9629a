import { DEFAULT_MIX, runSimulation, type Kind } from './simulation.js';

const USAGE = `Usage: npm run simulate -- --rate N --duration S [--mix alarm=10,report=12,complaint=8,telemetry=40,location=30] [--devices N] [--workers N]
  Environment: BACKEND_URL (default http://127.0.0.1:3000), MQTT_URL (default mqtt://127.0.0.1:1883), SEED_SECRET (device tokens).`;

/** Parses `alarm=1,report=2` into a mix; throws on unknown kinds or bad weights. */
export function parseMix(text: string): Partial<Record<Kind, number>> {
  const mix: Partial<Record<Kind, number>> = {};
  for (const part of text.split(',').filter(Boolean)) {
    const [kind, weight] = part.split('=');
    if (!(kind in DEFAULT_MIX)) throw new Error(`unknown kind "${kind}" in --mix (known: ${Object.keys(DEFAULT_MIX).join(', ')})`);
    const w = Number(weight);
    if (!Number.isFinite(w) || w < 0) throw new Error(`--mix weight of ${kind} must be a number ≥ 0`);
    mix[kind as Kind] = w;
  }
  return mix;
}

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  const opts: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const eq = argv[i].indexOf('=');
    const flag = eq >= 0 ? argv[i].slice(0, eq) : argv[i];
    if (flag === '--help' || flag === '-h') {
      console.log(USAGE);
      return 0;
    }
    if (!['--rate', '--duration', '--mix', '--devices', '--workers'].includes(flag)) throw new Error(`unknown argument "${argv[i]}"`);
    const value = eq >= 0 ? argv[i].slice(eq + 1) : argv[++i];
    if (value === undefined) throw new Error(`${flag} needs a value`);
    opts[flag.slice(2)] = value;
  }
  const num = (name: string, fallback?: number) => {
    if (opts[name] === undefined && fallback !== undefined) return fallback;
    const n = Number(opts[name]);
    if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} must be a positive number`);
    return n;
  };
  const controller = new AbortController();
  process.once('SIGINT', () => {
    console.error('\nstopping: waiting for outstanding acknowledgements…');
    controller.abort();
  });
  const result = await runSimulation({
    backendUrl: process.env.BACKEND_URL ?? 'http://127.0.0.1:3000',
    mqttUrl: process.env.MQTT_URL ?? 'mqtt://127.0.0.1:1883',
    rate: num('rate'),
    durationS: num('duration'),
    mix: opts.mix ? parseMix(opts.mix) : undefined,
    devices: num('devices', 20),
    workers: num('workers', 10),
    secret: process.env.SEED_SECRET,
    log: (line) => console.log(line),
    signal: controller.signal,
  });
  console.log(`achieved ${result.achievedRate} msg/s over ${result.elapsedS.toFixed(1)} s; incidents ${result.incidentCodes.length}; rate-limited complaints ${result.rateLimited}; errors ${result.errors}`);
  for (const e of result.errorSamples) console.log(`  error: ${e}`);
  return result.errors ? 1 : 0;
}

if (process.argv[1]?.endsWith('simulate.ts')) {
  main().then(
    (code) => process.exit(code),
    (err) => {
      console.error(`simulate: ${(err as Error).message}\n\n${USAGE}`);
      process.exit(2);
    },
  );
}
