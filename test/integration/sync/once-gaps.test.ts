/**
 * Issue 14, remaining gaps: a NULL key parks one record (the run goes on), a fresh data folder adopts the
 * Infoplus records the ERP rows already name even when their content differs, and a watermark beyond now
 * raises an alert.
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ErpConnection } from '../../../src/erp/types.js';
import type { Profile } from '../../../src/profile/index.js';
import { PUSH_DEFINITIONS } from '../../../src/sync/touchpoints/index.js';
import { openStateStore } from '../../../src/store/index.js';
import type { Alert } from '../../../src/contract/dto.js';
import { planOf } from '../../../src/domain/schedule.js';
import { SyncEngine } from '../../../src/sync/index.js';
import { FakeSchedulerPort } from '../../../src/sync/scheduler.js';
import { Watchdog } from '../../../src/sync/watchdog.js';
import { makeRig, makeTestErp, quietLogger, tempDir, type Rig } from './harness.js';
import { runPath } from './run-path.js';

function setUp(prefix: string, orders: number) {
  const tmp = tempDir(prefix);
  const env: { rig?: Rig; erp?: ErpConnection } = {};
  afterAll(async () => {
    await env.rig?.close();
    await env.erp?.close();
    tmp.remove();
  });
  return {
    dir: tmp.dir,
    async start(): Promise<Rig> {
      env.erp = await (await makeTestErp('sqlite', tmp.dir)).open();
      env.rig = await makeRig({ erp: env.erp, driver: 'sqlite', orders, dataDir: join(tmp.dir, 'state') });
      return env.rig;
    },
  };
}

/** The rig's profile with the orders header SQL rewritten. */
function withOrdersHeader(profile: Profile, edit: (sql: string) => string): Profile {
  const orders = profile.touchpoints.orders!;
  const header = orders.source.header!;
  return {
    ...profile,
    touchpoints: {
      ...profile.touchpoints,
      orders: { ...orders, source: { ...orders.source, header: edit(header) } },
    },
  } as Profile;
}

describe('an ERP record whose key column is NULL', () => {
  const s = setUp('gaps-null-', 4);

  it('is parked by itself with a clear reason; the other records are sent', { timeout: 60_000 }, async () => {
    const rig = await s.start();
    await rig.runs.runAndWait({ touchpoints: ['vendors', 'items'] });
    const [first] = (await rig.erp.query(`SELECT order_no FROM sales_orders ORDER BY order_id LIMIT 1`)) as {
      order_no: string;
    }[];
    // the sample schema has order_no NOT NULL: the query hands one record over with a NULL key
    const profile = withOrdersHeader(rig.profile, (sql) =>
      sql.replace('SELECT o.order_no,', `SELECT NULLIF(o.order_no, '${first!.order_no}') AS order_no,`),
    );
    const engine = new SyncEngine({
      erp: rig.erp,
      infoplus: rig.client,
      profile,
      store: rig.store,
      logger: quietLogger,
      options: { concurrency: 4, retryBaseMs: 0, retryMaxMs: 0 },
    });
    const run = await engine.runTouchpoint('orders', { trigger: 'manual' });
    expect(run.error).toBeUndefined();
    expect(run.counts.created).toBe(3);
    expect(run.counts.failed).toBe(1);
    expect(rig.sim.state.count('order')).toBe(3);
    const parked = rig.store.inbox.list({ touchpoint: 'orders' });
    expect(parked).toHaveLength(1);
    expect(parked[0]!.recordKey).toBe('');
    expect(parked[0]!.message).toMatch(/the ERP record has no order_no: fill it in the ERP/);
  });
});

