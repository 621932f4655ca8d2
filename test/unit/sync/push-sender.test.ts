// The sender, case by case, as a user sees the outcome: a record created or updated once, a record whose
// answer never came confirmed by a lookup (never sent blindly again), a 429 retried, a refusal parked under
// the record's key, a refused API key stopping the run. Infoplus is faked at the client boundary; the state
// store and the run context are the real ones.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunSummary } from '../../../src/contract/index.js';
import type { ErpConnection } from '../../../src/erp/types.js';
import {
  AuthError,
  OutcomeUnknownError,
  RateLimitedError,
  ServerError,
  ValidationError,
  type InfoplusClient,
} from '../../../src/infoplus/index.js';
import { parseProfile } from '../../../src/profile/index.js';
import { openStateStore, ZERO_COUNTS, type StateStore } from '../../../src/store/index.js';
import type { ErpIo } from '../../../src/sync/erp-io.js';
import { Sender } from '../../../src/sync/push-sender.js';
import type { Candidate } from '../../../src/sync/push-types.js';
import type { LookupResolver } from '../../../src/sync/resolver.js';
import { RunContext } from '../../../src/sync/run-context.js';
import type { SyncEnv } from '../../../src/sync/sync-env.js';
import { resolveOptions, RunAbort } from '../../../src/sync/types.js';

const profile = parseProfile(`
version: 1
name: sender
timezone: UTC
infoplus: { lobId: 7, warehouseId: 3 }
touchpoints:
  vendors:
    key: code
    source:
      header: SELECT * FROM v
    changeDetection: { mode: hash }
    fields:
      vendorNo: code
      name: { column: name }
      street: { const: '1 Main St' }
      city: { const: Chicago }
      state: { const: IL }
      zipCode: { const: '60601' }
      inactive: { const: 'No' }
`);

const quiet = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

/** What the fake Infoplus does with the next create or update. */
type Step =
  | { readonly ok: true }
  /** Fails with `error`; `commits`: the record is stored all the same (the answer was lost after the commit). */
  | { readonly error: Error; readonly commits?: boolean };

/** An Infoplus vendor resource at the client boundary: what it holds, what it was asked, scripted failures. */
class FakeVendors {
  readonly held: Record<string, unknown>[] = [];
  readonly calls: string[] = [];
  private nextId = 100;
  constructor(private readonly script: Step[] = []) {}

  private step(): Step {
    return this.script.shift() ?? { ok: true };
  }

  async create(p: Record<string, unknown>): Promise<Record<string, unknown>> {
    this.calls.push('create');
    const s = this.step();
    if ('error' in s && !s.commits) throw s.error;
    const stored = { ...p, id: this.nextId++ };
    this.held.push(stored);
    if ('error' in s) throw s.error;
    return stored;
  }

  async update(p: Record<string, unknown>): Promise<Record<string, unknown>> {
    this.calls.push(`update ${String(p.id)}`);
    const s = this.step();
    if ('error' in s) throw s.error;
    const i = this.held.findIndex((r) => r.id === p.id);
    if (i >= 0) this.held[i] = { ...this.held[i], ...p };
    return p;
  }

  /** Every search is a lookup by vendorNo here; the tests hold one vendor key at a time. */
  async search(): Promise<Record<string, unknown>[]> {
    this.calls.push('search');
    return this.held.map((r) => ({ ...r }));
  }
}

const init = { resource: 'vendor', operation: 'create' as const, recordKey: '1001' };
const serverError = (): ServerError =>
  new ServerError({ ...init, message: 'Infoplus answered 502 to the create of vendor 1001', status: 502 });
const refused = (): ValidationError =>
  new ValidationError({
    ...init,
    message: 'Infoplus refused the create of vendor 1001: name is required',
    status: 400,
    messages: ['name is required'],
  });
const rateLimited = (): RateLimitedError =>
  new RateLimitedError({ ...init, message: 'Infoplus answered 429', status: 429 });
