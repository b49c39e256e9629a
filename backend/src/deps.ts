import type { Connection } from 'mongoose';
import type { Logger } from 'pino';
import type { StoredEvent } from './bus/domainEvent.js';
import type { Clock } from './clock.js';
import type { Env } from './env.js';
import type { Models } from './models/index.js';

/** The event bus as the rest of the backend sees it (implemented in bus/). */
export interface EventBus {
  /** Wakes the relay and in-process consumers now; call after a command pushed to an outbox. */
  notify(): void;
  /** Listens to every event as the relay appends it to `events` (for SSE). Returns the unsubscribe function. */
  onAppended(listener: (event: StoredEvent) => void): () => void;
}

/** Where a point is: the grid cell from the in-memory spatial index (implemented in geo/). */
export interface Location {
  gridCode: string;
  communityCode: string;
  streetCode: string;
  /** 0 when inside the cell; otherwise the distance to the nearest cell within the configured limit. */
  distanceM: number;
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
