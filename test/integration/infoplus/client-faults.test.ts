import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  createInfoplusClient,
  f,
  NetworkError,
  OutcomeUnknownError,
  ServerError,
} from '../../../src/infoplus/index.js';
import type { InfoplusClient, InfoplusClientOptions, Item } from '../../../src/infoplus/index.js';
import { NO_FAULTS, startSimulator } from '../../../src/simulator/index.js';
import type { InfoplusSimulator } from '../../../src/simulator/index.js';

const KEY = 'fault-test-key-24680';
let sim: InfoplusSimulator;
const clients: InfoplusClient[] = [];
let seq = 0;

function client(extra: Partial<InfoplusClientOptions> = {}): InfoplusClient {
  const c = createInfoplusClient({
    baseUrl: sim.baseUrl,
    apiKey: KEY,
    requestsPerSecond: 10_000,
    retryBaseMs: 5,
    timeoutMs: 3_000,
    ...extra,
  });
  clients.push(c);
  return c;
}

function newItem(): Partial<Item> {
  seq++;
  return {
    lobId: 1,
    sku: `FLT-${seq}`,
    itemDescription: `fault item ${seq}`,
    majorGroupId: 1,
    subGroupId: 1,
    receivingCriteriaSchemeId: 1,
  };
}

function itemsWithSku(sku: string): number {
  return sim.state.list<Item>('item').filter((i) => i.sku === sku).length;
}

async function rejection(p: Promise<unknown>): Promise<unknown> {
  return p.then(
    () => {
      throw new Error('expected a rejection');
    },
    (e: unknown) => e,
  );
}

beforeAll(async () => {
  sim = await startSimulator({ apiKey: KEY, seed: 11 });
});

afterEach(() => {
  sim.setFaults({ ...NO_FAULTS });
  sim.resetStats();
  for (const c of clients.splice(0)) c.close();
});

afterAll(async () => {
  await sim.close();
});

describe('client behaviour under simulator faults', () => {
  it('5xx on reads: retried until success, or a ServerError once retries run out', async () => {
    const c = client({ maxRetries: 2 });
    sim.setFaults({ failRate: 1 });
    const e = await rejection(c.item.search());
    expect(e).toBeInstanceOf(ServerError);
    expect(sim.stats().requests).toBe(3);

    sim.setFaults({ failRate: 0.5 });
    const patient = client({ maxRetries: 20 });
    for (let i = 0; i < 10; i++) await patient.lineOfBusiness.get(1);
    expect(patient.stats.retries).toBeGreaterThan(0);
  });

  it('5xx on a create: not applied, not re-sent, reported as ServerError or (502) OutcomeUnknownError', async () => {
    const c = client();
    sim.setFaults({ failRate: 1 });
    for (let i = 0; i < 6; i++) {
      const item = newItem();
      const e = await rejection(c.item.create(item));
      expect(e instanceof ServerError || e instanceof OutcomeUnknownError).toBe(true);
      expect(itemsWithSku(item.sku!)).toBe(0);
    }
    // One request per create: none was re-sent.
    expect(sim.stats().requests).toBe(6);
  });

  it('connection reset: reads are retried; a create is sent once and reported as outcome unknown', async () => {
    const c = client({ maxRetries: 1 });
    sim.setFaults({ resetRate: 1 });
    const read = await rejection(c.item.search());
    expect(read).toBeInstanceOf(NetworkError);
    expect(sim.stats().requests).toBe(2);

    sim.resetStats();
    const item = newItem();
    const write = await rejection(c.item.create(item));
    expect(write).toBeInstanceOf(OutcomeUnknownError);
    expect(sim.stats().requests).toBe(1);
    expect(itemsWithSku(item.sku!)).toBe(0);
  });

  it('commit then drop: the create is applied once, reported as outcome unknown, and can be found', async () => {
    const c = client();
    sim.setFaults({ commitThenDropRate: 1 });
    const item = newItem();
    const e = await rejection(c.item.create(item));
    expect(e).toBeInstanceOf(OutcomeUnknownError);
    expect((e as OutcomeUnknownError).message).toMatch(/look the record up/);
    expect(sim.stats().writes).toBe(1);
    sim.setFaults({ commitThenDropRate: 0 });
    // What the engine does next: look it up instead of sending it again.
    await expect(c.item.getBySKU(1, item.sku!)).resolves.toMatchObject({ sku: item.sku });
    expect(itemsWithSku(item.sku!)).toBe(1);
  });

  it('an answer slower than the timeout is a NetworkError for reads; an unanswered update is outcome unknown', async () => {
    const c = client({ timeoutMs: 300, maxRetries: 1 });
    const created = await c.item.create(newItem());
    sim.setFaults({ slowRate: 1, slowMs: 1_500 });
    const read = await rejection(c.item.get(created.id!));
    expect(read).toBeInstanceOf(NetworkError);
    expect((read as NetworkError).code).toBe('ETIMEDOUT');
    // An update is GET + PUT: the PUT lands and its answer never comes; it is not sent again.
    sim.setFaults({ slowRate: 0, commitThenDropRate: 1 });
    sim.resetStats();
    const write = await rejection(c.item.update({ id: created.id!, itemDescription: 'slow' }));
    expect(write).toBeInstanceOf(OutcomeUnknownError);
    expect(sim.stats()).toMatchObject({ requests: 2, writes: 1 });
    expect(sim.state.get<Item>('item', created.id!)?.itemDescription).toBe('slow');
  });

  it('rate limit: 429s slow the client down, every call still succeeds, no write is duplicated', async () => {
    const c = client({ maxRetries: 8, retryBaseMs: 50 });
    sim.setFaults({ rateLimit: 20 });
    const items = Array.from({ length: 40 }, () => newItem());
    const results = await Promise.all(items.map((i) => c.item.create(i)));
    expect(results).toHaveLength(40);
    expect(c.stats.rateLimited).toBeGreaterThan(0);
    expect(sim.stats().faults.rateLimited ?? 0).toBeGreaterThan(0);
    for (const i of items) expect(itemsWithSku(i.sku!)).toBe(1);
    const found = await c.item.search({
      filter: f.in(
        'sku',
        items.map((i) => i.sku!),
      ),
      limit: 250,
    });
    expect(found).toHaveLength(40);
  });

  it('latency and jitter only slow answers down', async () => {
    const c = client();
    sim.setFaults({ latencyMs: 20, jitterMs: 20 });
    await expect(c.lineOfBusiness.get(1)).resolves.toMatchObject({ id: 1 });
    expect(c.stats.retries).toBe(0);
  });
});
