import { afterEach, describe, expect, it, vi } from 'vitest';
import { NO_FAULTS, type InfoplusSimulator, type SimulatorOptions } from '../../../src/simulator/index.js';
import { client, startSeeded, TENANT_IDS } from './helpers.js';

type Rec = Record<string, unknown>;
const started: InfoplusSimulator[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((s) => s.close()));
});

async function sim(options: SimulatorOptions = {}): Promise<InfoplusSimulator> {
  const s = await startSeeded(options);
  started.push(s);
  return s;
}

describe('faults', () => {
  it('rate limit: answers 429 with a Retry-After in seconds once the bucket is empty', async () => {
    const s = await sim({ faults: { rateLimit: 2 } });
    const api = client(s);
    const answers = await Promise.all(Array.from({ length: 8 }, () => api.search('item')));
    const limited = answers.filter((a) => a.status === 429);
    expect(limited.length).toBeGreaterThan(0);
    expect(answers.some((a) => a.status === 200)).toBe(true);
    const retryAfter = Number(limited[0]?.headers.get('retry-after'));
    expect(Number.isInteger(retryAfter) && retryAfter >= 1).toBe(true);
    expect(limited[0]?.json).toEqual({ errors: [expect.stringContaining('Too many requests')] });
    expect(s.stats().faults.rateLimited).toBe(limited.length);
    s.setFaults({ rateLimit: null });
    expect((await api.search('item')).status).toBe(200);
  });

  it('5xx share: about failRate of many requests fail, the same ones for the same seed', async () => {
    const run = async (): Promise<number[]> => {
      const s = await sim({ seed: 99, faults: { failRate: 0.3 } });
      const api = client(s);
      const statuses: number[] = [];
      for (let i = 0; i < 120; i++) statuses.push((await api.search('item')).status);
      return statuses;
    };
    const first = await run();
    const failures = first.filter((x) => x >= 500).length;
    expect(failures).toBeGreaterThan(20);
    expect(failures).toBeLessThan(55);
    expect(first.every((x) => x === 200 || [500, 502, 503].includes(x))).toBe(true);
    expect(await run()).toEqual(first);
  });

  it('5xx on a write changes nothing', async () => {
    const s = await sim({ faults: { failRate: 1 } });
    const r = await client(s).post('/item', { ...TENANT_IDS, lobId: 1, sku: 'FAIL-1', itemDescription: 'x' });
    expect(r.status).toBeGreaterThanOrEqual(500);
    expect(s.state.list<Rec>('item').some((i) => i.sku === 'FAIL-1')).toBe(false);
  });

  it('reset: the connection is cut without an answer and the write is not applied', async () => {
    const s = await sim({ faults: { resetRate: 1 } });
    const api = client(s);
    await expect(api.search('item')).rejects.toThrow();
    const before = s.state.count('item');
    await expect(
      api.post('/item', { ...TENANT_IDS, lobId: 1, sku: 'RESET-1', itemDescription: 'x' }),
    ).rejects.toThrow();
    expect(s.state.count('item')).toBe(before);
    expect(s.stats().faults.reset).toBe(2);
  });

  it('commit-then-drop: the client gets no answer but the record exists', async () => {
    const s = await sim();
    s.setFaults({ commitThenDropRate: 1 });
    const api = client(s);
    await expect(
      api.post('/item', { ...TENANT_IDS, lobId: 1, sku: 'DROP-1', itemDescription: 'x' }),
    ).rejects.toThrow();
    // Reads are not writes: they are answered.
    const found = await api.get<Rec>('/item/getBySKU?lobId=1&sku=DROP-1');
    expect(found.status).toBe(200);
    expect(found.json.sku).toBe('DROP-1');
    expect(s.stats().faults.commitThenDrop).toBe(1);
  });

  it('slow answers outlast a client timeout, and the write still lands', async () => {
    const s = await sim({ faults: { slowRate: 1, slowMs: 1_500 } });
    const api = client(s);
    await expect(
      api.call(
        'POST',
        '/item',
        {
          ...TENANT_IDS,
          lobId: 1,
          sku: 'SLOW-1',
          itemDescription: 'x',
        },
        { signal: AbortSignal.timeout(100) },
      ),
    ).rejects.toThrow();
    await vi.waitFor(() => expect(s.state.list<Rec>('item').some((i) => i.sku === 'SLOW-1')).toBe(true), {
      timeout: 10_000,
      interval: 100,
    });
    s.setFaults({ slowRate: 0 });
    expect((await api.search('item')).status).toBe(200);
  });

  it('latency and jitter delay answers without changing them', async () => {
    const s = await sim({ faults: { latencyMs: 20, jitterMs: 10 } });
    const r = await client(s).search('item');
    expect(r.status).toBe(200);
    expect(s.stats().faults.latency).toBe(1);
  });

  it('is reconfigured at run time through the control endpoint, and rejects bad settings', async () => {
    const s = await sim();
    const api = client(s);
    const set = await api.control<Rec>('POST', 'faults', { failRate: 1 });
    expect(set.json).toMatchObject({ ...NO_FAULTS, failRate: 1 });
    expect((await api.search('item')).status).toBeGreaterThanOrEqual(500);
    // Control endpoints are never faulted.
    expect((await api.control('POST', 'faults', { failRate: 0 })).status).toBe(200);
    expect((await api.search('item')).status).toBe(200);
    const bad = await api.control<{ errors: string[] }>('POST', 'faults', { failRate: 2, bogus: 1 });
    expect(bad.status).toBe(400);
    expect(bad.json.errors).toEqual(
      expect.arrayContaining(['failRate: must be a share between 0 and 1', 'bogus: unknown fault setting']),
    );
    expect(() => s.setFaults({ resetRate: -1 })).toThrow(/resetRate/);
  });
});
