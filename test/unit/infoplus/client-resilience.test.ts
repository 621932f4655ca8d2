import { inspect } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  AuthError,
  createInfoplusClient,
  NetworkError,
  OutcomeUnknownError,
  RateLimitedError,
  ServerError,
  ValidationError,
} from '../../../src/infoplus/index.js';
import type { InfoplusClient, InfoplusClientOptions } from '../../../src/infoplus/index.js';
import type { LoggerLike } from '../../../src/logging/index.js';
import { startScriptedServer } from './scripted-server.js';
import type { ScriptedServer } from './scripted-server.js';

const KEY = 'sk-secret-KEY-0123456789';

let server: ScriptedServer;
let client: InfoplusClient;
const logged: unknown[] = [];

const logger: LoggerLike = {
  debug: (o, m) => logged.push([o, m]),
  info: (o, m) => logged.push([o, m]),
  warn: (o, m) => logged.push([o, m]),
  error: (o, m) => logged.push([o, m]),
};

function makeClient(extra: Partial<InfoplusClientOptions> = {}): InfoplusClient {
  return createInfoplusClient({
    baseUrl: server.baseUrl,
    apiKey: KEY,
    requestsPerSecond: 1000,
    retryBaseMs: 10,
    timeoutMs: 2000,
    logger,
    ...extra,
  });
}

