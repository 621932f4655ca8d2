import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProbeReport, saveProbeReport } from '../../../src/app/probe-store.js';
import { createInfoplusClient, f } from '../../../src/infoplus/index.js';
import { NOT_OBSERVABLE_READ_ONLY, probeInfoplus, type ProbeReport } from '../../../src/infoplus/probe.js';
import { startSimulator, type InfoplusSimulator } from '../../../src/simulator/index.js';
import {
  STRICT_VARIANTS,
  VARIANTS,
  VARIANT_KEYS,
  type VariantKey,
} from '../../../src/simulator/decisions.js';

const KEY = 'probe-key';
const OBSERVABLE = VARIANT_KEYS.filter((k) => !(NOT_OBSERVABLE_READ_ONLY as readonly string[]).includes(k));

/** A simulator under the variants with a few records whose modifyDates are a few ms apart. */
async function tenant(variants: Record<string, string>): Promise<InfoplusSimulator> {
  const sim = await startSimulator({ apiKey: KEY, variants });
  for (let i = 0; i < 4; i++) {
    const res = await fetch(`${sim.baseUrl}/v3.0/vendor`, {
      method: 'POST',
      headers: { 'API-Key': KEY, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        lobId: 1,
        vendorNo: 500 + i,
        name: `V${i}`,
        street: 's',
        city: 'c',
        state: 'WI',
        zipCode: '1',
      }),
    });
    expect(res.ok).toBe(true);
    await new Promise((r) => setTimeout(r, 7 + i));
  }
  return sim;
}

function found(report: ProbeReport, key: string): string | null | undefined {
  return report.findings.find((f) => f.key === key)?.variant;
}

/** Every switch value, one switch changed at a time from the strict defaults (plus the defaults). */
const CASES: [string, Record<string, string>][] = [
  ['strict defaults', {}],
  ...VARIANT_KEYS.flatMap((k) =>
    (VARIANTS[k].values as readonly string[])
      .filter((v) => v !== STRICT_VARIANTS[k])
      .map((v): [string, Record<string, string>] => [`${k}=${v}`, { [k]: v }]),
  ),
];

describe('probe-infoplus against the simulator', () => {
  it.each(CASES)('names the variant under %s, and writes nothing', async (_name, variants) => {
    const sim = await tenant(variants);
    try {
      const before = sim.stats().writes;
      const report = await probeInfoplus({ baseUrl: sim.baseUrl, apiKey: KEY, pauseMs: 0 });
      expect(sim.stats().writes).toBe(before);
      for (const k of OBSERVABLE) {
        expect(found(report, k), `probe finding for ${k}`).toBe(sim.variants[k as VariantKey]);
      }
      expect(report.notObservable).toEqual([...NOT_OBSERVABLE_READ_ONLY]);
      expect(found(report, 'resource.orderLine')).toBe('yes');
      expect(found(report, 'resource.cartonContent')).toBe('yes');
      expect(report.adapt.filterOperators).toBe(sim.variants.filterOps === 'ge' ? 'ge' : 'gte');
      expect(JSON.stringify(report)).not.toContain(KEY);
    } finally {
      await sim.close();
    }
  });

  it('saves a JSON the client adapts to and a text report for support, for this tenant only', async () => {
    const sim = await tenant({ filterOps: 'ge', errorBody: 'text' });
    const dir = await mkdtemp(join(tmpdir(), 'probe-'));
    try {
      const report = await probeInfoplus({ baseUrl: sim.baseUrl, apiKey: KEY, pauseMs: 0 });
      const saved = await saveProbeReport(dir, report);
      const text = await readFile(saved.text, 'utf8');
      expect(text).toContain('only ge');
      expect(text).toContain('[errorBody=text]');
      expect(text).toContain('nothing was written');
      expect(text).not.toContain(KEY);
      expect((await loadProbeReport(dir, sim.baseUrl))?.adapt.filterOperators).toBe('ge');
      expect(await loadProbeReport(dir, 'http://127.0.0.1:1/infoplus-wms/api')).toBeNull();
    } finally {
      await rm(dir, { recursive: true, force: true });
      await sim.close();
    }
  });

  it('says what is wrong when the tenant cannot be read with the key', async () => {
    const sim = await startSimulator({ apiKey: KEY });
    try {
      await expect(
        probeInfoplus({ baseUrl: sim.baseUrl, apiKey: 'not-the-key', pauseMs: 0 }),
      ).rejects.toThrow(/HTTP 403 .*check the domain, base URL and API key/);
    } finally {
      await sim.close();
    }
  });
});

describe("the client follows the tenant's operator spelling", () => {
  it.each(['gte', 'ge', 'both'] as const)(
    "under filterOps=%s: from the probe's finding at once, or by switching once after a refusal",
    async (filterOps) => {
      const sim = await tenant({ filterOps });
      try {
        const report = await probeInfoplus({ baseUrl: sim.baseUrl, apiKey: KEY, pauseMs: 0 });
        const since = f.ge('modifyDate', new Date(0));
        const informed = createInfoplusClient({
          baseUrl: sim.baseUrl,
          apiKey: KEY,
          requestsPerSecond: 10_000,
          filterOperators: report.adapt.filterOperators,
        });
        sim.resetStats();
        expect((await informed.vendor.search({ filter: since })).length).toBe(4);
        expect(sim.stats().requests).toBe(1);
        informed.close();
        const naive = createInfoplusClient({ baseUrl: sim.baseUrl, apiKey: KEY, requestsPerSecond: 10_000 });
        for (let i = 0; i < 3; i++) expect((await naive.vendor.search({ filter: since })).length).toBe(4);
        expect(naive.filterOperators).toBe(filterOps === 'ge' ? 'ge' : 'gte');
        naive.close();
      } finally {
        await sim.close();
      }
    },
  );
});
