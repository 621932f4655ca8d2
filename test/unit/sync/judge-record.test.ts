// The judge of one push record, case by case: what a user sees follows from it (a record sent once, an
// unchanged record costing no call, a parked record waiting for its data to change, a bad key never sent).
import { describe, expect, it } from 'vitest';
import { buildPayload, contentHash, type PushSourceRecord } from '../../../src/domain/mapping/index.js';
import { parseProfile } from '../../../src/profile/index.js';
import type { JournalEntry, StateStore } from '../../../src/store/index.js';
import { judgeRecord, type JudgeEnv } from '../../../src/sync/push-judge.js';
import type { Verdict } from '../../../src/sync/push-types.js';

const profile = parseProfile(`
version: 1
name: judge
timezone: UTC
infoplus: { lobId: 7, warehouseId: 3 }
touchpoints:
  vendors:
    key: code
    source:
      header: SELECT * FROM v
    changeDetection: { mode: hash, fingerprint: stamp }
    fields:
      vendorNo: code
      name: { column: name }
      street: { const: '1 Main St' }
      city: { const: Chicago }
      state: { const: IL }
      zipCode: { const: '60601' }
      inactive: { const: 'No' }
`);

// The journal row is always passed in, so the store is never read.
const store = {} as StateStore;
const resolver: JudgeEnv['resolver'] = {
  prefetch: () => Promise.resolve(),
  resolve: () => {
    throw new Error('nothing is resolved in this profile');
  },
  tenantList: () => undefined,
};
const DIGEST = 'd1';

const rec = (
  over: Partial<PushSourceRecord> & { name?: string | null; code?: string } = {},
): PushSourceRecord => {
  const { name = 'Acme', code = '1001', ...rest } = over;
  return {
    key: code,
    header: { code, name, stamp: 'v1' },
    lines: [],
    watermark: null,
    fingerprint: 'v1',
    ...rest,
  };
};
const journal = (over: Partial<JournalEntry>): JournalEntry => ({
  touchpoint: 'vendors',
  recordKey: '1001',
  infoplusId: null,
  contentHash: null,
  failedHash: null,
  status: 'synced',
  attempts: 0,
  lastError: null,
  watermark: null,
  sourceFingerprint: null,
  updatedAt: '2026-01-01T00:00:00.000Z',
  ...over,
});

const judge = (
  r: PushSourceRecord,
  j: JournalEntry | null,
  opts: { due?: boolean; digest?: string | null } = {},
): Promise<Verdict> =>
  judgeRecord(
    store,
    { profile, resolver, fingerprintDigest: opts.digest === undefined ? DIGEST : opts.digest },
    'vendors',
    r,
    new Set(opts.due ? [r.key] : []),
    j,
  );

describe('judgeRecord', () => {
  // the content hash of the vendor as built from rec(): what the journal holds once it was sent
  const hash = contentHash(buildPayload(profile, 'vendors', rec(), { resolve: resolver.resolve }).payload);
  const fp = `${DIGEST}:v1`;

  const rows: [
    string,
    PushSourceRecord,
    JournalEntry | null,
    { due?: boolean; digest?: string | null },
    unknown,
  ][] = [
    [
      'a record never sent is created, with no Infoplus id',
      rec(),
      null,
      {},
      { kind: 'send', candidate: { op: 'create', infoplusId: null, keyValue: '1001', fingerprint: fp } },
    ],
    [
      'a changed record that Infoplus has is updated under the journal id',
      rec({ name: 'Acme Two' }),
      journal({ infoplusId: '55', contentHash: hash }),
      {},
      { kind: 'send', candidate: { op: 'update', infoplusId: '55' } },
    ],
    [
      'a synced record with this very fingerprint is unchanged without being built',
      rec({ name: null }),
      journal({ infoplusId: '55', contentHash: 'other', sourceFingerprint: fp }),
      {},
      { kind: 'unchanged' },
    ],
    [
      'a synced record with the same content is unchanged, and its missing fingerprint is stored',
      rec(),
      journal({ infoplusId: '55', contentHash: hash }),
      {},
      { kind: 'unchanged', refresh: { contentHash: hash, sourceFingerprint: fp } },
    ],
    [
      'without any fingerprint a synced record with the same content is just unchanged',
      rec({ fingerprint: null }),
      journal({ infoplusId: '55', contentHash: hash }),
      { digest: null },
      { kind: 'unchanged' },
    ],
    [
      'a parked record that did not change waits',
      rec(),
      journal({ status: 'failed', failedHash: hash }),
      {},
      { kind: 'parked' },
    ],
    [
      'a parked record whose retry came due is sent again',
      rec(),
      journal({ status: 'skipped', failedHash: hash }),
      { due: true },
      { kind: 'send', candidate: { op: 'create' } },
    ],
    [
      'a parked record whose data changed is sent again',
      rec({ name: 'Acme Fixed' }),
      journal({ status: 'failed', failedHash: hash }),
      {},
      { kind: 'send', candidate: { op: 'create' } },
    ],
    [
      'a record missing a required value is parked for the ERP user to fix',
      rec({ name: null }),
      null,
      {},
      { kind: 'problems', error: { category: 'erp-data', fixBy: 'erp-user', transient: false } },
    ],
    [
      'a key Infoplus could never find again is parked, never sent',
      rec({ code: '-5' }),
      null,
      {},
      { kind: 'problems', error: { message: expect.stringContaining('not a whole number') } },
    ],
  ];

  it.each(rows)('%s', async (_name, r, j, opts, expected) => {
    expect(await judge(r, j, opts)).toMatchObject(expected as object);
  });

  it('refuses a record read without its lines once its fingerprint no longer matches', async () => {
    const skipped = rec({ unchangedByFingerprint: true, fingerprint: 'v2' });
    await expect(judge(skipped, journal({ infoplusId: '55', sourceFingerprint: fp }))).rejects.toThrow(
      /read without lines but its fingerprint no longer matches/,
    );
  });
});
