import type { AckPayload } from '@onegrid/backend/contracts';
import type { Logger } from 'pino';
import type { BackendClient } from '../backendClient.js';
import type { Owner } from '../topics.js';

// What every topic handler looks like. A handler reads as a recipe:
// parse → authorize → validate → one backend call → ack, and returns an
// Outcome; the forwarder does the MQTT side (publishing the reply, sending
// the PUBACK, or holding the message for a retry).

/** An uplink as the forwarder received it, already split into owner and id. */
export interface InboundMessage {
  topic: string;
  owner: Owner;
  id: string;
  payload: Buffer;
  retain: boolean;
}

/** The answer a device or worker receives on `{owner}/{id}/ack` (docs/contracts.md). */
export type { AckPayload };

export type Outcome =
  /** Done with the message: acknowledge it to the broker and send `reply` (if any) to the sender. */
  | { action: 'ack'; reply?: AckPayload; logAs?: 'rejected' }
  /** The backend could not take it now: keep it unacknowledged and try again later. */
  | { action: 'retry'; reason: string };

export interface HandlerContext {
  backend: BackendClient;
  logger: Logger;
  /** Now, as an ISO string (injected so tests can pin it). */
  nowIso(): string;
}

export interface Handler {
  /** The subscription this handler serves, e.g. `devices/+/alarm`. */
  subscription: string;
  owner: Owner;
  channel: string;
  handle(message: InboundMessage, ctx: HandlerContext): Promise<Outcome>;
}
