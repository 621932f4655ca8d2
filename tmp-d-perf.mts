import { openErp } from '/work/main/src/erp/index.ts';
import { createSampleErp } from '/work/main/src/erp/sample/create-sample-erp.ts';
import { rmSync } from 'node:fs';
rmSync('/tmp/dsmoke/p.sqlite', { force: true });
const erp = await openErp({ driver: 'sqlite', url: '/tmp/dsmoke/p.sqlite', createIfMissing: true });
const t0 = performance.now(); let last = t0;
await createSampleErp(erp, { orders: 10000, onProgress: (t, n) => { const now = performance.now(); console.log(t, n, Math.round(now - last)); last = now; } });
console.log('total', Math.round(performance.now() - t0));
await erp.close();
