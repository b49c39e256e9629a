/**
 * Typed application errors. Throw these; the one error middleware renders
 * them as `{ error: { code, message, details } }` with their HTTP status.
 * Never branch on `err.message`: branch on `code`.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** 400: the request is malformed (bad JSON, schema violation). */
export class BadRequest extends AppError {
  constructor(message: string, details?: unknown, code = 'bad_request') {
    super(400, code, message, details);
  }
}

/** 401: no or invalid credentials. */
export class Unauthorized extends AppError {
  constructor(message = 'authentication required', code = 'unauthorized') {
    super(401, code, message);
  }
}

/** 403: authenticated but not allowed. */
export class Forbidden extends AppError {
  constructor(message = 'not allowed', code = 'forbidden', details?: unknown) {
    super(403, code, message, details);
  }
}

/** 404: the named entity does not exist (or is outside the caller's scope). */
export class NotFound extends AppError {
  constructor(entity: string, id: string) {
    super(404, 'not_found', `${entity} ${id} not found`, { entity, id });
  }
}

/** 409: the caller acted on a stale version, or a unique value is taken. */
export class Conflict extends AppError {
  constructor(message: string, code = 'conflict', details?: unknown) {
    super(409, code, message, details);
  }
}

/** 422: well-formed but not allowed by the domain rules (e.g. an illegal transition). */
export class Unprocessable extends AppError {
  constructor(code: string, message: string, details?: unknown) {
    super(422, code, message, details);
  }
}

/** 429: too many requests (login rate limit). */
export class TooManyRequests extends AppError {
  constructor(message: string, retryAfterSeconds: number) {
    super(429, 'rate_limited', message, { retryAfterSeconds });
  }
}

/** 503: a dependency (store, bus) is not ready. */
export class Unavailable extends AppError {
  constructor(message: string, code = 'unavailable') {
    super(503, code, message);
  }
}
