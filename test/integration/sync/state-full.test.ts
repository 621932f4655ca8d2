// A data folder that fills up in the middle of a push: the run stops and says the disk is full (never "ok"),
// and once there is room again the next run finishes the job without a second copy of anything.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { ErpConnection } from '../../../src/erp/types.js';
import { countBy, makeRig, makeTestErp, tempDir, type Rig } from './harness.js';

/** better-sqlite3's error for a full disk (the boundary this test stands in for). */
const diskFull = (): Error =>
  Object.assign(new Error('database or disk is full'), { name: 'SqliteError', code: 'SQLITE_FULL' });

describe('sync engine: the state disk fills up mid-run', () => {
  const tmp = tempDir('sync-state-full-');
  let erp: ErpConnection;
  let rig: Rig;
  beforeAll(async () => {
    erp = await (await makeTestErp('sqlite', tmp.dir)).open();
    rig = await makeRig({ erp, driver: 'sqlite', orders: 20, dataDir: join(tmp.dir, 'state') });
    await rig.runs.runAndWait({ touchpoints: ['vendors', 'items'] });
  });
  afterAll(async () => {
    await rig.close();
    await erp.close();
    tmp.remove();
  });

  it('fails the run naming the full disk, then the next run completes with every order once', async () => {
    const journal = rig.store.journal;
    const markDone = journal.markDone.bind(journal);
    let done = 0;
    journal.markDone = (e) => {
      if (++done > 5) throw diskFull();
      markDone(e);
    };
    let run;
    try {
      run = await rig.engine.runTouchpoint('orders', { trigger: 'manual' });
    } finally {
      journal.markDone = markDone;
    }
    expect(run.status).toBe('failed');
    expect(run.error).toMatch(
      /sync state cannot be written: the disk holding the data folder is full \(SQLITE_FULL\)/,
    );

    const next = await rig.engine.runTouchpoint('orders', { trigger: 'manual' });
    expect(next.status).toBe('succeeded');
    const byKey = countBy(rig.sim.state.list('order'), 'customerOrderNo');
    expect(byKey.size).toBe(20);
    expect([...byKey.values()].every((n) => n === 1)).toBe(true);
  });
});
