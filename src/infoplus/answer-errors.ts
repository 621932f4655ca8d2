/** Maps an HTTP answer or a network failure of one attempt to a typed InfoplusError with an actionable message. */
import {
  AuthError,
  NetworkError,
  NotFoundError,
  OutcomeUnknownError,
  RateLimitedError,
  ServerError,
  ValidationError,
} from './errors.js';
import type { InfoplusError, InfoplusErrorInit, InfoplusOperation } from './errors.js';
import { RETRY_AFTER_HEADER, parseErrorBody, parseRetryAfter } from './wire-format.js';

/** What an attempt was about. */
export interface AttemptContext {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  resource: string;
  operation: InfoplusOperation;
  recordKey?: string;
  /** Host for messages. */
  host: string;
  /** Removes the API key from server-provided text. */
  scrub: (text: string) => string;
}

/** Codes that mean the connection was never made, so nothing reached the server. */
export const NOT_SENT_CODES: ReadonlySet<string> = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'EAI_FAIL',
]);

function describeCall(ctx: AttemptContext): string {
  return `${ctx.operation} ${ctx.resource}${ctx.recordKey !== undefined ? ` ${ctx.recordKey}` : ''}`;
}

function baseInit(ctx: AttemptContext): InfoplusErrorInit {
  return {
    message: '',
    resource: ctx.resource,
    operation: ctx.operation,
    method: ctx.method,
    path: ctx.path,
    ...(ctx.recordKey !== undefined ? { recordKey: ctx.recordKey } : {}),
  };
}

function scrubFieldErrors(
  fieldErrors: Record<string, string[]>,
  scrub: (text: string) => string,
): Record<string, string[]> {
  return Object.fromEntries(Object.entries(fieldErrors).map(([field, m]) => [field, m.map(scrub)]));
}

/** Error for a non-2xx answer. */
export function errorForStatus(
  ctx: AttemptContext,
  status: number,
  body: unknown,
  headers: Record<string, unknown>,
): InfoplusError {
  const isWrite = ctx.method !== 'GET';
  const parsed = parseErrorBody(body);
  const messages = parsed.messages.map(ctx.scrub);
  const base: InfoplusErrorInit = { ...baseInit(ctx), status, messages };
  const what = describeCall(ctx);
  const detail = messages.length > 0 ? `: ${messages.join('; ')}` : '';
  const retryAfterMs = parseRetryAfter(headers[RETRY_AFTER_HEADER.toLowerCase()]);
  const withRetryAfter = retryAfterMs !== undefined ? { retryAfterMs } : {};
  if (status === 401) {
    return new AuthError({
      ...base,
      message: `Infoplus rejected the API key (HTTP 401) on ${what}: check the API key in Settings${detail}`,
    });
  }
  if (status === 403) {
    return new AuthError({
      ...base,
      // Infoplus publishes no status for a wrong key, so 403 may mean a wrong key as well as a missing right.
      message: `Infoplus refused ${what} (HTTP 403): the API key is not accepted, or its user lacks permission for this line of business or record; check the API key in Settings${detail}`,
    });
  }
  if (status === 404)
    return new NotFoundError({ ...base, message: `Infoplus has no such record: ${what}${detail}` });
  if (status === 429) {
    const after = retryAfterMs !== undefined ? `, retry after ${Math.ceil(retryAfterMs / 1000)} s` : '';
    return new RateLimitedError({
      ...base,
      ...withRetryAfter,
      message: `Infoplus rate limit reached on ${what} (HTTP 429${after})`,
    });
  }
  if (status >= 300 && status < 400) {
    const location = typeof headers.location === 'string' ? ` to ${ctx.scrub(headers.location)}` : '';
    return new ServerError({
      ...base,
      message: `${ctx.host} answered ${what} with a redirect (HTTP ${status}${location}): this does not look like the Infoplus API; check the domain or base URL`,
    });
  }
  if (status >= 400 && status < 500) {
    return new ValidationError({
      ...base,
      // Infoplus may echo what it was sent: field messages land in the inbox, so they are scrubbed too.
      fieldErrors: parsed.fieldErrors && scrubFieldErrors(parsed.fieldErrors, ctx.scrub),
      message: `Infoplus rejected ${what} (HTTP ${status})${detail || ': no reason given'}`,
    });
  }
  // 502/504 come from a proxy that gave up waiting: the write may have been committed behind it.
  if (isWrite && (status === 502 || status === 504)) {
    return new OutcomeUnknownError({
      ...base,
      requestSent: true,
      message: `${what}: a gateway answered HTTP ${status}, so Infoplus may or may not have applied it; look the record up before sending it again`,
    });
  }
  return new ServerError({
    ...base,
    ...withRetryAfter,
    message: `Infoplus server error on ${what} (HTTP ${status})${detail}`,
  });
}

/** Error for an attempt that got no answer. `connected` = the socket was connected, so the request may have left. */
export function errorForNetwork(
  ctx: AttemptContext,
  code: string,
  connected: boolean,
  timedOutAfterMs: number | undefined,
): InfoplusError {
  const sent = connected && !NOT_SENT_CODES.has(code);
  const what = describeCall(ctx);
  const reason = describeNetwork(ctx.host, code, sent, timedOutAfterMs);
  const init: InfoplusErrorInit = { ...baseInit(ctx), code, requestSent: sent };
  if (ctx.method !== 'GET' && sent) {
    return new OutcomeUnknownError({
      ...init,
      message: `${what} was sent to Infoplus but no answer came back (${reason}); it may or may not have been applied — look the record up before sending it again`,
    });
  }
  return new NetworkError({ ...init, message: `${what} failed: ${reason}` });
}

function describeNetwork(
  host: string,
  code: string,
  sent: boolean,
  timedOutAfterMs: number | undefined,
): string {
  if (timedOutAfterMs !== undefined) {
    return sent
      ? `no answer from ${host} within ${timedOutAfterMs} ms`
      : `could not connect to ${host} within ${timedOutAfterMs} ms; check the network connection`;
  }
  switch (code) {
    case 'ENOTFOUND':
    case 'EAI_FAIL':
      return `the host ${host} was not found (DNS); check the Infoplus domain and the network connection`;
    case 'EAI_AGAIN':
      return `the name ${host} could not be looked up right now (DNS); check the network connection`;
    case 'ECONNREFUSED':
      return `${host} refused the connection; nothing is listening there — check the domain or base URL`;
    case 'ENETUNREACH':
    case 'EHOSTUNREACH':
      return `${host} is unreachable; check the network connection`;
    case 'ECONNRESET':
    case 'EPIPE':
      return `the connection to ${host} was cut (${code})`;
    default:
      if (/CERT|SSL|TLS/i.test(code)) return `the TLS certificate of ${host} was not accepted (${code})`;
      return `network error talking to ${host} (${code})`;
  }
}
