/**
 * Typed Infoplus errors. They never hold the API key, request headers or the axios error (whose `config`
 * carries the key): only what a user or the sync engine can act on. `toJSON` is safe to log.
 */

/** Category of an Infoplus failure. */
export type InfoplusErrorKind =
  'auth' | 'not-found' | 'validation' | 'rate-limited' | 'server' | 'network' | 'outcome-unknown';

/** What the client was doing. */
export type InfoplusOperation =
  'create' | 'get' | 'update' | 'delete' | 'search' | 'getBySKU' | 'getByCustomerNo' | 'testConnection';

/** Fields shared by every Infoplus error. */
export interface InfoplusErrorInit {
  /** Human-readable summary; the class adds nothing to it. */
  message: string;
  resource: string;
  operation: InfoplusOperation;
  status?: number;
  messages?: readonly string[];
  fieldErrors?: Record<string, string[]>;
  retryAfterMs?: number;
  /** Record key (orderNo / id / SKU) the call concerned, when known. */
  recordKey?: string;
  /** HTTP method and path relative to the base URL (no query string, no key). */
  method?: string;
  path?: string;
  /** Low-level network code such as ECONNRESET or ETIMEDOUT. */
  code?: string;
  /** Whether the request may have reached Infoplus (network errors only). */
  requestSent?: boolean;
}

/** Base class of every error thrown by the Infoplus client. */
export class InfoplusError extends Error {
  readonly kind: InfoplusErrorKind;
  readonly status?: number;
  readonly resource: string;
  readonly operation: InfoplusOperation;
  readonly messages: readonly string[];
  readonly fieldErrors?: Record<string, string[]>;
  readonly retryAfterMs?: number;
  readonly recordKey?: string;
  readonly method?: string;
  readonly path?: string;
  readonly code?: string;
  readonly requestSent?: boolean;

  constructor(kind: InfoplusErrorKind, init: InfoplusErrorInit) {
    super(init.message);
    this.name = 'InfoplusError';
    this.kind = kind;
    this.resource = init.resource;
    this.operation = init.operation;
    this.messages = init.messages ?? [];
    if (init.status !== undefined) this.status = init.status;
    if (init.fieldErrors !== undefined) this.fieldErrors = init.fieldErrors;
    if (init.retryAfterMs !== undefined) this.retryAfterMs = init.retryAfterMs;
    if (init.recordKey !== undefined) this.recordKey = init.recordKey;
    if (init.method !== undefined) this.method = init.method;
    if (init.path !== undefined) this.path = init.path;
    if (init.code !== undefined) this.code = init.code;
    if (init.requestSent !== undefined) this.requestSent = init.requestSent;
  }

  /** Plain data for logs and the UI; contains nothing secret. */
  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = {
      name: this.name,
      kind: this.kind,
      message: this.message,
      resource: this.resource,
      operation: this.operation,
    };
    for (const k of [
      'status',
      'recordKey',
      'method',
      'path',
      'code',
      'retryAfterMs',
      'requestSent',
    ] as const) {
      if (this[k] !== undefined) out[k] = this[k];
    }
    if (this.messages.length > 0) out.messages = [...this.messages];
    if (this.fieldErrors !== undefined) out.fieldErrors = this.fieldErrors;
    return out;
  }
}

/** 401/403: the API key is wrong, revoked, or lacks permission. */
export class AuthError extends InfoplusError {
  constructor(init: InfoplusErrorInit) {
    super('auth', init);
    this.name = 'AuthError';
  }
}

/** 404: the record does not exist. */
export class NotFoundError extends InfoplusError {
  constructor(init: InfoplusErrorInit) {
    super('not-found', init);
    this.name = 'NotFoundError';
  }
}

/** 4xx: Infoplus refused the data; `fieldErrors` maps field -> messages where Infoplus named the field. */
export class ValidationError extends InfoplusError {
  constructor(init: InfoplusErrorInit) {
    super('validation', init);
    this.name = 'ValidationError';
  }
}

/** 429 after retries ran out (or Retry-After longer than the client is willing to wait). */
export class RateLimitedError extends InfoplusError {
  constructor(init: InfoplusErrorInit) {
    super('rate-limited', init);
    this.name = 'RateLimitedError';
  }
}

/** 5xx or an answer that is not Infoplus JSON. */
export class ServerError extends InfoplusError {
  constructor(init: InfoplusErrorInit) {
    super('server', init);
    this.name = 'ServerError';
  }
}

/** No answer, and for a write the request certainly never left (or it was a read). */
export class NetworkError extends InfoplusError {
  constructor(init: InfoplusErrorInit) {
    super('network', init);
    this.name = 'NetworkError';
  }
}

/** A write reached (or may have reached) Infoplus but no usable answer came back: look the record up first. */
export class OutcomeUnknownError extends InfoplusError {
  constructor(init: InfoplusErrorInit) {
    super('outcome-unknown', init);
    this.name = 'OutcomeUnknownError';
  }
}

/** Client options that cannot work (bad domain, empty key...); the message says what to fix. */
export class InfoplusConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InfoplusConfigError';
  }
}
