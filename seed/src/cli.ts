import { join } from 'node:path';
import mongoose from 'mongoose';
import { startEmbeddedStore, type EmbeddedStore } from '@onegrid/backend/store';
import { parseSeedArgs, SEED_USAGE, type SeedArgs } from './cliArgs.js';
import { seedDemo, type SeedSummary } from './seedDemo.js';

/** `npm run seed -- …`: seeds MONGODB_URI or the embedded store in DATA_DIR, then prints a summary. */
async function main(): Promise<number> {
  let args: SeedArgs;
  try {
    args = parseSeedArgs(process.argv.slice(2));
  } catch (err) {
    console.error(`seed: ${(err as Error).message}\n\n${SEED_USAGE}`);
    return 2;
  }
  if (args.help) {
    console.log(SEED_USAGE);
    return 0;
  }
  let store: EmbeddedStore | null = null;
  let uri = process.env.MONGODB_URI;
  if (!uri) {
    const dataDir = join(process.env.DATA_DIR ?? './data', 'store');
    store = await startEmbeddedStore({ dataDir, host: '127.0.0.1', port: 0 }).catch((err: Error) => {
      throw new Error(`${err.message} (is OneGrid running on ${dataDir}? stop it, or seed through MONGODB_URI)`);
    });
    const u = new URL(store.uri);
    u.pathname = '/onegrid';
    uri = u.toString();
  }
  // At city scale one unindexed scan (the history's templates) or one full garbage collection of a store holding a
  // million incidents keeps the embedded store busy for tens of seconds: the driver's connection monitor and server
  // selection must wait it out rather than declare the server gone.
  const conn = await mongoose.createConnection(uri, { serverSelectionTimeoutMS: 300_000, connectTimeoutMS: 300_000 }).asPromise();
  try {
    if (args.ifEmpty && (await conn.collection('gridcells').estimatedDocumentCount()) > 0) {
      console.log('seed: the database already has grid cells; nothing to do (--if-empty)');
      return 0;
    }
    if (args.empty) {
      await conn.db!.dropDatabase();
      console.error('seed: dropped the database');
    }
    const summary = await seedDemo(conn, { scale: args.scale, history: args.historyDays, historyPerDay: args.historyPerDay, seed: args.seed, log: true });
    console.log(formatSummary(summary));
    return 0;
  } finally {
    await conn.close();
    await store?.stop();
  }
}

/** A human summary of a seed run. */
export function formatSummary(s: SeedSummary): string {
  const written = Object.entries(s.written)
    .map(([k, c]) => `${k} +${c.inserted}${c.changed ? ` ~${c.changed}` : ''}${c.unchanged ? ` =${c.unchanged}` : ''}`)
    .join(', ');
  const h = s.history as (SeedSummary['history'] & { cloned?: number }) | null;
  const cloned = h?.cloned ? ` + ${h.cloned} cloned from them` : '';
  const history = !h ? 'none' : h.skipped && !h.cloned ? 'present already (skipped)' : `${h.reported} cases played through the commands${cloned}, ${h.actions} actions, ${h.errors} errors${h.firstError ? ` (first: ${h.firstError})` : ''}`;
  return [
    `OneGrid seed (${s.scale}) done in ${(s.elapsedMs / 1000).toFixed(1)} s, peak RSS ${s.peakRssMB} MB`,
    `  place      ${s.districts} district(s), ${s.streets} streets, ${s.communities} communities, ${s.gridCells} grid cells, ${s.basemapFeatures} basemap features`,
    `  people     ${s.departments} departments, ${s.users} users (${s.workers} grid workers)`,
    `  things     ${s.categories} categories, ${s.routingRules} routing rules, ${s.devices} devices`,
    `  history    ${history}`,
    `  written    ${written}  (+ inserted, ~ changed, = unchanged)`,
    `  steps      ${Object.entries(s.timings).map(([k, ms]) => `${k} ${(ms / 1000).toFixed(1)} s`).join(', ')}`,
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('seed/src/cli.ts')) {
  main().then(
    (code) => process.exit(code),
    (err) => {
      console.error(`seed failed: ${(err as Error).stack ?? err}`);
      process.exit(1);
    },
  );
}
