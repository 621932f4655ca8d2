// The judge of one pulled record: a version already in the ERP is never written twice, a parked one waits for a
// change (unless its retry fetched it), and a dry run writes nothing.
import { describe, expect, it } from 'vitest';
import { contentHash } from '../../../src/domain/mapping/index.js';
import type { JournalEntry } from '../../../src/store/index.js';
import { judgePulled, type PullVerdict } from '../../../src/sync/pull-judge.js';

const record = { id: 42, modifyDate: '2026-01-01T00:00:00.000Z', status: 'Shipped' };
const hash = contentHash(record);
const journal = (over: Partial<JournalEntry>): JournalEntry => ({
  touchpoint: 'shipments',
  recordKey: '42',
  infoplusId: '42',
  contentHash: null,
  failedHash: null,
  status: 'written',
  attempts: 0,
  lastError: null,
  watermark: null,
  sourceFingerprint: null,
  updatedAt: '2026-01-01T00:00:00.000Z',
  ...over,
});

describe('judgePulled', () => {
  const rows: [string, JournalEntry | null, { retry?: boolean }, PullVerdict][] = [
    ['a record never seen is written', null, {}, { kind: 'write', hash }],
    [
      'this very version already written is unchanged',
      journal({ contentHash: hash }),
      {},
      { kind: 'unchanged' },
    ],
    [
      'a newer version of a written record is written',
      journal({ contentHash: 'old' }),
      {},
      { kind: 'write', hash },
    ],
    ['a parked version waits', journal({ status: 'failed', failedHash: hash }), {}, { kind: 'parked' }],
    ['a skipped version waits', journal({ status: 'skipped', failedHash: hash }), {}, { kind: 'parked' }],
    [
      'a parked version fetched for its due retry is written',
      journal({ status: 'failed', failedHash: hash }),
      { retry: true },
      { kind: 'write', hash },
    ],
    [
      'a changed parked record is written',
      journal({ status: 'failed', failedHash: 'old' }),
      {},
      { kind: 'write', hash },
    ],
  ];
  it.each(rows)('%s', (_name, j, opts, expected) => {
    expect(judgePulled(record, j, { retry: opts.retry ?? false })).toEqual(expected);
  });
});
