import { DOWNLINKS, UPLINKS, parseTopic } from './topics.js';

/** Who an MQTT connection belongs to, decided once at CONNECT by the authenticator. */
export type ClientIdentity =
  | { kind: 'device'; id: string; deviceType?: string }
  | { kind: 'worker'; id: string; userId: string }
  | { kind: 'internal' };

function ownerOf(identity: ClientIdentity): 'devices' | 'workers' | null {
  if (identity.kind === 'device') return 'devices';
  if (identity.kind === 'worker') return 'workers';
  return null;
}

/** True when `identity` may publish on `topic`: the gateway anywhere, a device or worker only on its own uplinks. */
export function canPublish(identity: ClientIdentity, topic: string): boolean {
  if (identity.kind === 'internal') return true;
  const parts = parseTopic(topic);
  if (!parts) return false;
  return parts.owner === ownerOf(identity) && parts.id === identity.id && UPLINKS[parts.owner].includes(parts.channel);
}

/** True when `identity` may subscribe to `filter`: the gateway to anything, a device or worker only to its own downlinks (no wildcards). */
export function canSubscribe(identity: ClientIdentity, filter: string): boolean {
  if (identity.kind === 'internal') return true;
  if (filter.includes('+') || filter.includes('#')) return false;
  const parts = parseTopic(filter);
  if (!parts) return false;
  return parts.owner === ownerOf(identity) && parts.id === identity.id && DOWNLINKS[parts.owner].includes(parts.channel);
}

/** Describes an identity for logs without any secret. */
export function describeIdentity(identity: ClientIdentity): string {
  return identity.kind === 'internal' ? 'gateway' : `${identity.kind}:${identity.id}`;
}
