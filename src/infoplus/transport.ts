/**
 * One HTTP attempt against Infoplus through axios, mapped to a typed result or a typed InfoplusError.
 * The axios error (whose config holds the API key) is never rethrown or attached; messages are scrubbed.
 */
import http from 'node:http';
import https from 'node:https';
import type { Socket } from 'node:net';
import axios from 'axios';
import type { AxiosInstance, AxiosResponse } from 'axios';
import { hostOf } from './base-url.js';
import {
  AuthError,
  NetworkError,
  NotFoundError,
  OutcomeUnknownError,
  RateLimitedError,
  ServerError,
  ValidationError,
} from './errors.js';
import type { InfoplusErrorInit, InfoplusOperation, InfoplusError } from './errors.js';
import { API_KEY_HEADER, RETRY_AFTER_HEADER, parseErrorBody, parseRetryAfter } from './wire-format.js';

/** HTTP methods the client uses. */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** One request, relative to the versioned base URL. */
export interface AttemptSpec {
  method: HttpMethod;
  /** Path after the version, e.g. `/order/search`. */
  path: string;
  params?: Record<string, string | number | undefined>;
  body?: unknown;
  resource: string;
  operation: InfoplusOperation;
  recordKey?: string;
}

/** A 2xx answer. */
export interface AttemptResult {
  status: number;
  /** Parsed JSON, or undefined for an empty body. */
  body: unknown;
  /** True when the body was present but not JSON (e.g. an HTML page). */
  notJson: boolean;
}

/** Codes that mean the connection was never made, so nothing reached the server. */
const NOT_SENT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'EAI_FAIL',
]);

/** Settings of one transport (one client). */
export interface TransportOptions {
  baseUrl: string;
  apiVersion: string;
  apiKey: string;
  timeoutMs: number;
}

/** axios with keep-alive agents, a wall-clock timeout and "did the request leave?" tracking. */
export class Transport {
  private readonly http: AxiosInstance;
  private readonly httpAgent = new http.Agent({ keepAlive: true, maxSockets: 16 });
  private readonly httpsAgent = new https.Agent({ keepAlive: true, maxSockets: 16 });
  private readonly host: string;

  constructor(private readonly opts: TransportOptions) {
    this.host = hostOf(opts.baseUrl);
    this.http = axios.create({
      baseURL: `${opts.baseUrl}/${opts.apiVersion}`,
      headers: { [API_KEY_HEADER]: opts.apiKey, Accept: 'application/json' },
      httpAgent: this.httpAgent,
      httpsAgent: this.httpsAgent,
      maxRedirects: 0,
      validateStatus: () => true,
      responseType: 'text',
      transformResponse: [(data: unknown) => data],
    });
  }

  /** Remove the API key (and anything echoing it) from text that may reach a message or a log. */
  scrub(text: string): string {
    const key = this.opts.apiKey;
    return key.length >= 4 ? text.split(key).join('[redacted]') : text;
  }

  /** Close idle keep-alive sockets. */
  destroy(): void {
    this.httpAgent.destroy();
    this.httpsAgent.destroy();
  }

  /** Send once. Resolves with a 2xx answer; throws an InfoplusError otherwise. */
  async send(spec: AttemptSpec): Promise<AttemptResult> {
    const isWrite = spec.method !== 'GET';
    const state = { connected: false, timedOut: false };
    const controller = new AbortController();
    const timer = setTimeout(() => {
      state.timedOut = true;
      controller.abort();
    }, this.opts.timeoutMs);
    let res: AxiosResponse<string>;
    try {
      res = await this.http.request<string>({
        method: spec.method,
        url: spec.path,
        params: spec.params,
        data: spec.body === undefined ? undefined : JSON.stringify(spec.body),
        headers: spec.body === undefined ? {} : { 'Content-Type': 'application/json' },
        signal: controller.signal,
        transport: trackingTransport(state),
      });
    } catch (e) {
      throw this.networkError(spec, e, state, isWrite);
    } finally {
      clearTimeout(timer);
    }
    return this.toResult(spec, res, isWrite);
  }

