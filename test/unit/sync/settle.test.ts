import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTLE_DELAYS_MS,
  decideAfterFailure,
  decideAfterRefusal,
  nextSettleStep,
  settleCheckDue,
  type FailureDecision,
  type FailureFacts,
  type RefusalDecision,
  type RefusalFacts,
} from '../../../src/sync/settle.js';

const t0 = new Date('2026-03-01T10:00:00.000Z');
const at = (ms: number): Date => new Date(t0.getTime() + ms);

describe('settle window of an outcome-unknown create', () => {
  it('looks the record up again at +30 s, +2 min, +10 min and re-sends only after the last lookup', () => {
    const d = DEFAULT_SETTLE_DELAYS_MS;
    expect(nextSettleStep(t0, t0, 0, d)).toEqual({ kind: 'recheck', at: at(30_000), checks: 1 });
    expect(nextSettleStep(t0, at(31_000), 1, d)).toEqual({ kind: 'recheck', at: at(120_000), checks: 2 });
    expect(nextSettleStep(t0, at(200_000), 2, d)).toEqual({ kind: 'recheck', at: at(600_000), checks: 3 });
    expect(nextSettleStep(t0, at(599_999), 3, d)).toMatchObject({ kind: 'recheck', at: at(600_000) });
    expect(nextSettleStep(t0, at(600_000), 3, d)).toEqual({ kind: 'resend' });
  });

  it('counts the window from the first unknown outcome, also across restarts (a late run re-sends at once)', () => {
    expect(nextSettleStep(t0, at(3_600_000), 0, DEFAULT_SETTLE_DELAYS_MS)).toEqual({ kind: 'resend' });
  });

  it('a configured window replaces the default; an empty one re-sends at once', () => {
    expect(nextSettleStep(t0, at(500), 0, [1000, 5000])).toEqual({
      kind: 'recheck',
      at: at(1000),
      checks: 1,
    });
    expect(nextSettleStep(t0, t0, 0, [])).toEqual({ kind: 'resend' });
  });

  it('a lookup is due when its time came (or none was set)', () => {
    expect(settleCheckDue(null, t0)).toBe(true);
    expect(settleCheckDue(at(1).toISOString(), t0)).toBe(false);
    expect(settleCheckDue(t0.toISOString(), t0)).toBe(true);
  });
});