const noAnswer = (): OutcomeUnknownError =>
  new OutcomeUnknownError({ ...init, message: 'the connection dropped before Infoplus answered' });
const keyRefused = (): AuthError =>
  new AuthError({ ...init, message: 'Infoplus refused the API key (401)', status: 401 });

const payload = { lobId: 7, vendorNo: 1001, name: 'Acme' };
const create: Candidate = {
  op: 'create',
  key: '1001',
  keyValue: '1001',
  canonical: '1001',
  payload,
  hash: 'h1',
  watermark: null,
  fingerprint: null,
  infoplusId: null,
};
const update: Candidate = { ...create, op: 'update', infoplusId: '100' };

let dir: string;
let store: StateStore;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'push-sender-'));
  store = openStateStore(dir);
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Sends the candidates through a Sender over a fresh run; returns the run's context and how it ended. */
async function send(
  vendors: FakeVendors,
  candidates: readonly Candidate[],
  options: { settleDelaysMs?: number[] } = {},
): Promise<{ ctx: RunContext; stopped: unknown }> {
  const run: RunSummary = {
    id: 'run-1',
    touchpoint: 'vendors',
    trigger: 'manual',
    dryRun: false,
    status: 'running',
    startedAt: new Date().toISOString(),
    finishedAt: null,
    counts: { ...ZERO_COUNTS },
  };
  store.runs.start(run);
  const ctx = new RunContext(
    run,
    store,
    quiet,
    resolveOptions({ concurrency: 1, settleDelaysMs: options.settleDelaysMs ?? [60_000], ...options }),
    () => new Date(),
    () => {},
    new AbortController().signal,
  );
  const env: SyncEnv = {
    erp: {} as ErpConnection,
    infoplus: { vendor: vendors } as unknown as InfoplusClient,
    profile,
    io: { afterPush: async () => {} } as unknown as ErpIo,
    resolver: {} as LookupResolver,
  };
  const sender = new Sender(ctx, env, 'vendors');
  let stopped: unknown = null;
  try {
    await sender.submit(candidates);
    await sender.settle();
    sender.throwIfStopped();
  } catch (e) {
    stopped = e;
  }
  ctx.flushRecords();
  return { ctx, stopped };
}

/** What a user sees of the record afterwards: its run outcome, journal, inbox entry and Infoplus. */
function seen(ctx: RunContext, vendors: FakeVendors) {
  const inbox = store.inbox.byKey('vendors', '1001');
  return {
    outcome: store.runs.records(ctx.run.id).map((r) => r.action),
    journal: store.journal.get('vendors', '1001')?.status ?? null,
    infoplusId: store.journal.get('vendors', '1001')?.infoplusId ?? null,
    inbox: inbox ? { category: inbox.category, status: inbox.status } : null,
    inInfoplus: vendors.held.length,
  };
}

