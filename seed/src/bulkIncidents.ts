import type { Connection } from 'mongoose';
import type { HistorySummary } from './history.js';
import type { LogOption } from './progress.js';
import type { ReferenceData } from './referenceData.js';

export interface BulkOptions {
  days: number;
  perDay: number;
  until?: Date;
  seed?: string;
  log?: LogOption;
}

/** City-scale history (placeholder until the bulk writer lands): writes nothing. */
export async function seedBulkIncidents(_conn: Connection, _data: ReferenceData, _opts: BulkOptions): Promise<HistorySummary> {
  return { skipped: true, reported: 0, actions: 0, errors: 0 };
}
