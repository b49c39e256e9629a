import type { z } from 'zod';
import type { BackendResult } from '../backendClient.js';
import type { AckPayload, Outcome } from './handler.js';

// The shared steps of the handler recipe. Each returns either the value the
// next step needs or the Outcome that ends the recipe early, so a handler
// reads top to bottom with one `if ('outcome' in …) return …` per step.

type Step<T> = { value: T } | { outcome: Outcome };

/** An outcome that acknowledges the message and answers the sender with an error. */
export function rejectWith(messageId: string | null, code: string, message: string): Outcome {
  return { action: 'ack', logAs: 'rejected', reply: { messageId, ok: false, error: { code, message } } };
}

/** The sender's message id when the payload carries a usable one, so that even a rejection can name the message. */
export function messageIdOf(value: unknown): string | null {
  const id = (value as { messageId?: unknown } | null)?.messageId;
  return typeof id === 'string' && id.length > 0 && id.length <= 128 ? id : null;
}

/** The message id inside a raw payload, when it is JSON carrying one (for replies outside the recipe). */
export function messageIdInPayload(payload: Buffer): string | null {
  try {
    return messageIdOf(JSON.parse(payload.toString('utf8')));
  } catch {
    return null;
  }
}

/** Parse: the payload as a JSON object, or an `invalid_json` rejection. */
export function parseJsonObject(payload: Buffer): Step<Record<string, unknown>> {
  let value: unknown;
  try {
    value = JSON.parse(payload.toString('utf8'));
  } catch {
    return { outcome: rejectWith(null, 'invalid_json', 'payload is not valid JSON') };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { outcome: rejectWith(null, 'invalid_json', 'payload must be a JSON object') };
  }
  return { value: value as Record<string, unknown> };
}

/** Authorize: a payload may name its sender (`field`) only as the id in its topic; else an `unauthorized` rejection. */
export function authorizeSender(body: Record<string, unknown>, field: string, topicId: string): Step<string> {
  const claimed = body[field];
  if (claimed === undefined || claimed === topicId) return { value: topicId };
  return { outcome: rejectWith(messageIdOf(body), 'unauthorized', `${field} in the payload does not match the topic (${topicId})`) };
}

/** Validate: the body checked against `schema`, or an `invalid_payload` rejection listing what is wrong. */
export function validateWith<S extends z.ZodType>(schema: S, body: Record<string, unknown>): Step<z.infer<S>> {
  const parsed = schema.safeParse(body);
  if (parsed.success) return { value: parsed.data };
  const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(payload)'}: ${i.message}`).join('; ');
  return { outcome: rejectWith(messageIdOf(body), 'invalid_payload', problems) };
}

/** Ack: a backend answer as an outcome — 2xx acknowledges with `onOk`'s reply, 4xx acknowledges with the backend's error, anything else retries. */
export function answerFrom(res: BackendResult, messageId: string | null, onOk: (body: unknown) => AckPayload | undefined): Outcome {
  if (res.kind === 'ok') return { action: 'ack', reply: onOk(res.body) };
  if (res.kind === 'rejected') return rejectWith(messageId, res.error.code, res.error.message);
  return { action: 'retry', reason: res.status ? `backend answered ${res.status}: ${res.reason}` : res.reason };
}

/** The success reply for an uplink that became (or already was) an incident. */
export function incidentReply(messageId: string, body: unknown): AckPayload {
  const b = (body ?? {}) as { code?: unknown; trackingCode?: unknown; duplicate?: unknown };
  return {
    messageId,
    ok: true,
    incidentCode: String(b.code ?? ''),
    trackingCode: String(b.trackingCode ?? ''),
    duplicate: b.duplicate === true,
  };
}