describe('Sender', () => {
  const rows: [string, Candidate, Step[], ReturnType<typeof seen> & { calls: string[] }][] = [
    [
      'a new record is looked up by key, then created once',
      create,
      [],
      {
        outcome: ['created'],
        journal: 'synced',
        infoplusId: '100',
        inbox: null,
        inInfoplus: 1,
        calls: ['search', 'create'],
      },
    ],
    [
      'a known record is updated under its Infoplus id, with no lookup first',
      update,
      [],
      {
        outcome: ['updated'],
        journal: 'synced',
        infoplusId: '100',
        inbox: null,
        inInfoplus: 0,
        calls: ['update 100'],
      },
    ],
    [
      'a 5xx on a create that Infoplus committed: settled by a lookup, not sent again',
      create,
      [{ error: serverError(), commits: true }],
      {
        outcome: ['reconciled'],
        journal: 'synced',
        infoplusId: '100',
        inbox: null,
        inInfoplus: 1,
        calls: ['search', 'create', 'search'],
      },
    ],
    [
      'a lost answer to a create Infoplus did not commit: waits as "checking", not sent again in this run',
      create,
      [{ error: noAnswer() }],
      {
        outcome: ['skipped'],
        journal: 'failed',
        infoplusId: null,
        inbox: { category: 'settling', status: 'retrying' },
        inInfoplus: 0,
        calls: ['search', 'create', 'search'],
      },
    ],
    [
      'a 429 is retried and the record created once',
      create,
      [{ error: rateLimited() }],
      {
        outcome: ['created'],
        journal: 'synced',
        infoplusId: '100',
        inbox: null,
        inInfoplus: 1,
        calls: ['search', 'create', 'create'],
      },
    ],
    [
      'a 5xx on an update (idempotent) is sent again',
      update,
      [{ error: serverError() }],
      {
        outcome: ['updated'],
        journal: 'synced',
        infoplusId: '100',
        inbox: null,
        inInfoplus: 0,
        calls: ['update 100', 'update 100'],
      },
    ],
    [
      'a 400 refusal of a record that refers to nothing is parked for the ERP user, once',
      create,
      [{ error: refused() }],
      {
        outcome: ['failed'],
        journal: 'failed',
        infoplusId: null,
        inbox: { category: 'infoplus-validation', status: 'open' },
        inInfoplus: 0,
        calls: ['search', 'create', 'search'],
      },
    ],
  ];

  it.each(rows)('%s', async (_name, candidate, script, expected) => {
    const vendors = new FakeVendors(script);
    const { ctx, stopped } = await send(vendors, [candidate]);
    expect(stopped).toBeNull();
    const { calls, ...rest } = expected;
    expect(seen(ctx, vendors)).toEqual(rest);
    expect(vendors.calls).toEqual(calls);
    // nothing is left half-done: the intent is done, or kept only for a record that settles
    const pending = store.outbox.unresolved('vendors').map((o) => o.recordKey);
    expect(pending).toEqual(expected.inbox?.category === 'settling' ? ['1001'] : []);
  });

  it('parks a refusal under the record key with Infoplus reason kept', async () => {
    const vendors = new FakeVendors([{ error: refused() }]);
    await send(vendors, [create]);
    const item = store.inbox.byKey('vendors', '1001');
    expect(item).toMatchObject({ recordKey: '1001', fixBy: 'erp-user' });
    expect(item?.message).toContain('1001');
    expect(item?.infoplusMessages).toEqual(['name is required']);
  });

  it('adopts a record Infoplus already holds under the key with the same content, and creates nothing', async () => {
    const vendors = new FakeVendors();
    vendors.held.push({ ...payload, id: 55 });
    const { ctx } = await send(vendors, [create]);
    expect(vendors.calls).toEqual(['search']);
    expect(seen(ctx, vendors)).toMatchObject({ outcome: ['reconciled'], infoplusId: '55', inInfoplus: 1 });
  });

  it('parks a record whose key Infoplus holds with other content: neither adopted nor created', async () => {
    const vendors = new FakeVendors();
    vendors.held.push({ ...payload, name: 'Someone else', id: 55 });
    const { ctx } = await send(vendors, [create]);
    expect(vendors.calls).toEqual(['search']);
    expect(seen(ctx, vendors)).toMatchObject({
      outcome: ['failed'],
      inbox: { category: 'key-collision', status: 'open' },
      inInfoplus: 1,
    });
    expect(store.inbox.byKey('vendors', '1001')?.message).toMatch(/1001.*not created again, not adopted/);
  });

  it('stops the run on a refused API key: nothing parked, the record is sent by the next run', async () => {
    const vendors = new FakeVendors([{ error: keyRefused() }]);
    const { ctx, stopped } = await send(vendors, [update]);
    expect(stopped).toBeInstanceOf(RunAbort);
    expect((stopped as Error).message).toMatch(/API key/);
    expect(seen(ctx, vendors)).toMatchObject({ outcome: [], inbox: null });
    expect(store.outbox.unresolved('vendors')).toEqual([]);
  });
});
