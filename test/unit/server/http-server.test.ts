import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startServer } from '../../../src/server/http-server.js';
import type { RunningServer } from '../../../src/server/http-server.js';
import { fakeApi, fakeEvents } from './fakes.js';

let server: RunningServer;
let staticDir: string;
const api = fakeApi();
const events = fakeEvents();

beforeAll(async () => {
  staticDir = mkdtempSync(join(tmpdir(), 'ui-static-'));
  mkdirSync(join(staticDir, 'assets'));
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>UI</title><div id="root"></div>');
  writeFileSync(join(staticDir, 'assets', 'index-abc123.js'), 'console.log("app")');
  writeFileSync(join(staticDir, 'assets', 'index-abc123.css'), 'body{margin:0}');
  writeFileSync(join(staticDir, '.env'), 'SECRET=1');
  writeFileSync(join(tmpdir(), 'outside-ui.txt'), 'outside');
  server = await startServer({ api, events, staticDir });
});

afterAll(async () => {
  await server?.close();
  rmSync(staticDir, { recursive: true, force: true });
});

function call(method: string, body: unknown, token: string | null = server.token) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token !== null) headers.authorization = `Bearer ${token}`;
  return fetch(`${server.url}/api/call/${method}`, { method: 'POST', headers, body: JSON.stringify(body) });
}

/** A raw GET that keeps the path exactly as written (fetch would normalise `..`). */
function rawGet(path: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>(
    (resolve, reject) => {
      const req = request(`${server.url}${path}`, { method: 'GET', headers, path }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      });
      req.on('error', reject);
      req.end();
    },
  );
}

describe('startServer: addresses', () => {
  it('listens on loopback and prints a UI address carrying the token', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.uiUrl).toBe(`${server.url}/#token=${server.token}`);
    expect(server.token.length).toBeGreaterThanOrEqual(32);
  });

  it('uses a different token each run', async () => {
    const other = await startServer({ api, events, staticDir });
    try {
      expect(other.token).not.toBe(server.token);
    } finally {
      await other.close();
    }
  });

  it('refuses to listen on a non-loopback address', async () => {
    await expect(startServer({ api, events, host: '0.0.0.0' })).rejects.toThrow(/127\.0\.0\.1/);
  });
});

