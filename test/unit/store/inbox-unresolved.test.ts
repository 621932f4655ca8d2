import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStateStore, type StateStore } from '../../../src/store/index.js';

// A pull resolves the inbox items of the records it wrote; it finds them for a whole batch in one query.
describe('inbox: unresolved keys among many', () => {
  let dir: string;
  let store: StateStore;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'inbox-unresolved-'));
    store = openStateStore(dir);
  });
  afterEach(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const park = (touchpoint: 'shipments' | 'orders', recordKey: string) =>
    store.inbox.recordFailure({
      touchpoint,
      recordKey,
      category: 'erp-data',
      message: 'no such order',
      infoplusMessages: [],
      fixBy: 'erp-user',
      hint: 'fix it',
      payload: { id: recordKey },
      nextRetryAt: null,
      at: '2026-01-01T00:00:00.000Z',
    });

  it('names the open items of this touchpoint only, not resolved ones, across chunks of keys', () => {
    park('shipments', '7');
    park('shipments', '9');
    park('orders', '8');
    park('shipments', '1200');
    store.inbox.resolve('shipments', '9', '2026-01-01T00:01:00.000Z');
    const keys = Array.from({ length: 1300 }, (_, i) => String(i));
    expect([...store.inbox.unresolvedKeys('shipments', keys)].sort()).toEqual(['1200', '7']);
    expect(store.inbox.unresolvedKeys('shipments', [])).toEqual(new Set());
  });
});
