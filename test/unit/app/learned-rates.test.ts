import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LearnedRates } from '../../../src/app/learned-rates.js';
import { describeRate } from '../../../src/contract/rate.js';

const A = 'https://acme.infopluswms.com/infoplus-wms/api';
const B = 'https://other.infopluswms.com/infoplus-wms/api';

describe('learned rates in the data folder', () => {
  it('keeps each tenant’s learned rate apart, across instances', () => {
    const dir = mkdtempSync(join(tmpdir(), 'learned-'));
    new LearnedRates(dir).memory(A).save({ rate: 11.5, knownLimit: 12.2, at: '2026-01-01T00:00:00.000Z' });
    new LearnedRates(dir).memory(B).save({ rate: 3, knownLimit: null, at: '2026-01-01T00:00:00.000Z' });
    const again = new LearnedRates(dir);
    expect(again.get(A.toUpperCase())).toMatchObject({ rate: 11.5, knownLimit: 12.2 });
    expect(again.get(B)).toMatchObject({ rate: 3, knownLimit: null });
    expect(again.get('https://unknown.infopluswms.com/infoplus-wms/api')).toBeNull();
    const snap = again.snapshot(A, 100)!;
    expect(describeRate({ ...snap, live: false })).toBe(
      '11.5 req/s (learned by the last run; at most 100; Infoplus refused above 12.2)',
    );
  });

  it('treats a damaged file as nothing learned and replaces it on the next save', () => {
    const dir = mkdtempSync(join(tmpdir(), 'learned-'));
    writeFileSync(join(dir, 'learned-rates.json'), '{ not json');
    const rates = new LearnedRates(dir);
    expect(rates.get(A)).toBeNull();
    rates.memory(A).save({ rate: 4, knownLimit: 5, at: '' });
    expect(JSON.parse(readFileSync(join(dir, 'learned-rates.json'), 'utf8'))).toMatchObject({
      [A]: { rate: 4, knownLimit: 5 },
    });
  });
});
