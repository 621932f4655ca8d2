/** The HTTP layer: parsing, API-Key check, fault injection, JSON answers. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import {
  API_BASE_PATH,
  API_VERSIONS,
  RETRY_AFTER_HEADER,
  formatErrorBody,
  type ApiVersion,
} from '../infoplus/wire-format.js';
import type { SimContext } from './context.js';
import { SimHttpError, badRequest, notFound } from './errors.js';
import type { FaultEngine } from './faults.js';
import { isWriteRequest, route, type ApiAnswer } from './routes.js';

const MAX_BODY_BYTES = 20 * 1024 * 1024;

/** Counters kept by the server. */
export interface ServerCounters {
  requests: number;
  writes: number;
  byRoute: Record<string, number>;
}

/** Answers `/__sim/...` requests (already authenticated). */
export type ControlHandler = (
  method: string,
  segments: string[],
  body: unknown,
) => { status: number; body?: unknown };

/** Everything the HTTP layer needs. */
export interface ServerDeps {
  apiKey: string;
  ctx: SimContext;
  faults: FaultEngine;
  counters: ServerCounters;
  control: ControlHandler;
}

/** Creates the node:http server (not yet listening) and a `stop` that ends pending waits. */
export function createSimServer(deps: ServerDeps): { server: Server; stop: () => void } {
  const abort = new AbortController();
  const server = createServer({ noDelay: true }, (req, res) => {
    handle(deps, req, res, abort.signal).catch((e: unknown) => {
      if (!res.headersSent && !res.destroyed) {
        const err =
          e instanceof SimHttpError ? e : new SimHttpError(500, `simulator error: ${(e as Error).message}`);
        sendError(deps.ctx, res, err.status, err.messages);
      }
    });
  });
  server.keepAliveTimeout = 5_000;
  return { server, stop: () => abort.abort() };
}

function keyMatches(given: string | string[] | undefined, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

async function handle(
  deps: ServerDeps,
  req: IncomingMessage,
  res: ServerResponse,
  signal: AbortSignal,
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://simulator');
  const method = (req.method ?? 'GET').toUpperCase();
  deps.counters.requests++;
  const body = await readBody(req);
  if (!keyMatches(req.headers['api-key'], deps.apiKey)) {
    sendError(deps.ctx, res, Number(deps.ctx.variants.authStatus), [
      'API-Key header missing or not valid for this account',
    ]);
    return;
  }
  if (url.pathname.startsWith('/__sim/')) {
    const segments = url.pathname.slice('/__sim/'.length).split('/').filter(Boolean);
    try {
      const out = deps.control(method, segments, parseJson(body));
      send(res, out.status, out.body);
    } catch (e) {
      // Control answers are the simulator's own API: always a JSON error body, whatever the variant.
      if (e instanceof SimHttpError) return send(res, e.status, e.body());
      throw e;
    }
    return;
  }
  const parts = parsePath(url.pathname);
  const write = isWriteRequest(method);
  const fault = deps.faults.decide(write);
  if (fault.retryAfterSec !== undefined) {
    res.setHeader(RETRY_AFTER_HEADER, String(fault.retryAfterSec));
    sendError(deps.ctx, res, 429, ['Too many requests: slow down and retry after the Retry-After seconds']);
    return;
  }
  if (fault.delayMs > 0) await sleep(fault.delayMs, signal);
  if (fault.action === 'reset') {
    req.socket.destroy();
    return;
  }
  if (fault.action === 'fail') {
    sendError(deps.ctx, res, fault.failStatus, [
      `Simulated server error ${fault.failStatus}; nothing was changed`,
    ]);
    return;
  }
  if (fault.action === 'slow') await sleep(fault.slowMs, signal);
  let answer: ApiAnswer;
  try {
    answer = route(deps.ctx, { method, ...parts, query: url.searchParams, body: parseJson(body) });
  } catch (e) {
    if (e instanceof SimHttpError) {
      deps.counters.byRoute[`${method} ${parts.resource} (error ${e.status})`] =
        (deps.counters.byRoute[`${method} ${parts.resource} (error ${e.status})`] ?? 0) + 1;
      // A refused write answers the validationStatus variant (the spec's 405 "Invalid input", or 400).
      const status = e.status === 400 && write ? Number(deps.ctx.variants.validationStatus) : e.status;
      sendError(deps.ctx, res, status, e.messages);
      return;
    }
    throw e;
  }
  deps.counters.byRoute[answer.route] = (deps.counters.byRoute[answer.route] ?? 0) + 1;
  if (answer.write) deps.counters.writes++;
  if (fault.drop && answer.write) {
    req.socket.destroy();
    return;
  }
  send(res, answer.status, answer.body);
}

function parsePath(pathname: string): { version: ApiVersion; resource: string; rest: string[] } {
  if (!pathname.startsWith(`${API_BASE_PATH}/`))
    throw notFound(`no API at ${pathname}; use ${API_BASE_PATH}/v3.0/...`);
  const segments = pathname
    .slice(API_BASE_PATH.length + 1)
    .split('/')
    .filter(Boolean)
    .map((s) => decodeURIComponent(s));
  const [version, resource, ...rest] = segments;
  if (!API_VERSIONS.includes(version as ApiVersion)) {
    throw notFound(`API version '${version ?? ''}' is not simulated; use ${API_VERSIONS.join(' or ')}`);
  }
  if (resource === undefined) throw notFound('resource missing from the path');
  return { version: version as ApiVersion, resource, rest };
}

/** Sentinel for "no body". */
const NO_BODY = Symbol('no body');

function parseJson(text: string | typeof NO_BODY): unknown {
  if (text === NO_BODY) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw badRequest('body: not valid JSON');
  }
}

async function readBody(req: IncomingMessage): Promise<string | typeof NO_BODY> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > MAX_BODY_BYTES) throw new SimHttpError(413, 'body: larger than 20 MB');
    chunks.push(buf);
  }
  if (size === 0) return NO_BODY;
  return Buffer.concat(chunks).toString('utf8');
}

/** An error answer in the errorBody variant's shape: `{"errors": [...]}`, plain text, or nothing. */
function sendError(ctx: SimContext, res: ServerResponse, status: number, messages: readonly string[]): void {
  if (res.destroyed) return;
  const shape = ctx.variants.errorBody;
  if (shape === 'errors') return send(res, status, formatErrorBody(messages));
  const text = shape === 'text' ? messages.join('\n') : '';
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(text)),
  });
  res.end(text);
}

function send(res: ServerResponse, status: number, body: unknown): void {
  if (res.destroyed) return;
  if (body === undefined) {
    res.writeHead(status, { 'Content-Length': '0' });
    res.end();
    return;
  }
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(text)),
  });
  res.end(text);
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}
