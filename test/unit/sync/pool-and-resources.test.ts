import { describe, expect, it } from 'vitest';
import { TaskPool } from '../../../src/sync/pool.js';
import { sameRecord, updateBody } from '../../../src/sync/push-resources.js';
import { PUSH_DEFINITIONS } from '../../../src/sync/touchpoints/index.js';

describe('task pool', () => {
  it('never runs more than its size at once and waits for all on drain', async () => {
    const pool = new TaskPool(3);
    let running = 0;
    let peak = 0;
    let done = 0;
    for (let i = 0; i < 20; i++) {
      await pool.submit(async () => {
        running++;
        peak = Math.max(peak, running);
        await new Promise((r) => setTimeout(r, 2));
        running--;
        done++;
      });
    }
    await pool.drain();
    expect(done).toBe(20);
    expect(peak).toBe(3);
  });

  it('follows a size that changes while it runs (the rate limiter asks for more requests in flight)', async () => {
    let size = 2;
    const pool = new TaskPool(() => size);
    let running = 0;
    const peaks: number[] = [];
    for (let i = 0; i < 30; i++) {
      if (i === 10) size = 6;
      await pool.submit(async () => {
        running++;
        peaks.push(running);
        await new Promise((r) => setTimeout(r, 2));
        running--;
      });
    }
    await pool.drain();
    expect(Math.max(...peaks.slice(0, 10))).toBe(2);
    expect(Math.max(...peaks.slice(10))).toBe(6);
  });

  it('surfaces an unexpected task error on drain', async () => {
    const pool = new TaskPool(2);
    await pool.submit(() => Promise.reject(new Error('bug')));
    await expect(pool.drain()).rejects.toThrow('bug');
  });
});

describe('push resources', () => {
  it('puts the Infoplus key of the record in the update body (orderNo for orders, id elsewhere)', () => {
    expect(updateBody(PUSH_DEFINITIONS.orders, { customerOrderNo: 'SO-1' }, '1005')).toEqual({
      customerOrderNo: 'SO-1',
      orderNo: 1005,
    });
    expect(updateBody(PUSH_DEFINITIONS.items, { sku: 'A' }, '7')).toEqual({ sku: 'A', id: 7 });
  });

  it('decides "no longer editable" by the looked-up status, never by the answer wording', () => {
    expect(PUSH_DEFINITIONS.orders.stillEditable({ status: 'Pending' })).toBe(true);
    expect(PUSH_DEFINITIONS.orders.stillEditable({ status: 'On Order' })).toBe(true);
    expect(PUSH_DEFINITIONS.orders.stillEditable({ status: 'Shipped' })).toBe(false);
    expect(PUSH_DEFINITIONS.orders.stillEditable({ status: 'Processed' })).toBe(false);
    expect(
      PUSH_DEFINITIONS.asns.stillEditable({ status: 'Open', lineItems: [{ receivedQuantity: 0 }] }),
    ).toBe(true);
    expect(
      PUSH_DEFINITIONS.asns.stillEditable({ status: 'Open', lineItems: [{ receivedQuantity: 2 }] }),
    ).toBe(false);
    expect(PUSH_DEFINITIONS.asns.stillEditable({ status: 'Closed' })).toBe(false);
    expect(PUSH_DEFINITIONS.items.stillEditable({})).toBe(true);
  });

  it('recognises a record in Infoplus as this ERP record only when its content agrees', () => {
    const sent = {
      customerOrderNo: 'SO-1',
      orderDate: '2026-01-05T00:00:00-05:00',
      total: 12.5,
      billToCompany: 'Acme ',
      lineItems: [{ sku: 'a-1', orderedQty: 2 }],
    };
    const stored = {
      orderNo: 1000,
      customerOrderNo: 'SO-1',
      orderDate: '2026-01-05T05:00:00.000Z',
      total: '12.50',
      billToCompany: 'ACME',
      status: 'Pending',
      lineItems: [{ sku: 'A-1', orderedQty: 2 }],
    };
    expect(sameRecord(sent, stored)).toBe(true);
    expect(sameRecord(sent, { ...stored, billToCompany: 'Other Corp' })).toBe(false);
    expect(sameRecord(sent, { ...stored, total: 99 })).toBe(false);
    expect(sameRecord(sent, { ...stored, lineItems: [{ sku: 'B-2', orderedQty: 2 }] })).toBe(false);
  });
});
