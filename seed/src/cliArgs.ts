import type { Scale } from './geography.js';

export interface SeedArgs {
  empty: boolean;
  ifEmpty: boolean;
  scale: Scale;
  /** Days of history; undefined = the scale's default. */
  historyDays?: number;
  historyPerDay?: number;
  seed?: string;
  help: boolean;
}

export const SEED_USAGE = `Usage: npm run seed -- [--empty] [--if-empty] [--scale tiny|demo|city] [--history 90d|0] [--per-day N] [--seed TEXT]
  --empty        drop every collection of the database first
  --if-empty     do nothing when the database already has grid cells
  --scale        tiny (1 street, 2 communities), demo (default), city (≥40,000 cells, 20,000 workers, 100,000 devices, 1M incidents)
  --history      days of past incidents (default 90 at demo and city scale, 0 at tiny); 0 or "none" for none
  --per-day      average past cases per day, in total (default tiny 6; demo 36, of which 4 are played through the commands and the rest are finished cases cloned; city 11,200)
  --seed         seed of every random choice (default "onegrid")
Connects to MONGODB_URI, else starts the embedded store on DATA_DIR/store (default ./data).`;

/** Parses the seed CLI's arguments; throws an Error with a clear message for anything unknown or malformed. */
export function parseSeedArgs(argv: readonly string[]): SeedArgs {
  const args: SeedArgs = { empty: false, ifEmpty: false, scale: 'demo', help: false };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2) as [string, string | undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined || v.startsWith('--')) throw new Error(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--empty':
        args.empty = true;
        break;
      case '--if-empty':
        args.ifEmpty = true;
        break;
      case '--scale': {
        const v = value();
        if (v !== 'tiny' && v !== 'demo' && v !== 'city') throw new Error(`--scale must be tiny, demo or city, not "${v}"`);
        args.scale = v;
        break;
      }
      case '--history': {
        const v = value();
        const m = /^(\d+)d?$/.exec(v);
        if (v === 'none') args.historyDays = 0;
        else if (m && Number(m[1]) <= 3650) args.historyDays = Number(m[1]);
        else throw new Error(`--history must be a number of days like 90d (at most 3650d), or none; not "${v}"`);
        break;
      }
      case '--per-day': {
        const v = Number(value());
        if (!Number.isFinite(v) || v <= 0 || v > 1_000_000) throw new Error('--per-day must be a positive number');
        args.historyPerDay = v;
        break;
      }
      case '--seed':
        args.seed = value();
        break;
      case '--help':
      case '-h':
        args.help = true;
        break;
      default:
        throw new Error(`unknown argument "${argv[i]}"`);
    }
  }
  if (args.empty && args.ifEmpty) throw new Error('--empty and --if-empty contradict each other');
  return args;
}