async function caught(p: Promise<unknown>): Promise<Error> {
  try {
    await p;
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected a rejection');
}

function expectNoKey(e: Error): void {
  expect(e.message).not.toContain(KEY);
  expect(String(e.stack)).not.toContain(KEY);
  expect(JSON.stringify(e)).not.toContain(KEY);
  expect(inspect(e, { depth: 10 })).not.toContain(KEY);
}

beforeEach(async () => {
  logged.length = 0;
  server = await startScriptedServer();
  client = makeClient();
});

afterEach(async () => {
  client.close();
  await server.close();
  // Whatever happened, no log line may carry the key.
  expect(JSON.stringify(logged)).not.toContain(KEY);
});

describe('Infoplus client against a scripted HTTP server', () => {
  it('sends the key in the API-Key header to the versioned path', async () => {
    server.script({ status: 200, body: { orderNo: 1001, lobId: 1 } });
    const order = await client.order.get(1001);
    expect(order.orderNo).toBe(1001);
    expect(server.seen[0]?.url).toBe('/infoplus-wms/api/v3.0/order/1001');
    expect(server.seen[0]?.headers['api-key']).toBe(KEY);
  });

  it('uses the beta path when asked', async () => {
    const beta = makeClient({ apiVersion: 'beta' });
    server.script({ status: 200, body: [] });
    await beta.item.search();
    beta.close();
    expect(server.seen[0]?.url).toMatch(/^\/infoplus-wms\/api\/beta\/item\/search\?/);
  });

  it('retries a read after a 500 and returns the record', async () => {
    server.script({ status: 500, body: { errors: ['boom'] } }, { status: 200, body: { id: 7, sku: 'A' } });
    const item = await client.item.get(7);
    expect(item.sku).toBe('A');
    expect(server.seen).toHaveLength(2);
    expect(client.stats).toMatchObject({ requests: 2, reads: 2, retries: 1, writes: 0 });
  });

  it('retries a read after a connection reset', async () => {
    server.script('reset', { status: 200, body: { id: 3 } });
    await expect(client.vendor.get(3)).resolves.toEqual({ id: 3 });
    expect(server.seen).toHaveLength(2);
  });

  it('gives up on a read after maxRetries with a ServerError', async () => {
    const c = makeClient({ maxRetries: 2 });
    server.fallback = () => ({ status: 503 });
    const e = await caught(c.asn.get(1));
    c.close();
    expect(e).toBeInstanceOf(ServerError);
    expect(server.seen).toHaveLength(3);
  });

  it('never re-sends a create whose connection was reset: OutcomeUnknownError after exactly one request', async () => {
    server.script('reset');
    const e = await caught(client.order.create({ lobId: 1, warehouseId: 1, customerOrderNo: 'SO-1' }));
    expect(e).toBeInstanceOf(OutcomeUnknownError);
    expect(e.message).toMatch(/look the record up/);
    expect(server.seen).toHaveLength(1);
    expect(server.seen[0]?.method).toBe('POST');
    expectNoKey(e);
  });

  it('never re-sends an update that timed out after it was sent', async () => {
    const c = makeClient({ timeoutMs: 300 });
    server.script({ status: 200, body: { orderNo: 1001, status: 'Pending', holdCode: null } }, 'hang');
    const e = await caught(c.order.update({ orderNo: 1001, holdCode: 'H' }));
    c.close();
    expect(e).toBeInstanceOf(OutcomeUnknownError);
    expect((e as OutcomeUnknownError).requestSent).toBe(true);
    // GET, then one PUT of the whole record with the change laid over it; never a second PUT.
    expect(server.seen.map((r) => r.method)).toEqual(['GET', 'PUT']);
    expect(JSON.parse(server.seen[1]?.body ?? '')).toEqual({
      orderNo: 1001,
      status: 'Pending',
      holdCode: 'H',
    });
  });

  it('treats a 502 on a write as outcome unknown and a 500 as a server error, neither re-sent', async () => {
    server.script(
      { status: 502, raw: '<html>Bad gateway</html>' },
      { status: 500, body: { errors: ['NPE'] } },
    );
    expect(await caught(client.asn.create({ poNo: 'PO1' }))).toBeInstanceOf(OutcomeUnknownError);
    const e = await caught(client.asn.create({ poNo: 'PO2' }));
    expect(e).toBeInstanceOf(ServerError);
    expect(e.message).toContain('NPE');
    expect(server.seen).toHaveLength(2);
  });

  it('times out a read, retries it, and reports a NetworkError', async () => {
    const c = makeClient({ timeoutMs: 200, maxRetries: 1 });
    server.fallback = () => 'hang';
    const e = await caught(c.shipment.search());
    c.close();
    expect(e).toBeInstanceOf(NetworkError);
    expect((e as NetworkError).code).toBe('ETIMEDOUT');
    expect(e.message).toMatch(/no answer .* within 200 ms/);
    expect(server.seen).toHaveLength(2);
  });

  it('retries a write whose connection was refused (it never left) and says so', async () => {
    const port = server.port;
    await server.close();
    const c = createInfoplusClient({
      baseUrl: `http://127.0.0.1:${port}/infoplus-wms/api`,
      apiKey: KEY,
      retryBaseMs: 1,
      maxRetries: 2,
      requestsPerSecond: 1000,
    });
    const e = await caught(c.vendor.create({ name: 'V' }));
    expect(e).toBeInstanceOf(NetworkError);
    expect((e as NetworkError).requestSent).toBe(false);
    expect(e.message).toMatch(/refused/);
    expect(c.stats).toMatchObject({ writes: 3, retries: 2 });
    c.close();
    server = await startScriptedServer();
  });

  it('honours Retry-After on a 429 and then succeeds', async () => {
    server.script(
      { status: 429, headers: { 'Retry-After': '1' }, body: { errors: ['slow down'] } },
      { status: 200, body: [] },
    );
    await client.customer.search();
    expect(server.seen).toHaveLength(2);
    const [first, second] = server.seen;
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(900);
    expect(client.stats.rateLimited).toBe(1);
  });

  it('retries a create refused with 429 (the server did not take it)', async () => {
    server.script(
      { status: 429, headers: { 'Retry-After': '0' } },
      { status: 201, body: { id: 9, name: 'V' } },
    );
    await expect(client.vendor.create({ name: 'V' })).resolves.toEqual({ id: 9, name: 'V' });
    expect(server.seen.map((s) => s.method)).toEqual(['POST', 'POST']);
  });

  it('returns a RateLimitedError with retryAfterMs when Retry-After is longer than it will wait', async () => {
    const c = makeClient({ maxRetryAfterMs: 5_000 });
    server.script({ status: 429, headers: { 'Retry-After': '3600' } });
    const e = await caught(c.item.get(1));
    c.close();
    expect(e).toBeInstanceOf(RateLimitedError);
    expect((e as RateLimitedError).retryAfterMs).toBe(3_600_000);
    expect(server.seen).toHaveLength(1);
  });

  it('turns a 401 into an AuthError whose message, JSON, stack and inspection hold no key', async () => {
    server.script({ status: 401, body: { errors: [`invalid API key ${KEY}`] } });
    const e = await caught(client.order.get(5));
    expect(e).toBeInstanceOf(AuthError);
    expect(e.message).toMatch(/API key/);
    expectNoKey(e);
    expect(JSON.stringify(e)).toContain('[redacted]');
    expect(server.seen).toHaveLength(1);
  });

  it('turns a 400 into a ValidationError with messages per field', async () => {
    server.script({
      status: 400,
      body: {
        errors: [
          'sku: must be at most 20 characters',
          { field: 'lobId', message: 'is required' },
          'Bad item',
        ],
      },
    });
    const e = await caught(client.item.create({ sku: 'X'.repeat(30) }));
    expect(e).toBeInstanceOf(ValidationError);
    const v = e as ValidationError;
    expect(v.fieldErrors).toEqual({ sku: ['must be at most 20 characters'], lobId: ['is required'] });
    expect(v.messages).toContain('Bad item');
    expect(v.message).toContain('sku: must be at most 20 characters');
    expect(server.seen).toHaveLength(1);
  });

  it('returns null from getBySKU on 404 and sends lobId and sku as query parameters', async () => {
    server.script({ status: 404, body: { errors: ['not found'] } });
    await expect(client.item.getBySKU(1, 'A&B C')).resolves.toBeNull();
    const url = new URL(server.seen[0]!.url, 'http://x');
    expect(url.pathname).toBe('/infoplus-wms/api/v3.0/item/getBySKU');
    expect(url.searchParams.get('lobId')).toBe('1');
    expect(url.searchParams.get('sku')).toBe('A&B C');
  });

  it('refuses a bad limit, page or sort without calling Infoplus', async () => {
    expect(await caught(client.order.search({ limit: 251 }))).toBeInstanceOf(ValidationError);
    expect(await caught(client.order.search({ page: 0 }))).toBeInstanceOf(ValidationError);
    expect((await caught(client.order.search({ sort: 'orderDate desc' }))).message).toMatch(/sort must be/);
    expect(server.seen).toHaveLength(0);
  });

  it('refuses an update without its key without calling Infoplus', async () => {
    const e = await caught(client.order.update({ customerOrderNo: 'x' }));
    expect(e.message).toMatch(/orderNo/);
    expect(server.seen).toHaveLength(0);
  });

  it('iterates pages of 250 sorted by key until a short page', async () => {
    server.fallback = (req) => {
      const q = new URL(req.url, 'http://x').searchParams;
      const page = Number(q.get('page'));
      const size = page < 3 ? 250 : 10;
      return {
        status: 200,
        body: Array.from({ length: size }, (_, i) => ({ orderNo: (page - 1) * 250 + i + 1 })),
      };
    };
    let count = 0;
    let last = 0;
    for await (const o of client.order.iterate({ filter: "status eq 'Shipped'" })) {
      count++;
      last = o.orderNo ?? 0;
    }
    expect(count).toBe(510);
    expect(last).toBe(510);
    expect(server.seen).toHaveLength(3);
    const q = new URL(server.seen[0]!.url, 'http://x').searchParams;
    expect(q.get('limit')).toBe('250');
    expect(q.get('sort')).toBe('orderNo');
    expect(q.get('filter')).toBe("status eq 'Shipped'");
  });
});