  private toResult(spec: AttemptSpec, res: AxiosResponse<string>, isWrite: boolean): AttemptResult {
    const text = typeof res.data === 'string' ? res.data : '';
    let body: unknown = undefined;
    let notJson = false;
    if (text.trim() !== '') {
      try {
        body = JSON.parse(text);
      } catch {
        notJson = true;
        body = text;
      }
    }
    const status = res.status;
    if (status >= 200 && status < 300) return { status, body, notJson };
    const parsed = parseErrorBody(body);
    const messages = parsed.messages.map((m) => this.scrub(m));
    const base: InfoplusErrorInit = {
      message: '',
      resource: spec.resource,
      operation: spec.operation,
      status,
      messages,
      method: spec.method,
      path: spec.path,
      ...(spec.recordKey !== undefined ? { recordKey: spec.recordKey } : {}),
    };
    const what = `${spec.operation} ${spec.resource}${spec.recordKey !== undefined ? ` ${spec.recordKey}` : ''}`;
    const detail = messages.length > 0 ? `: ${messages.join('; ')}` : '';
    if (status === 401) {
      return fail(
        new AuthError({
          ...base,
          message: `Infoplus rejected the API key (HTTP 401) on ${what}: check the API key in Settings${detail}`,
        }),
      );
    }
    if (status === 403) {
      return fail(
        new AuthError({
          ...base,
          message: `Infoplus refused ${what} (HTTP 403): the API key's user lacks permission for this line of business or record${detail}`,
        }),
      );
    }
    if (status === 404)
      return fail(new NotFoundError({ ...base, message: `Infoplus has no such record: ${what}${detail}` }));
    if (status === 429) {
      const retryAfterMs = parseRetryAfter(res.headers[RETRY_AFTER_HEADER.toLowerCase()]);
      return fail(
        new RateLimitedError({
          ...base,
          ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
          message: `Infoplus rate limit reached on ${what} (HTTP 429${retryAfterMs !== undefined ? `, retry after ${Math.ceil(retryAfterMs / 1000)} s` : ''})`,
        }),
      );
    }
    if (status >= 300 && status < 400) {
      const location =
        typeof res.headers.location === 'string' ? ` to ${this.scrub(res.headers.location)}` : '';
      return fail(
        new ServerError({
          ...base,
          message: `${this.host} answered ${what} with a redirect (HTTP ${status}${location}): this does not look like the Infoplus API; check the domain or base URL`,
        }),
      );
    }
    if (status >= 400 && status < 500) {
      return fail(
        new ValidationError({
          ...base,
          fieldErrors: parsed.fieldErrors,
          message: `Infoplus rejected ${what} (HTTP ${status})${detail || ': no reason given'}`,
        }),
      );
    }
    // 502/504 come from a proxy that gave up waiting: the write may have been committed behind it.
    if (isWrite && (status === 502 || status === 504)) {
      return fail(
        new OutcomeUnknownError({
          ...base,
          requestSent: true,
          message: `${what}: a gateway answered HTTP ${status}, so Infoplus may or may not have applied it; look the record up before sending it again`,
        }),
      );
    }
    const retryAfterMs = parseRetryAfter(res.headers[RETRY_AFTER_HEADER.toLowerCase()]);
    return fail(
      new ServerError({
        ...base,
        ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
        message: `Infoplus server error on ${what} (HTTP ${status})${detail}`,
      }),
    );
  }

  private networkError(
    spec: AttemptSpec,
    e: unknown,
    state: { connected: boolean; timedOut: boolean },
    isWrite: boolean,
  ): InfoplusError {
    const code = state.timedOut ? 'ETIMEDOUT' : errorCode(e);
    const sent = state.connected && !NOT_SENT_CODES.has(code);
    const what = `${spec.operation} ${spec.resource}${spec.recordKey !== undefined ? ` ${spec.recordKey}` : ''}`;
    const reason = this.describe(code, state.timedOut, sent);
    const init: InfoplusErrorInit = {
      message: '',
      resource: spec.resource,
      operation: spec.operation,
      method: spec.method,
      path: spec.path,
      code,
      requestSent: sent,
      ...(spec.recordKey !== undefined ? { recordKey: spec.recordKey } : {}),
    };
    if (isWrite && sent) {
      return new OutcomeUnknownError({
        ...init,
        message: `${what} was sent to Infoplus but no answer came back (${reason}); it may or may not have been applied — look the record up before sending it again`,
      });
    }
    return new NetworkError({ ...init, message: `${what} failed: ${reason}` });
  }

  private describe(code: string, timedOut: boolean, sent: boolean): string {
    const host = this.host;
    if (timedOut) {
      return sent
        ? `no answer from ${host} within ${this.opts.timeoutMs} ms`
        : `could not connect to ${host} within ${this.opts.timeoutMs} ms; check the network connection`;
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
}

function fail(e: InfoplusError): never {
  throw e;
}

function errorCode(e: unknown): string {
  // Walk to the root cause; read only the code, never the axios config.
  let cur: unknown = e;
  for (let i = 0; i < 5 && cur !== null && typeof cur === 'object'; i++) {
    const code = (cur as { code?: unknown }).code;
    if (typeof code === 'string' && code !== 'ERR_CANCELED' && !code.startsWith('ERR_BAD')) return code;
    cur = (cur as { cause?: unknown }).cause;
  }
  return 'UNKNOWN';
}

/** A per-attempt axios transport that records whether the socket ever connected. */
function trackingTransport(state: { connected: boolean }): {
  request: (options: http.RequestOptions, cb: (res: http.IncomingMessage) => void) => http.ClientRequest;
} {
  return {
    request(options, cb) {
      const isTls = options.protocol === 'https:';
      const req = (isTls ? https : http).request(options, cb);
      req.once('socket', (socket: Socket) => {
        const mark = (): void => {
          state.connected = true;
        };
        if (socket.connecting) socket.once(isTls ? 'secureConnect' : 'connect', mark);
        else mark();
      });
      return req;
    },
  };
}
