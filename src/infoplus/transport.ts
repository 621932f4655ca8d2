/**
 * One HTTP attempt against Infoplus through axios, mapped to a typed result or a typed InfoplusError.
 * The axios error (whose config holds the API key) is never rethrown or attached; messages are scrubbed.
 */
import http from 'node:http';
import https from 'node:https';
import type { Socket } from 'node:net';
import axios from 'axios';
import type { AxiosInstance, AxiosResponse } from 'axios';
import { errorForNetwork, errorForStatus } from './answer-errors.js';
import type { AttemptContext } from './answer-errors.js';
import { hostOf } from './base-url.js';
import type { InfoplusOperation } from './errors.js';
import { API_KEY_HEADER } from './wire-format.js';
import { scrubSecrets } from '../logging/redact.js';

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

const IDLE_SOCKET_MS = 4_000;

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
  // Idle sockets are dropped after 4 s, before common server keep-alive timeouts (Node 5 s), so a write is
  // rarely sent on a socket the server is closing (which would make its outcome unknown). As many sockets as
  // the rate limiter may ever want in flight (MAX_IN_FLIGHT).
  private readonly httpAgent = new http.Agent({ keepAlive: true, maxSockets: 64, timeout: IDLE_SOCKET_MS });
  private readonly httpsAgent = new https.Agent({ keepAlive: true, maxSockets: 64, timeout: IDLE_SOCKET_MS });
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
    return scrubSecrets(text, [this.opts.apiKey]);
  }

  /** Close idle keep-alive sockets. */
  destroy(): void {
    this.httpAgent.destroy();
    this.httpsAgent.destroy();
  }

  /** Send once. Resolves with a 2xx answer; throws an InfoplusError otherwise. */
  async send(spec: AttemptSpec): Promise<AttemptResult> {
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
      const code = state.timedOut ? 'ETIMEDOUT' : errorCode(e);
      throw errorForNetwork(
        this.context(spec),
        code,
        state.connected,
        state.timedOut ? this.opts.timeoutMs : undefined,
      );
    } finally {
      clearTimeout(timer);
    }
    return this.toResult(spec, res);
  }

  private toResult(spec: AttemptSpec, res: AxiosResponse<string>): AttemptResult {
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
    throw errorForStatus(this.context(spec), status, body, res.headers as Record<string, unknown>);
  }

  private context(spec: AttemptSpec): AttemptContext {
    return {
      method: spec.method,
      path: spec.path,
      resource: spec.resource,
      operation: spec.operation,
      ...(spec.recordKey !== undefined ? { recordKey: spec.recordKey } : {}),
      host: this.host,
      scrub: (t) => this.scrub(t),
    };
  }
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
