import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createInfoplusClient } from '../../../src/infoplus/index.js';
import { startScriptedServer } from './scripted-server.js';
import type { ScriptedServer } from './scripted-server.js';

const KEY = 'conn-test-key-4242';
let server: ScriptedServer;

beforeEach(async () => {
  server = await startScriptedServer();
});
afterEach(async () => {
  await server.close();
});

async function test(baseUrl = server.baseUrl) {
  const client = createInfoplusClient({ baseUrl, apiKey: KEY, requestsPerSecond: 1000, timeoutMs: 3000 });
  try {
    return await client.testConnection();
  } finally {
    client.close();
  }
}

describe('testConnection', () => {
  it('lists the lines of business and warehouses the key can see', async () => {
    server.fallback = (req) =>
      req.url.includes('/lineOfBusiness/')
        ? {
            status: 200,
            body: [
              { id: 1, name: 'Demo Company', code: 'DEMO' },
              { id: 2, code: 'B2B' },
            ],
          }
        : { status: 200, body: [{ id: 1, name: 'Main Warehouse' }] };
    const result = await test();
    expect(result.ok).toBe(true);
    expect(result.linesOfBusiness).toEqual([
      { id: 1, name: 'Demo Company' },
      { id: 2, name: 'B2B' },
    ]);
    expect(result.warehouses).toEqual([{ id: 1, name: 'Main Warehouse' }]);
    expect(result.message).toMatch(/2 lines of business and 1 warehouse/);
  });

  it('says the key is wrong on 401, without the key', async () => {
    server.fallback = () => ({ status: 401, body: { errors: ['bad key'] } });
    const result = await test();
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(/rejected the API key/);
    expect(result.message).not.toContain(KEY);
    expect(server.seen).toHaveLength(1);
  });

  it('says the key lacks permission on 403', async () => {
    server.fallback = () => ({ status: 403 });
    expect((await test()).message).toMatch(/may not read lines of business/);
  });

  it('says the server is not Infoplus when it answers with a web page or a 404', async () => {
    server.fallback = () => ({
      status: 200,
      raw: '<html>Welcome</html>',
      headers: { 'Content-Type': 'text/html' },
    });
    expect((await test()).message).toMatch(/not an Infoplus API/);
    server.fallback = () => ({ status: 404, raw: 'Not Found' });
    expect((await test()).message).toMatch(/not an Infoplus API/);
  });

  it('says nothing is listening when the connection is refused', async () => {
    const url = server.baseUrl;
    await server.close();
    const result = await test(url);
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(/refused the connection/);
    server = await startScriptedServer();
  });

  it('says the address does not exist (or there is no network) when DNS fails', async () => {
    const result = await test('https://no-such-tenant.invalid/infoplus-wms/api');
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(/does not exist \(DNS lookup failed\)|No network/);
  });
});
