// Issue 13: a local client may not hold the server's connections, and the page may talk only to its own port.
import { connect, type Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { startServer } from '../../../src/server/http-server.js';
import { HEADER_CSP, RENDERER_CSP } from '../../../src/server/security-headers.js';
import { fakeApi, fakeEvents } from './fakes.js';

function open(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const s = connect(port, '127.0.0.1', () => resolve(s));
    s.once('error', reject);
  });
}

/** Resolves true when the server closes the socket within `ms`, false when it stays open. */
function closedWithin(socket: Socket, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    socket.once('close', () => {
      clearTimeout(timer);
      resolve(true);
    });
    socket.on('error', () => undefined);
  });
}

describe('local server limits', () => {
  it('closes connections beyond the cap straight away and serves again once one is freed', async () => {
    const server = await startServer({ api: fakeApi(), events: fakeEvents(), maxConnections: 3 });
    try {
      const held = await Promise.all([1, 2, 3].map(() => open(server.port)));
      const extra = await open(server.port);
      expect(await closedWithin(extra, 2000)).toBe(true);
      held[0]!.destroy();
      await new Promise((r) => setTimeout(r, 100));
      const again = await open(server.port);
      expect(await closedWithin(again, 300)).toBe(false);
      again.destroy();
      for (const s of held) s.destroy();
    } finally {
      await server.close();
    }
  });

  it('defaults to a cap', async () => {
    const server = await startServer({ api: fakeApi(), events: fakeEvents() });
    try {
      const held = await Promise.all(Array.from({ length: 64 }, () => open(server.port)));
      const extra = await open(server.port);
      expect(await closedWithin(extra, 2000)).toBe(true);
      for (const s of held) s.destroy();
    } finally {
      await server.close();
    }
  });

  it('lets the page connect to its own origin only (no other loopback port)', () => {
    const connectSrc = /connect-src ([^;]*)/.exec(RENDERER_CSP)?.[1];
    expect(connectSrc).toBe("'self'");
    expect(HEADER_CSP).not.toMatch(/:\*/);
  });
});
