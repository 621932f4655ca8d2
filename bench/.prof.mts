import { makeRig, tempDir } from '../test/integration/sync/harness.js';
import { openErp } from '../src/erp/index.js';
const t = tempDir('prof-');
const erp = await openErp({ driver: 'sqlite', url: t.dir + '/erp.sqlite', createIfMissing: true });
const rig = await makeRig({ erp, driver: 'sqlite', orders: 1000, dataDir: t.dir + '/state' });
for (const tp of ['vendors', 'items', 'asns', 'orders'] as const) {
  const t0 = performance.now();
  const r = await rig.engine.runTouchpoint(tp, { trigger: 'manual' });
  console.log(tp, Math.round(performance.now() - t0), 'ms', JSON.stringify(r.counts));
}
const t0 = performance.now();
await rig.engine.runTouchpoint('orders', { trigger: 'manual' });
console.log('orders no-op', Math.round(performance.now() - t0));
await rig.close(); await erp.close(); t.remove();
