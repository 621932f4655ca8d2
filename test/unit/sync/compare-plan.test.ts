// The compare plan of a push: a changed mapping (or --full) compares everything and retries records parked for
// a rule of the profile; the new mapping is remembered only when a real push completed with it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ErrorCategory } from '../../../src/contract/index.js';
import { sampleProfileText } from '../../../src/erp/sample/index.js';
import { parseProfile, type Profile } from '../../../src/profile/index.js';
import { openStateStore, type StateStore } from '../../../src/store/index.js';
import { planCompare } from '../../../src/sync/compare-plan.js';

const quiet = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

describe('planCompare', () => {
  let dir: string;
  let store: StateStore;
  let profile: Profile;
  let changed: Profile;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'compare-plan-'));
    store = openStateStore(dir);
    const text = sampleProfileText('sqlite', { erpUrl: 'unused', infoplusBaseUrl: 'http://127.0.0.1:1' });
    profile = parseProfile(text);
    changed = parseProfile(
      text.replace('maxLength: 40\n        truncate: true', 'maxLength: 30\n        truncate: true'),
    );
  });
  afterEach(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const park = (key: string, category: ErrorCategory, nextRetryAt: string | null = null): void => {
    store.inbox.recordFailure({
      touchpoint: 'items',
      recordKey: key,
      category,
      message: `${key} parked`,
      infoplusMessages: [],
      fixBy: 'admin',
      hint: '',
      nextRetryAt,
      at: '2026-01-01T00:00:00.000Z',
    });
  };

  it('compares everything once per mapping: first push, then only after a change that a push completed', () => {
    const ctx = { store, logger: quiet };
    const first = planCompare(ctx, profile, 'items');
    expect(first).toMatchObject({ reason: 'mapping-changed', fullCompare: true, ignoreFingerprints: false });
    first.commit();
    expect(planCompare(ctx, profile, 'items')).toMatchObject({
      reason: null,
      fullCompare: false,
      retryKeys: [],
    });

    expect(changed).not.toEqual(profile);
    const interrupted = planCompare(ctx, changed, 'items');
    expect(interrupted.reason).toBe('mapping-changed');
    // no commit (the push stopped half-way): the next push compares everything again
    const again = planCompare(ctx, changed, 'items');
    expect(again.reason).toBe('mapping-changed');
    again.commit();
    expect(planCompare(ctx, changed, 'items').reason).toBeNull();
    // other touchpoints keep their own digest
    expect(planCompare(ctx, changed, 'vendors').reason).toBe('mapping-changed');
  });

  it('retries open records parked for a rule of the profile, not transient, skipped or refused ones', () => {
    const ctx = { store, logger: quiet };
    planCompare(ctx, profile, 'items').commit();
    park('MAP-1', 'mapping');
    park('DATA-1', 'erp-data');
    park('KEY-1', 'key-collision');
    park('REFUSED-1', 'infoplus-validation');
    park('NET-1', 'connection', '2026-01-01T01:00:00.000Z');
    park('SKIP-1', 'erp-data');
    store.inbox.skip([store.inbox.byKey('items', 'SKIP-1')!.id]);
    expect(planCompare(ctx, profile, 'items').retryKeys).toEqual([]);
    expect([...planCompare(ctx, changed, 'items').retryKeys].sort()).toEqual(['DATA-1', 'KEY-1', 'MAP-1']);
    expect(planCompare(ctx, profile, 'items', { full: true })).toMatchObject({
      reason: 'full',
      fullCompare: true,
      ignoreFingerprints: true,
    });
  });
});