describe('decideAfterFailure', () => {
  const base: FailureFacts = {
    op: 'create',
    phase: 'infoplus-write',
    kind: undefined,
    cls: { transient: false, stopsRun: false, maybeApplied: false },
    attempt: 1,
    inlineAttempts: 3,
    stopping: false,
  };
  const transient = { transient: true, stopsRun: false, maybeApplied: false };
  const unknown = { transient: true, stopsRun: false, maybeApplied: true };
  const rows: [string, Partial<FailureFacts>, FailureDecision][] = [
    ['auth refused: stop the run', { kind: 'auth', cls: { ...base.cls, stopsRun: true } }, { do: 'abort' }],
    [
      'ERP write-back failed, ERP gone: stop',
      { phase: 'erp-write', cls: { ...base.cls, stopsRun: true } },
      { do: 'abort' },
    ],
    ['ERP write-back refused: park, Infoplus has it', { phase: 'erp-write' }, { do: 'park-erp' }],
    ['create refused (400): look up before deciding', { kind: 'validation' }, { do: 'investigate' }],
    ['update refused (400): look up its status', { op: 'update', kind: 'validation' }, { do: 'investigate' }],
    ['update of a record gone (404)', { op: 'update', kind: 'not-found' }, { do: 'investigate' }],
    [
      'create timed out: settle, never re-send now',
      { kind: 'outcome-unknown', cls: unknown },
      { do: 'settle' },
    ],
    ['create got a 502/504: settle', { kind: 'server', cls: unknown }, { do: 'settle' }],
    [
      'create timed out on the last attempt: still settle',
      { kind: 'outcome-unknown', cls: unknown, attempt: 3 },
      { do: 'settle' },
    ],
    [
      'update timed out: an idempotent PUT is retried',
      { op: 'update', kind: 'outcome-unknown', cls: unknown },
      { do: 'retry', delayMs: 200 },
    ],
    [
      '429 after the client gave up: retry',
      { kind: 'rate-limited', cls: transient },
      { do: 'retry', delayMs: 200 },
    ],
    [
      'refused connection: retry with backoff',
      { kind: 'network', cls: transient, attempt: 2 },
      {
        do: 'retry',
        delayMs: 400,
      },
    ],
    ['transient, attempts used up: park', { kind: 'network', cls: transient, attempt: 3 }, { do: 'park' }],
    [
      'transient while the run stops: park',
      { kind: 'network', cls: transient, stopping: true },
      { do: 'park' },
    ],
    ['an internal error: park', {}, { do: 'park' }],
    [
      'auth refused on an update: stop the run',
      { op: 'update', kind: 'auth', cls: { ...base.cls, stopsRun: true } },
      { do: 'abort' },
    ],
    ['create 404: look up before deciding', { kind: 'not-found' }, { do: 'investigate' }],
    [
      'create refused while the run stops: still looked up, never re-sent blindly',
      { kind: 'validation', stopping: true, attempt: 3 },
      { do: 'investigate' },
    ],
    [
      'create got a 502 while the run stops: still settle (a lookup, not a re-send)',
      { kind: 'server', cls: unknown, stopping: true },
      { do: 'settle' },
    ],
    [
      'create whose connection was refused (never sent): retried, nothing to settle',
      { kind: 'network', cls: transient },
      { do: 'retry', delayMs: 200 },
    ],
    [
      'update got a 5xx, attempts used up: park (retried by itself later)',
      { op: 'update', kind: 'server', cls: unknown, attempt: 3 },
      { do: 'park' },
    ],
    [
      'ERP write-back failed for a moment: park-erp, Infoplus is not written again',
      { phase: 'erp-write', cls: transient },
      { do: 'park-erp' },
    ],
    [
      'backoff doubles per attempt and stops growing at 2 s',
      { kind: 'network', cls: transient, attempt: 6, inlineAttempts: 10 },
      { do: 'retry', delayMs: 2000 },
    ],
  ];
  it.each(rows)('%s', (_name, facts, expected) => {
    expect(decideAfterFailure({ ...base, ...facts })).toEqual(expected);
  });
});

describe('decideAfterRefusal (what the lookups after a 400/404 found; never the wording)', () => {
  const base: RefusalFacts = {
    op: 'create',
    kind: 'validation',
    keyFound: false,
    editable: null,
    missing: [],
    refersToOthers: true,
    attempt: 1,
  };
  const rows: [string, Partial<RefusalFacts>, RefusalDecision][] = [
    [
      'create refused, the key is there: adopt if ours, else park',
      { keyFound: true },
      { do: 'adopt-or-park' },
    ],
    [
      'create refused, key there and an item missing: still the key first',
      { keyFound: true, missing: ['item A'] },
      { do: 'adopt-or-park' },
    ],
    ['update of a shipped order', { op: 'update', keyFound: true, editable: false }, { do: 'not-editable' }],
    [
      'update of an editable order with a missing item',
      { op: 'update', keyFound: true, editable: true, missing: ['item A'] },
      { do: 'wait-for-reference' },
    ],
    ['create with a missing item', { missing: ['item A'] }, { do: 'wait-for-reference' }],
    ['create refused though everything it needs is there: once more', {}, { do: 'retry' }],
    ['refused again on the second attempt: park', { attempt: 2 }, { do: 'park' }],
    ['a record that refers to nothing: park at once', { refersToOthers: false }, { do: 'park' }],
    ['update of a record gone from Infoplus (404)', { op: 'update', kind: 'not-found' }, { do: 'park' }],
    ['create answered 404: park', { kind: 'not-found' }, { do: 'park' }],
    [
      'update refused while still editable and nothing missing: once more',
      { op: 'update', keyFound: true, editable: true },
      { do: 'retry' },
    ],
    [
      'still missing a vendor on a later attempt: keeps waiting for it',
      { missing: ['vendor id 3'], attempt: 2 },
      { do: 'wait-for-reference' },
    ],
  ];
  it.each(rows)('%s', (_name, facts, expected) => {
    expect(decideAfterRefusal({ ...base, ...facts })).toEqual(expected);
  });
});