describe('POST /api/call/<method>', () => {
  it('answers a Result for a call with the right token', async () => {
    const response = await call('listRuns', { touchpoint: 'orders', limit: 5 });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/json');
    expect(await response.json()).toEqual({
      ok: true,
      value: { method: 'listRuns', args: { touchpoint: 'orders', limit: 5 } },
    });
  });

  it('requires the token (401)', async () => {
    const before = api.runNow.mock.calls.length;
    const response = await call('runNow', {}, null);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(api.runNow.mock.calls.length).toBe(before);
  });

  it('rejects a wrong token (401)', async () => {
    const response = await call('runNow', {}, `${server.token.slice(0, -1)}x`);
    expect(response.status).toBe(401);
  });

  it('answers invalid-arguments naming the field', async () => {
    const response = await call('listRuns', { limit: -3 });
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      ok: boolean;
      error: { code: string; message: string; details: { path: string } };
    };
    expect(body.ok).toBe(false);
    expect(body.error.code).toBe('invalid-arguments');
    expect(body.error.details.path).toBe('limit');
    expect(body.error.message).toContain('limit');
  });

  it('answers 404 for an unknown method', async () => {
    const response = await call('dropDatabase', {});
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
  });

  it('accepts an empty body as no arguments', async () => {
    const response = await fetch(`${server.url}/api/call/getStatus`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.token}` },
    });
    expect(await response.json()).toMatchObject({ ok: true });
  });

  it('refuses malformed JSON, a non-JSON body and an oversized body', async () => {
    const headers = { authorization: `Bearer ${server.token}`, 'content-type': 'application/json' };
    const bad = await fetch(`${server.url}/api/call/getStatus`, { method: 'POST', headers, body: '{nope' });
    expect(bad.status).toBe(400);
    const form = await fetch(`${server.url}/api/call/getStatus`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${server.token}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: 'a=1',
    });
    expect(form.status).toBe(415);
    const huge = await fetch(`${server.url}/api/call/saveProfile`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ text: 'x'.repeat(3 * 1024 * 1024) }),
    });
    expect(huge.status).toBe(413);
    expect(await huge.json()).toMatchObject({ error: { code: 'payload-too-large' } });
  });

  it('refuses GET on an API method and calls from a foreign web page', async () => {
    const get = await fetch(`${server.url}/api/call/getStatus`, {
      headers: { authorization: `Bearer ${server.token}` },
    });
    expect(get.status).toBe(405);
    const foreign = await fetch(`${server.url}/api/call/getStatus`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${server.token}`,
        origin: 'https://evil.example',
        'content-type': 'application/json',
      },
      body: '{}',
    });
    expect(foreign.status).toBe(403);
    const own = await fetch(`${server.url}/api/call/getStatus`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${server.token}`,
        origin: server.url,
        'content-type': 'application/json',
      },
      body: '{}',
    });
    expect(own.status).toBe(200);
  });

  it('sends security headers and no CORS headers', async () => {
    const response = await call('getStatus', {});
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('refuses requests addressed to another host name (DNS rebinding)', async () => {
    const response = await rawGet('/', { host: 'evil.example' });
    expect(response.status).toBe(421);
  });
});

describe('static renderer', () => {
  it('serves index.html at / with the right content type', async () => {
    const response = await fetch(`${server.url}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await response.text()).toContain('<div id="root">');
  });

  it('serves hashed assets with their content types', async () => {
    const js = await fetch(`${server.url}/assets/index-abc123.js`);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(js.headers.get('cache-control')).toContain('immutable');
    expect(await js.text()).toBe('console.log("app")');
    const css = await fetch(`${server.url}/assets/index-abc123.css`);
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
  });

  it('falls back to index.html for app routes but 404s missing assets', async () => {
    const route = await fetch(`${server.url}/runs/42`);
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('<title>UI</title>');
    const missing = await fetch(`${server.url}/assets/missing.js`);
    expect(missing.status).toBe(404);
  });

  it('never serves dotfiles or files outside the folder', async () => {
    expect((await rawGet('/.env')).status).toBe(404);
    const escaped = await rawGet('/../outside-ui.txt');
    expect(escaped.body).not.toContain('outside');
    const encoded = await rawGet('/%2e%2e/outside-ui.txt');
    expect(encoded.body).not.toContain('outside');
  });

  it('explains how to build the UI when it is missing', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'ui-empty-'));
    const bare = await startServer({ api, events, staticDir: empty });
    try {
      const response = await fetch(`${bare.url}/`);
      expect(response.status).toBe(503);
      expect(await response.text()).toContain('npm run build');
    } finally {
      await bare.close();
      rmSync(empty, { recursive: true, force: true });
    }
  });
});

function openSocket(path: string, headers: Record<string, string> = {}) {
  const ws = new WebSocket(`${server.url.replace('http', 'ws')}${path}`, { headers });
  return new Promise<{ ws: WebSocket } | { status: number }>((resolve) => {
    ws.once('open', () => resolve({ ws }));
    ws.once('unexpected-response', (_req, res) => resolve({ status: res.statusCode ?? 0 }));
    ws.once('error', () => resolve({ status: -1 }));
  });
}

describe('WebSocket /api/events', () => {
  it('delivers app events as {event, payload}', async () => {
    const opened = await openSocket(`/api/events?token=${server.token}`, { origin: server.url });
    if (!('ws' in opened)) throw new Error(`socket refused with ${opened.status}`);
    const message = new Promise<unknown>((resolve) =>
      opened.ws.once('message', (data) => resolve(JSON.parse(String(data)))),
    );
    const alert = {
      id: 'a1',
      kind: 'missed-run' as const,
      message: 'Orders did not run at 10:00',
      raisedAt: '2026-01-01T10:05:00.000Z',
    };
    events.emit('alert', alert);
    expect(await message).toEqual({ event: 'alert', payload: alert });
    opened.ws.close();
  });

  it('rejects a connection without a token or with a wrong one', async () => {
    expect(await openSocket('/api/events')).toEqual({ status: 401 });
    expect(await openSocket('/api/events?token=nope')).toEqual({ status: 401 });
  });

  it('rejects a connection from a foreign web page even with the token', async () => {
    expect(await openSocket(`/api/events?token=${server.token}`, { origin: 'https://evil.example' })).toEqual(
      {
        status: 403,
      },
    );
  });

  it('unsubscribes from the app events when closed', async () => {
    const local = fakeEvents();
    const running = await startServer({ api, events: local, staticDir });
    expect(local.count('run-finished')).toBe(1);
    await running.close();
    expect(local.count('run-finished')).toBe(0);
  });
});
