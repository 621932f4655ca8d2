import { describe, expect, it } from 'vitest';
import { TaskPool } from '../../../src/sync/pool.js';
import { PUSH_RESOURCES, isNotEditableMessage, updateBody } from '../../../src/sync/push-resources.js';

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
    expect(updateBody(PUSH_RESOURCES.orders, { customerOrderNo: 'SO-1' }, '1005')).toEqual({
      customerOrderNo: 'SO-1',
      orderNo: 1005,
    });
    expect(updateBody(PUSH_RESOURCES.items, { sku: 'A' }, '7')).toEqual({ sku: 'A', id: 7 });
  });

  it('recognises "no longer editable" answers, not ordinary validation errors', () => {
    expect(isNotEditableMessage([], 'order 1005 is Shipped and can no longer be edited')).toBe(true);
    expect(isNotEditableMessage(['asn 3: cannot be modified after receiving'], 'refused')).toBe(true);
    expect(isNotEditableMessage(['sku: too long'], 'Infoplus rejected update order')).toBe(false);
  });
});
