import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkInfoplusTenant } from '../../../src/app/connection-tests.js';
import { sampleProfileText } from '../../../src/erp/sample/index.js';
import { createInfoplusClient, type InfoplusClient } from '../../../src/infoplus/index.js';
import { loadTenantLists, type TenantLists } from '../../../src/infoplus/tenant-lists.js';
import { checkTenantIds } from '../../../src/check/check-tenant-ids.js';
import { parseProfile, type Profile } from '../../../src/profile/index.js';
import { startSimulator, type InfoplusSimulator } from '../../../src/simulator/index.js';

let sim: InfoplusSimulator;
let client: InfoplusClient;
let lists: TenantLists;
beforeAll(async () => {
  sim = await startSimulator({ apiKey: 'k' });
  client = createInfoplusClient({ baseUrl: sim.baseUrl, apiKey: 'k', requestsPerSecond: 10_000 });
  lists = await loadTenantLists(client, 1);
});
afterAll(async () => {
  client.close();
  await sim.close();
});

/** The sample profile with the item fields changed. */
function profileWith(fields: Record<string, unknown>, lookups: Record<string, unknown> = {}): Profile {
  const p = parseProfile(sampleProfileText('sqlite', { erpUrl: 'x.sqlite', infoplusBaseUrl: sim.baseUrl }));
  const items = p.touchpoints.items as unknown as { fields: Record<string, unknown> };
  const next = { ...items.fields, ...fields };
  for (const [k, v] of Object.entries(next)) if (v === undefined) delete next[k];
  return {
    ...p,
    lookups: { ...p.lookups, ...(lookups as Profile['lookups']) },
    touchpoints: { ...p.touchpoints, items: { ...p.touchpoints.items, fields: next } as never },
  };
}

describe('tenant lists and check', () => {
  it('loads the categories, sub-categories and receiving criteria schemes of the line of business', () => {
    expect(lists.itemCategories).toEqual([
      { id: 1, name: 'GEN General merchandise' },
      { id: 2, name: 'PARTS Parts' },
    ]);
    expect(lists.receivingCriteriaSchemes).toEqual([
      { id: 1, name: 'Standard receiving' },
      { id: 2, name: 'Lot controlled' },
    ]);
  });

  it('passes the sample profile, whose ids exist in the tenant', () => {
    const notes: string[] = [];
    expect(checkTenantIds(profileWith({}), lists, notes)).toEqual([]);
    expect(notes).toContain('Infoplus: receivingCriteriaSchemeId 1 exists in the tenant');
  });

  it('names an id the tenant lacks, a missing id, and a lookup value, offering the real ones', () => {
    const problems = checkTenantIds(
      profileWith(
        {
          majorGroupId: { const: 7 },
          receivingCriteriaSchemeId: undefined,
          subGroupId: { column: 'grp', lookup: 'grp' },
        },
        { grp: { values: { A: 1, B: 9 } } },
      ),
      lists,
      [],
    );
    expect(problems).toEqual([
      {
        path: 'touchpoints.items.fields.majorGroupId',
        message:
          '7 is not the id of any item category of this tenant; pick one of 1 (GEN General merchandise), 2 (PARTS Parts)',
        severity: 'error',
      },
      {
        path: 'touchpoints.items.fields.subGroupId',
        message:
          '9 is not the id of any item sub-category of this tenant; pick one of 1 (STD Standard), 2 (BULK Bulk)',
        severity: 'error',
      },
      {
        path: 'touchpoints.items.fields.receivingCriteriaSchemeId',
        message:
          "required by Infoplus: map it to one of the tenant's receiving criteria scheme ids: 1 (Standard receiving), 2 (Lot controlled)",
        severity: 'error',
      },
    ]);
  });
});

describe('Check Infoplus (settings button)', () => {
  it('probes read-only, saves the report, and returns the tenant lists', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'check-infoplus-'));
    try {
      sim.resetStats();
      const conn = { baseUrl: sim.baseUrl, apiVersion: 'v3.0' as const, requestsPerSecond: 100 };
      const result = await checkInfoplusTenant(conn as never, 'k', dir, 1);
      expect(result.ok, result.message).toBe(true);
      expect(sim.stats().writes).toBe(0);
      expect(result.findings.find((f) => f.key === 'filterOps')?.answer).toBe('only gte');
      expect(result.itemCategories.map((c) => c.id)).toEqual([1, 2]);
      expect(await readFile(result.reportFile!, 'utf8')).toBe(result.report);
      const wrong = await checkInfoplusTenant(conn as never, 'wrong', dir, 1);
      expect(wrong).toMatchObject({ ok: false, reportFile: null });
      expect(wrong.message).toMatch(/HTTP 403/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
