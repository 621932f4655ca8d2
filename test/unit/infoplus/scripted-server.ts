/** A tiny scripted HTTP server on loopback: the boundary fake for client resilience tests. */
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** What the server does with one request. */
export type Step =
  { status: number; body?: unknown; headers?: Record<string, string>; raw?: string } | 'reset' | 'hang';

/** A request as the server saw it. */
export interface SeenRequest {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
  at: number;
}

/** Handle of a running scripted server. */
export interface ScriptedServer {
  baseUrl: string;
  port: number;
  seen: SeenRequest[];
  /** Steps used in order; when they run out, `fallback` answers. */
  script(...steps: Step[]): void;
  fallback: (req: SeenRequest) => Step;
  close(): Promise<void>;
}

/** Starts a server on 127.0.0.1:0. */
export async function startScriptedServer(): Promise<ScriptedServer> {
  const steps: Step[] = [];
  const sockets = new Set<Socket>();
  const handle: ScriptedServer = {
    baseUrl: '',
    port: 0,
    seen: [],
    script: (...s) => {
      steps.push(...s);
    },
    fallback: () => ({ status: 200, body: {} }),
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const seen: SeenRequest = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        at: Date.now(),
      };
      handle.seen.push(seen);
      const step = steps.shift() ?? handle.fallback(seen);
      if (step === 'reset') {
        req.socket.destroy();
        return;
      }
      if (step === 'hang') return;
      const text = step.raw ?? (step.body === undefined ? '' : JSON.stringify(step.body));
      res.writeHead(step.status, { 'Content-Type': 'application/json', ...step.headers });
      res.end(text);
    });
  });
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.address() as AddressInfo).port;
  handle.port = port;
  handle.baseUrl = `http://127.0.0.1:${port}/infoplus-wms/api`;
  return handle;
}
