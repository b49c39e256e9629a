// The gateway's only way to reach the backend: JSON POSTs to /api/ingest/*
// with the service token. Every answer is sorted into one of three kinds,
// because that is all a handler has to decide on:
//   ok          2xx — the backend took the message (acknowledge it)
//   rejected    4xx about the message itself (acknowledge it, answer with an error)
//   unavailable 5xx, network error, timeout, or a 401/403/408/429 that says
//               nothing about the message (keep it and retry later)

export interface BackendError {
  code: string;
  message: string;
}

export type BackendResult =
  | { kind: 'ok'; status: number; body: unknown }
  | { kind: 'rejected'; status: number; error: BackendError }
  | { kind: 'unavailable'; status?: number; reason: string };

export interface BackendClient {
  /** POSTs `body` as JSON to `path` (e.g. /api/ingest/device-alarms) and sorts the answer. */
  post(path: string, body: unknown, options?: PostOptions): Promise<BackendResult>;
}

export interface PostOptions {
  /** Overrides the client's timeout (a long poll waits longer than an ingest call). */
  timeoutMs?: number;
  /** Cancels the call (the gateway stopping); the answer is then `unavailable`. */
  signal?: AbortSignal;
}

export interface BackendClientOptions {
  baseUrl: string;
  serviceToken: string;
  timeoutMs: number;
}

// 401/403 mean the gateway's service token is wrong, 408/429 mean "later":
// none of them is the message's fault, so acknowledging would lose it.
const RETRYABLE_4XX = new Set([401, 403, 408, 429]);

async function readJson(res: Response): Promise<unknown> {
  const text = await res.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function errorFrom(body: unknown, status: number): BackendError {
  const err = (body as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
  return {
    code: typeof err?.code === 'string' ? err.code : `http_${status}`,
    message: typeof err?.message === 'string' ? err.message : `backend answered ${status}`,
  };
}

/** Creates the backend client; it never throws, every failure comes back as a BackendResult. */
export function createBackendClient(options: BackendClientOptions): BackendClient {
  const base = options.baseUrl.replace(/\/+$/, '');
  return {
    async post(path, body, postOptions = {}) {
      const timeout = AbortSignal.timeout(postOptions.timeoutMs ?? options.timeoutMs);
      let res: Response;
      try {
        res = await fetch(`${base}${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${options.serviceToken}` },
          body: JSON.stringify(body),
          signal: postOptions.signal ? AbortSignal.any([timeout, postOptions.signal]) : timeout,
        });
      } catch (err) {
        const cause = (err as { cause?: { code?: string } }).cause?.code;
        return { kind: 'unavailable', reason: cause ?? (err as Error).name ?? 'network error' };
      }
      let payload: unknown;
      try {
        payload = await readJson(res);
      } catch (err) {
        return { kind: 'unavailable', status: res.status, reason: `reading the answer failed: ${(err as Error).message}` };
      }
      if (res.status >= 200 && res.status < 300) return { kind: 'ok', status: res.status, body: payload };
      if (res.status >= 400 && res.status < 500 && !RETRYABLE_4XX.has(res.status)) {
        return { kind: 'rejected', status: res.status, error: errorFrom(payload, res.status) };
      }
      return { kind: 'unavailable', status: res.status, reason: errorFrom(payload, res.status).message };
    },
  };
}
