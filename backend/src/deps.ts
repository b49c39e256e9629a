import type { Connection } from 'mongoose';
import type { Logger } from 'pino';
import type { Clock, Env, StoredEvent } from './kernel/index.js';
import type { Location } from './geo/index.js';
import type { Models } from './models/index.js';

/** The event bus as the rest of the backend sees it (implemented in bus/). */
export interface EventBus {
  /** Wakes the relay and in-process consumers now; call after a command pushed to an outbox. */
  notify(): void;
  /** Listens to every event as the relay appends it to `events` (for SSE). Returns the unsubscribe function. */
  onAppended(listener: (event: StoredEvent) => void): () => void;
}

export interface GeoService {
  /** The grid cell containing the point, else the nearest within `maxDistanceM` (default from env), else null (unlocated). */
  locate(lng: number, lat: number, maxDistanceM?: number): Location | null;
  /** Rebuilds the index from the database (after the seed or an admin edit). */
  reload(): Promise<void>;
}

/** Everything createApp() and the commands need; built once in server.ts, built per test in tests. */
export interface AppDeps {
  env: Env;
  logger: Logger;
  conn: Connection;
  models: Models;
  clock: Clock;
  bus: EventBus;
  geo: GeoService;
}
