import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AppApi } from '../contract/api.js';
import type { AppEventSource } from '../contract/events.js';
import { bearerToken, generateToken, isAllowedHost, isAllowedOrigin, tokenMatches } from './auth.js';
import { createDispatcher, isApiMethod } from './dispatcher.js';
import type { DispatcherLogger } from './dispatcher.js';
import { createEventsSocket } from './events-socket.js';
import { readJsonBody, sendJson, sendError } from './http-io.js';
import { SECURITY_HEADERS } from './security-headers.js';
import { serveStatic } from './static-files.js';

/** Options of the local UI/API server. */
export interface StartServerOptions {
  readonly api: AppApi;
  readonly events: AppEventSource;
  /** 0 (default) picks a free port. */
  readonly port?: number;
  /** Loopback only: 127.0.0.1 (default), ::1 or localhost. Anything else is refused. */
  readonly host?: string;
  /** The built renderer; default `<repo>/dist/renderer`. */
  readonly staticDir?: string;
  /** Access token; default a fresh random one per run. */
  readonly token?: string;
  /** Largest accepted request body; default 2 MiB (a mapping profile is the biggest thing sent). */
  readonly maxBodyBytes?: number;
  readonly logger?: DispatcherLogger;
  /** Most connections open at once (HTTP and WebSocket); default 64. More are closed straight away. */
  readonly maxConnections?: number;
}

/** A running server. */
export interface RunningServer {
  /** `http://127.0.0.1:PORT` */
  readonly url: string;
  /** `http://127.0.0.1:PORT/#token=TOKEN`: the address to open in a browser. */
  readonly uiUrl: string;
  readonly token: string;
  readonly port: number;
  close(): Promise<void>;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', '::1', 'localhost']);
const CALL_PATH = /^\/api\/call\/([^/]+)$/;

/** `<repo>/dist/renderer`, found from this module whether it runs from src/ (tsx) or dist/src/. */
export function defaultStaticDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'package.json'))) return join(dir, 'dist', 'renderer');
    dir = dirname(dir);
  }
  return join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'renderer');
}

/**
 * Starts the headless transport: `POST /api/call/<method>` (Bearer token), the `/api/events` WebSocket
 * (`?token=`), and the built renderer, on loopback only.
 */
export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  if (!LOOPBACK_HOSTS.has(host)) {
    throw new Error(`The UI server only listens on this computer (127.0.0.1); "${host}" is not allowed.`);
  }
  const token = options.token ?? generateToken();
  if (token.length < 16) throw new Error('The access token must be at least 16 characters long.');
  const staticDir = options.staticDir ?? defaultStaticDir();
  const maxBodyBytes = options.maxBodyBytes ?? 2 * 1024 * 1024;
  const dispatch = createDispatcher(options.api, { logger: options.logger });
  let port = 0;

  const handleApi = async (req: IncomingMessage, res: ServerResponse, path: string) => {
    if (path === '/api/events') {
      return sendError(res, 426, 'upgrade-required', 'Open /api/events as a WebSocket.');
    }
    const match = CALL_PATH.exec(path);
    if (!match?.[1]) return sendError(res, 404, 'not-found', `No API endpoint at ${path.slice(0, 200)}.`);
    if (req.method !== 'POST') {
      res.setHeader('Allow', 'POST');
      return sendError(res, 405, 'method-not-allowed', 'API calls use POST.');
    }
    if (!tokenMatches(bearerToken(req.headers.authorization), token)) {
      return sendError(
        res,
        401,
        'unauthorized',
        'Missing or wrong access token. Open the address infoplus-sync printed.',
      );
    }
    if (!isAllowedOrigin(req.headers.origin, port)) {
      return sendError(res, 403, 'forbidden', 'Calls from other web pages are not allowed.');
    }
    let method: string;
    try {
      method = decodeURIComponent(match[1]);
    } catch {
      return sendError(res, 404, 'unknown-method', 'Malformed method name.');
    }
    if (!isApiMethod(method)) {
      return sendError(res, 404, 'unknown-method', `There is no API method named "${method.slice(0, 100)}".`);
    }
    const body = await readJsonBody(req, maxBodyBytes);
    if (!body.ok) return sendError(res, body.status, body.code, body.message);
    sendJson(res, 200, await dispatch(method, body.value));
  };

  const server = createServer((req, res) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    const run = async () => {
      if (!isAllowedHost(req.headers.host, port)) {
        return sendError(res, 421, 'wrong-host', 'This server answers only to 127.0.0.1 or localhost.');
      }
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      if (url.pathname === '/api' || url.pathname.startsWith('/api/'))
        return handleApi(req, res, url.pathname);
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.setHeader('Allow', 'GET, HEAD');
        return sendError(res, 405, 'method-not-allowed', 'Only GET and HEAD are served here.');
      }
      await serveStatic(req, res, staticDir, url.pathname);
    };
    run().catch((error: unknown) => {
      options.logger?.error({ err: error, url: req.url?.split('?')[0] }, 'UI server request failed');
      if (!res.headersSent) sendError(res, 500, 'internal', 'The server failed to answer this request.');
      else res.destroy();
    });
  });

  const socket = createEventsSocket({ events: options.events, token, port: () => port });
  server.on('upgrade', (req, duplex, head) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname !== '/api/events' || !isAllowedHost(req.headers.host, port)) {
      duplex.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    socket.handleUpgrade(req, duplex, head, url);
  });
  // Bounds on what an idle or greedy local client can hold: few connections, and idle ones closed.
  server.headersTimeout = 20_000;
  server.requestTimeout = 60_000;
  server.keepAliveTimeout = 5_000;
  server.maxConnections = options.maxConnections ?? 64;

  await new Promise<void>((resolveListen, rejectListen) => {
    server.once('error', rejectListen);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', rejectListen);
      resolveListen();
    });
  });
  port = (server.address() as AddressInfo).port;
  const url = `http://${host === '::1' ? '[::1]' : host}:${port}`;

  let closing: Promise<void> | null = null;
  return {
    url,
    uiUrl: `${url}/#token=${encodeURIComponent(token)}`,
    token,
    port,
    close() {
      closing ??= (async () => {
        await socket.close();
        await new Promise<void>((done) => {
          server.close(() => done());
          server.closeAllConnections();
        });
      })();
      return closing;
    },
  };
}
