// The status command (a read-only probe, no connections) shows the rate the last run learned for the tenant.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../../src/app/index.js';
import { LearnedRates } from '../../../src/app/learned-rates.js';
import { describeRate } from '../../../src/contract/rate.js';
import { sampleProfileText } from '../../../src/erp/sample/index.js';
import { createLogging } from '../../../src/logging/index.js';

describe('rate in the status of a probe', () => {
  it('reports what the last run learned, under the profile’s ceiling', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rate-status-'));
    const baseUrl = 'http://127.0.0.1:9/infoplus-wms/api';
    const profileFile = join(dir, 'profile.yaml');
    writeFileSync(
      profileFile,
      sampleProfileText('sqlite', { erpUrl: join(dir, 'erp.sqlite'), infoplusBaseUrl: baseUrl }),
    );
    const app = await createApp({
      dataDir: dir,
      configFile: profileFile,
      env: { INFOPLUS_API_KEY: 'key-123456' },
      probe: true,
      logging: createLogging({ dir: null }),
    });
    try {
      expect((await app.api.getStatus({})).rate).toBeNull();
      new LearnedRates(dir)
        .memory(baseUrl)
        .save({ rate: 4.2, knownLimit: 5.1, at: new Date().toISOString() });
      const rate = (await app.api.getStatus({})).rate!;
      expect(rate).toMatchObject({
        mode: 'adaptive',
        requestsPerSecond: 4.2,
        knownLimit: 5.1,
        ceiling: 5,
        live: false,
      });
      expect(describeRate(rate)).toBe(
        '4.2 req/s (learned by the last run; at most 5; Infoplus refused above 5.1)',
      );
    } finally {
      await app.stop();
    }
  });
});
