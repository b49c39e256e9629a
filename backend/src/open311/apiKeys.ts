import { createHash, randomBytes } from 'node:crypto';
import { BadRequest, Conflict, NotFound } from '../kernel/index.js';
import type { Models, Open311Client } from '../models/index.js';
import { forbidden } from './errors.js';

/** Client names: lower-case letters, digits, `.`, `_`, `-` (they become the case's sender id). */
export const CLIENT_NAME = /^[a-z0-9][a-z0-9._-]{0,63}$/;
/** Every key starts with this, so a leaked one is recognisable in logs and by secret scanners. */
export const KEY_PREFIX = 'og311_';
export const DEFAULT_POSTS_PER_HOUR = 600;

type ClientModels = Pick<Models, 'Open311Client'>;

/** The stored form of a key: its SHA-256 in hex. */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** What a listing shows of a client: never the key or its hash. */
export interface ClientSummary {
  name: string;
  keyHint: string;
  postsPerHour: number;
  createdAt: Date;
  revokedAt?: Date;
  lastUsedAt?: Date;
}

const summary = (c: Open311Client): ClientSummary => ({ name: c.name, keyHint: c.keyHint, postsPerHour: c.postsPerHour, createdAt: c.createdAt, revokedAt: c.revokedAt, lastUsedAt: c.lastUsedAt });

/**
 * Issues a key for a new client application and returns it with the stored
 * summary; the key itself is returned only here. BadRequest for a bad name or
 * rate, Conflict when the name is taken (revoked clients included: names stay
 * unique for the audit).
 */
export async function createClient(models: ClientModels, name: string, postsPerHour = DEFAULT_POSTS_PER_HOUR): Promise<{ key: string; client: ClientSummary }> {
  if (!CLIENT_NAME.test(name)) throw new BadRequest(`client name must match ${CLIENT_NAME}`, { name }, 'invalid_client_name');
  if (!Number.isInteger(postsPerHour) || postsPerHour < 1) throw new BadRequest('postsPerHour must be a positive integer', { postsPerHour }, 'invalid_rate');
  if (await models.Open311Client.exists({ name })) throw new Conflict(`an Open311 client named ${name} exists already`, 'client_exists');
  const key = `${KEY_PREFIX}${randomBytes(24).toString('base64url')}`;
  const created = await models.Open311Client.create({ name, keyHash: hashApiKey(key), keyHint: key.slice(-4), postsPerHour });
  return { key, client: summary(created.toObject()) };
}

/** Every client, active and revoked, by name. */
export async function listClients(models: ClientModels): Promise<ClientSummary[]> {
  const clients = await models.Open311Client.find({}).sort({ name: 1 }).lean<Open311Client[]>();
  return clients.map(summary);
}

/** Revokes a client's key at `at` (idempotent: a second revoke keeps the first time); NotFound for an unknown name. */
export async function revokeClient(models: ClientModels, name: string, at: Date): Promise<ClientSummary> {
  await models.Open311Client.updateOne({ name, revokedAt: { $exists: false } }, { $set: { revokedAt: at } });
  const client = await models.Open311Client.findOne({ name }).lean<Open311Client>();
  if (!client) throw new NotFound('Open311 client', name);
  return summary(client);
}

/**
 * The client an `api_key` belongs to; the specification's 403 when it is
 * missing, unknown or revoked. Records the last use (at most once a minute).
 */
export async function clientForKey(models: ClientModels, key: string | undefined, now: Date): Promise<Open311Client> {
  if (!key) throw forbidden('api_key is required to submit a service request');
  const client = await models.Open311Client.findOne({ keyHash: hashApiKey(key) }).lean<Open311Client>();
  if (!client) throw forbidden('api_key is not valid');
  if (client.revokedAt) throw forbidden('api_key has been revoked');
  if (!client.lastUsedAt || now.getTime() - client.lastUsedAt.getTime() > 60_000) {
    await models.Open311Client.updateOne({ name: client.name }, { $set: { lastUsedAt: now } });
  }
  return client;
}
