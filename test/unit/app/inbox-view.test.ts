import { describe, expect, it } from 'vitest';
import { inboxView, skusOf } from '../../../src/app/inbox-view.js';
import type { InboxItem } from '../../../src/contract/dto.js';
import { groupInbox } from '../../../src/contract/inbox-groups.js';
import { planOf } from '../../../src/domain/schedule.js';

function item(n: number, patch: Partial<InboxItem> = {}): InboxItem {
  return {
    id: `i${n}`,
    touchpoint: 'orders',
    recordKey: `SO-${n}`,
    category: 'infoplus-validation',
    message: `item 'SKU-${n % 10}' does not exist`,
    infoplusMessages: [],
    fixBy: 'erp-user',
    hint: 'Fix the record in the ERP.',
    payload: { customerOrderNo: `SO-${n}`, lineItems: [{ sku: `SKU-${n % 10}` }, { sku: 'SKU-OK' }] },
    attempts: 1,
    status: 'open',
    firstSeenAt: '2026-12-05T10:00:00Z',
    lastSeenAt: '2026-12-05T10:00:00Z',
    ...patch,
  };
}

const at = new Date('2026-12-05T10:05:00Z');
const deps = {
  itemsInInfoplus: (skus: readonly string[]) => new Set(skus.filter((s) => s === 'SKU-OK')),
  // The ERP has SKU-0 .. SKU-9 (read by the items touchpoint), not SKU-TYPO.
  itemsKnown: (skus: readonly string[]) => new Set(skus.filter((s) => /^SKU-\d$/.test(s))),
  itemsEverRan: () => true,
  nextRunAt: () => at,
  plan: () => planOf({ enabled: true, intervalMinutes: 5 }),
  quietHours: () => null,
};

describe('inbox by cause', () => {
  it('30 orders naming 10 items not in Infoplus are one group with one action: Sync items', () => {
    const items = Array.from({ length: 30 }, (_, i) => item(i));
    const groups = groupInbox(inboxView(items, deps));
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({
      title: '30 sales orders reference 10 items not in Infoplus yet',
      action: { kind: 'sync', touchpoint: 'items', label: 'Sync items' },
    });
    // Not "someone who edits the record in the ERP": the real cause is the missing items.
    expect(groups[0]?.who).not.toMatch(/edits the record/);
  });

  it('an order naming a SKU the ERP has no item for is the ERP user\'s to fix, not "Sync items"', () => {
    const typo = item(3, { payload: { lineItems: [{ sku: 'SKU-TYPO' }, { sku: 'SKU-3' }] } });
    const [group] = groupInbox(inboxView([typo], deps));
    expect(group).toMatchObject({
      title: '1 sales order names 1 SKU the ERP has no item for',
      who: 'Someone who edits the record in the ERP',
      action: null,
    });
    expect(group?.hint).toContain('SKU-TYPO');
    // Before items ever ran, an unknown SKU may simply not have been read yet: sync items first.
    const early = groupInbox(inboxView([typo], { ...deps, itemsEverRan: () => false }));
    expect(early[0]?.action).toMatchObject({ kind: 'sync', touchpoint: 'items' });
  });

  it('a refused order whose items are all in Infoplus keeps its own cause and who', () => {
    const ok = item(1, { payload: { lineItems: [{ sku: 'SKU-OK' }] }, message: 'bad zip' });
    const [group] = groupInbox(inboxView([ok], deps));
    expect(group).toMatchObject({
      title: '1 sales order: bad zip',
      who: 'Someone who edits the record in the ERP',
    });
  });

  it("retry time is the scheduler's run at or after the backoff, never a time already past", () => {
    const waiting = item(2, {
      category: 'connection',
      status: 'retrying',
      nextRetryAt: '2026-12-05T10:07:00Z',
      fixBy: 'admin',
    });
    const [viewed] = inboxView([waiting], deps);
    // Runs at 10:05, 10:10, ...: the first one at or after 10:07 is 10:10.
    expect(viewed?.retryRunAt).toBe('2026-12-05T10:10:00.000Z');
    expect(viewed?.cause).toEqual({ kind: 'transient' });
    const [group] = groupInbox([viewed!]);
    expect(group?.who).toBe('Nobody: it is sent again by itself');
    const byHand = inboxView([waiting], { ...deps, nextRunAt: () => null });
    expect(byHand[0]?.retryRunAt).toBeNull();
  });

  it('reads SKUs off order and ASN lines', () => {
    expect(skusOf({ lineItems: [{ sku: 'A' }, { sku: 'A' }, { sku: 7 }, {}] })).toEqual(['A', '7']);
    expect(skusOf(null)).toEqual([]);
  });
});