describe('a new data folder against an Infoplus that holds edited copies of the orders', () => {
  const s = setUp('gaps-fresh-', 12);

  it(
    'adopts the orders the ERP rows name (infoplusIdColumn) and updates them: none created, none parked',
    { timeout: 60_000 },
    async () => {
      const rig = await s.start();
      await rig.runs.runAndWait({ touchpoints: ['vendors', 'items', 'orders'] });
      expect(rig.sim.state.count('order')).toBe(12);
      // Someone edited every order in Infoplus since: their content no longer matches the ERP's.
      for (const o of rig.sim.state.list<Record<string, unknown>>('order')) {
        await PUSH_DEFINITIONS.orders.update(rig.client, { ...o, billToCompany: 'Edited in Infoplus' });
      }
      const fresh = openStateStore(join(s.dir, 'state-new'));
      try {
        const { runs: coordinator } = runPath(
          (onEvent) =>
            new SyncEngine({
              erp: rig.erp,
              infoplus: rig.client,
              profile: rig.profile,
              store: fresh,
              logger: quietLogger,
              onEvent,
              options: { concurrency: 4, retryBaseMs: 0, retryMaxMs: 0 },
            }),
          fresh,
          quietLogger,
        );
        const runs = await coordinator.runAndWait({ touchpoints: ['vendors', 'items', 'orders'] });
        const orders = runs.find((r) => r.touchpoint === 'orders')!;
        expect(orders.status).toBe('succeeded');
        expect(orders.counts.created).toBe(0);
        expect(orders.counts.updated).toBe(12);
        expect(fresh.inbox.list({ touchpoint: 'orders' }).map((i) => i.message)).toEqual([]);
        expect(rig.sim.state.count('order')).toBe(12);
        // the ERP is the master: Infoplus holds the ERP's content again
        const companies = rig.sim.state.list<Record<string, unknown>>('order').map((o) => o.billToCompany);
        expect(companies).not.toContain('Edited in Infoplus');
        expect(fresh.journal.counts('orders').synced).toBe(12);
      } finally {
        fresh.close();
      }
    },
  );
});

describe('a change date beyond now', () => {
  const s = setUp('gaps-future-', 4);

  it(
    'raises an alert naming the touchpoint and the date, cleared once a run finds no such row',
    { timeout: 60_000 },
    async () => {
      const rig = await s.start();
      // the watchdog as the app and `status` build it: alerts from what the last push stored
      const dog = new Watchdog({
        port: new FakeSchedulerPort(new Date()),
        planOf: () => planOf(undefined),
        quietHours: () => null,
        paused: () => false,
        futureWatermarkOf: (tp) => rig.store.touchpoints.futureWatermark(tp),
        onChange: () => undefined,
      });
      const alerts = (): Alert[] => {
        dog.check();
        return dog.alerts();
      };
      await rig.runs.runAndWait({ touchpoints: ['vendors', 'items', 'orders'] });
      expect(alerts()).toEqual([]);

      const [row] = (await rig.erp.query(
        `SELECT order_no, updated_at FROM sales_orders ORDER BY order_id LIMIT 1`,
      )) as { order_no: string; updated_at: string }[];
      await rig.erp.execute(
        `UPDATE sales_orders SET updated_at = '2099-01-01 00:00:00', notes = 'x' WHERE order_no = @no`,
        { no: row!.order_no },
      );
      await rig.engine.runTouchpoint('orders', { trigger: 'manual' });
      const up = alerts();
      expect(up).toHaveLength(1);
      expect(up[0]!.kind).toBe('future-watermark');
      expect(up[0]!.touchpoint).toBe('orders');
      expect(up[0]!.message).toMatch(/^Sales orders?.*2099-01-01.*first: SO-/i);
      expect(up[0]!.message).toContain(row!.order_no);

      // still there while the row stays in the future
      await rig.engine.runTouchpoint('orders', { trigger: 'manual' });
      expect(alerts().map((a) => a.kind)).toEqual(['future-watermark']);

      await rig.erp.execute(`UPDATE sales_orders SET updated_at = @at WHERE order_no = @no`, {
        at: row!.updated_at,
        no: row!.order_no,
      });
      await rig.engine.runTouchpoint('orders', { trigger: 'manual' });
      expect(alerts()).toEqual([]);
    },
  );
});
