import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { WebSocket } from 'ws';
import { APP_EVENTS } from '../contract/events.js';
import type { AppEventSource } from '../contract/events.js';
import { isAllowedOrigin, tokenMatches } from './auth.js';

/** A client that reads this slowly is dropped rather than letting the server buffer without bound. */
const MAX_BUFFERED_BYTES = 8 * 1024 * 1024;
const HEARTBEAT_MS = 30_000;

/** The `/api/events` WebSocket endpoint: token + Origin checked at the handshake, then a one-way event feed. */
export interface EventsSocket {
  /** Handles an HTTP upgrade for `/api/events`; refuses it with a plain HTTP status when not allowed. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer, url: URL): void;
  /** Number of connected clients. */
  readonly clients: number;
  close(): Promise<void>;
}

function refuse(socket: Duplex, status: number, reason: string): void {
  const body = JSON.stringify({
    ok: false,
    error: { code: status === 401 ? 'unauthorized' : 'forbidden', message: reason },
  });
  socket.end(
    `HTTP/1.1 ${status} ${status === 401 ? 'Unauthorized' : 'Forbidden'}\r\n` +
      'Content-Type: application/json; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

/** Creates the event feed and subscribes once to every app event (not once per client). */
export function createEventsSocket(opts: {
  events: AppEventSource;
  token: string;
  port: () => number;
}): EventsSocket {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 4096 });
  const alive = new WeakMap<WebSocket, boolean>();

  const broadcast = (event: string, payload: unknown) => {
    if (wss.clients.size === 0) return;
    const text = JSON.stringify({ event, payload });
    for (const client of wss.clients) {
      if (client.readyState !== client.OPEN) continue;
      if (client.bufferedAmount > MAX_BUFFERED_BYTES) {
        client.terminate();
        continue;
      }
      client.send(text);
    }
  };
  const unsubscribe = APP_EVENTS.map((name) => opts.events.on(name, (payload) => broadcast(name, payload)));

  const heartbeat = setInterval(() => {
    for (const client of wss.clients) {
      if (alive.get(client) === false) {
        client.terminate();
        continue;
      }
      alive.set(client, false);
      client.ping();
    }
  }, HEARTBEAT_MS);
  heartbeat.unref();

  wss.on('connection', (ws) => {
    alive.set(ws, true);
    ws.on('pong', () => alive.set(ws, true));
    // The feed is one-way; anything a client sends is ignored.
    ws.on('error', () => ws.terminate());
  });

  return {
    handleUpgrade(req, socket, head, url) {
      socket.on('error', () => socket.destroy());
      if (!tokenMatches(url.searchParams.get('token'), opts.token)) {
        return refuse(socket, 401, 'Missing or wrong access token.');
      }
      if (!isAllowedOrigin(req.headers.origin, opts.port())) {
        return refuse(socket, 403, 'Connections from other web pages are not allowed.');
      }
      wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
    },
    get clients() {
      return wss.clients.size;
    },
    close() {
      clearInterval(heartbeat);
      for (const off of unsubscribe) off();
      for (const client of wss.clients) client.terminate();
      return new Promise<void>((done) => wss.close(() => done()));
    },
  };
}
