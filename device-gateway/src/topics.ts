// The MQTT topic tree (docs/contracts.md, shared/reference/iot.md):
//   uplinks   devices/{id}/alarm|telemetry|status, workers/{id}/reports|location
//   downlinks devices/{id}/ack, workers/{id}/ack|tasks

export type Owner = 'devices' | 'workers';

export const UPLINKS: Record<Owner, readonly string[]> = {
  devices: ['alarm', 'telemetry', 'status'],
  workers: ['reports', 'location'],
};

export const DOWNLINKS: Record<Owner, readonly string[]> = {
  devices: ['ack'],
  workers: ['ack', 'tasks'],
};

/** Device ids and worker usernames as the backend's models accept them. */
export const CLIENT_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export interface TopicParts {
  owner: Owner;
  id: string;
  channel: string;
}

/** Splits `owner/id/channel` into its parts; null for anything else (other depth, unknown owner, malformed id). */
export function parseTopic(topic: string): TopicParts | null {
  const parts = topic.split('/');
  if (parts.length !== 3) return null;
  const [owner, id, channel] = parts;
  if (owner !== 'devices' && owner !== 'workers') return null;
  if (!CLIENT_ID_PATTERN.test(id) || channel === '') return null;
  return { owner, id, channel };
}

/** True when `id` is a well-formed device id or worker username (so it can appear in a topic). */
export function isValidClientId(id: string): boolean {
  return CLIENT_ID_PATTERN.test(id);
}

/** The topic on which a device or worker receives answers to its uplinks. */
export function ackTopic(owner: Owner, id: string): string {
  return `${owner}/${id}/ack`;
}
