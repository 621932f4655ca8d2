/**
 * Dry run: every payload is built and checked against Infoplus itself (line of business, warehouse, vendor,
 * SKUs exist or are about to be pushed) without writing anything anywhere. Reads only.
 */
import {
  isPushTouchpoint,
  type DryRunProblem,
  type DryRunReport,
  type DryRunTouchpointReport,
  type PullTouchpoint,
  type PushTouchpoint,
  type TouchpointName,
} from '../contract/index.js';
import { firstQuery, planPage, startPosition, type PagePlan } from '../domain/cursor.js';
import { contentHash } from '../domain/mapping/index.js';
import type { StateStore } from '../store/index.js';
import { toSearch } from './pull-source.js';
import { findKeyCollisions, keyCollisionError } from './key-policy.js';
import { judgeRecord } from './push-judge.js';
import { PULL_DEFINITIONS, PUSH_DEFINITIONS } from './touchpoints/index.js';
import type { LookupResolver } from './resolver.js';
import { cancelVerdict, candidateVerdict, parkedVerdict, RecordVerdicts } from './dry-run-verdicts.js';
import type { SyncEnv } from './sync-env.js';
import type { LoggerLike, ResolvedOptions } from './types.js';

/** What a dry run reads from. */
export interface DryRunEnv extends SyncEnv {
  readonly store: StateStore;
  readonly options: ResolvedOptions;
  readonly clock: () => Date;
  readonly logger: LoggerLike;
}

/** Most pull records a dry run reads per touchpoint (it only counts them). */
const PULL_PREVIEW_LIMIT = 5000;
const MAX_PROBLEMS = 500;
/** Stand-in id of a record that the run would create first. */
const PENDING_ID = -1;

/** Runs the dry run over the given touchpoints. */
export async function runDryRun(env: DryRunEnv, tps: readonly TouchpointName[]): Promise<DryRunReport> {
  const shared = await sharedChecks(env);
  const skus = new SkuChecker(env);
  const out: DryRunTouchpointReport[] = [];
  for (const tp of tps) {
    if (isPushTouchpoint(tp)) out.push(await dryPush(env, tp, shared, skus));
    else out.push(await dryPull(env, tp));
  }
  return { touchpoints: out };
}

async function sharedChecks(env: DryRunEnv): Promise<DryRunProblem[]> {
  const problems: DryRunProblem[] = [];
  const { lobId, warehouseId } = env.profile.infoplus;
  await env.infoplus.lineOfBusiness.get(lobId).catch((e: unknown) => {
    problems.push({
      recordKey: '(profile)',
      field: 'infoplus.lobId',
      message: `Line of business ${lobId}: ${String((e as Error).message)}`,
    });
  });
  await env.infoplus.warehouse.get(warehouseId).catch((e: unknown) => {
    problems.push({
      recordKey: '(profile)',
      field: 'infoplus.warehouseId',
      message: `Warehouse ${warehouseId}: ${String((e as Error).message)}`,
    });
  });
  return problems;
}

/** SKUs exist in Infoplus or are being pushed by the items touchpoint; one getBySKU per distinct SKU. */
class SkuChecker {
  private pending: Set<string> | null = null;
  private readonly known = new Map<string, boolean>();
  constructor(private readonly env: DryRunEnv) {}

  private async pushedSkus(): Promise<Set<string>> {
    if (this.pending) return this.pending;
    this.pending = new Set();
    if (!this.env.profile.touchpoints.items) return this.pending;
    for await (const rec of this.env.io.readPushRecords(this.env.erp, this.env.profile, 'items', {})) {
      this.pending.add(rec.key.trim().toUpperCase());
    }
    return this.pending;
  }

  async exists(sku: string): Promise<boolean> {
    const s = sku.trim().toUpperCase();
    if ((await this.pushedSkus()).has(s)) return true;
    let ok = this.known.get(s);
    if (ok === undefined) {
      ok = (await this.env.infoplus.item.getBySKU(this.env.profile.infoplus.lobId, s)) !== null;
      this.known.set(s, ok);
    }
    return ok;
  }
}

async function dryPush(
  env: DryRunEnv,
  tp: PushTouchpoint,
  shared: DryRunProblem[],
  skus: SkuChecker,
): Promise<DryRunTouchpointReport> {
  const problems: DryRunProblem[] = [...shared];
  const add = (p: DryRunProblem): void => {
    if (problems.length < MAX_PROBLEMS) problems.push(p);
  };
  let records = 0;
  let wouldCreate = 0;
  let wouldUpdate = 0;
  let unchanged = 0;
  const vendorsInErp = PUSH_DEFINITIONS[tp].dependsOn.includes('vendors')
    ? await erpVendorKeys(env)
    : new Set<string>();
  // A vendor that is not in Infoplus yet but is pushed first by the vendors touchpoint resolves to a stand-in.
  // A dry run assigns no vendor numbers (peeking shows the ones a run would give).
  const peeking = env.resolver.peeking();
  const resolver = {
    prefetch: (r: Parameters<LookupResolver['prefetch']>[0]) => peeking.prefetch(r),
    resolve: (kind: Parameters<LookupResolver['resolve']>[0], value: string) =>
      peeking.resolve(kind, value) ?? (vendorsInErp.has(value) ? PENDING_ID : undefined),
    tenantList: peeking.tenantList,
  };
  // Infoplus key -> ERP records mapping to it: two or more are a collision, reported for each of them.
  const claims: { recordKey: string; canonical: string; op: 'create' | 'update' }[] = [];
  const read = new Set<string>();
  const verdicts = new RecordVerdicts();
  try {
    for await (const rec of env.io.readPushRecords(env.erp, env.profile, tp, {})) {
      records++;
      read.add(rec.key);
      const v = await judgeRecord(env.store, { profile: env.profile, resolver }, tp, rec, new Set([rec.key]));
      if (v.kind === 'unchanged') {
        unchanged++;
        verdicts.note({ recordKey: rec.key, verdict: 'unchanged' });
        continue;
      }
      if (v.kind === 'problems') {
        add({ recordKey: rec.key, message: v.error.message });
        verdicts.note({ recordKey: rec.key, verdict: 'refused', reason: v.error.message });
        continue;
      }
      if (v.kind === 'parked') {
        verdicts.note(parkedVerdict(env, tp, rec.key));
        continue;
      }
      if (v.kind === 'cancel') {
        const c = cancelVerdict(env, tp, rec.key, v.infoplusId);
        verdicts.note(c);
        if (c.verdict === 'unchanged') unchanged++;
        else if (c.verdict === 'update') wouldUpdate++;
        else add({ recordKey: rec.key, message: c.reason ?? 'cancelled in the ERP' });
        continue;
      }
      // Infoplus's record rules (SKU, quantities) are the judge's: such a record came back as problems above.
      const c = v.candidate;
      verdicts.note(await candidateVerdict(env, tp, c));
      claims.push({ recordKey: c.key, canonical: c.canonical, op: c.op });
      if (c.op === 'create') wouldCreate++;
      else wouldUpdate++;
      const spec = PUSH_DEFINITIONS[tp].lines;
      const lines = spec ? c.payload[spec.field] : undefined;
      if (spec && Array.isArray(lines)) {
        for (const [i, line] of lines.entries()) {
          const sku = (line as Record<string, unknown>)[spec.key];
          if (typeof sku === 'string' && !(await skus.exists(sku))) {
            add({
              recordKey: rec.key,
              field: `${spec.field}[${i}].${spec.key}`,
              message: `SKU ${sku} is neither in Infoplus nor among the ERP items to push`,
            });
          }
        }
      }
      if (c.payload['lobId'] !== undefined && c.payload['lobId'] !== env.profile.infoplus.lobId) {
        add({
          recordKey: rec.key,
          field: 'lobId',
          message: `line of business ${String(c.payload['lobId'])} differs from the profile's`,
        });
      }
    }
    // records synced earlier (unchanged now) still claim their key
    const held = env.store.journal.claimants(
      tp,
      claims.map((c) => c.canonical),
    );
    const everyone = [...claims];
    for (const [canonical, keys] of held) {
      for (const k of keys) if (read.has(k)) everyone.push({ recordKey: k, canonical, op: 'update' });
    }
    const label = PUSH_DEFINITIONS[tp].label;
    for (const [canonical, keys] of findKeyCollisions(everyone)) {
      for (const k of keys) {
        const own = claims.find((c) => c.recordKey === k);
        if (own?.op === 'create') wouldCreate--;
        else if (own) wouldUpdate--;
        const message = keyCollisionError(label, k, canonical, keys).message;
        add({ recordKey: k, message });
        verdicts.note({ recordKey: k, verdict: 'refused', reason: message });
      }
    }
  } catch (e) {
    add({ recordKey: '(touchpoint)', message: `Reading ${tp} failed: ${(e as Error).message}` });
  }
  return {
    touchpoint: tp,
    records,
    wouldCreate,
    wouldUpdate,
    unchanged,
    problems,
    recordVerdicts: verdicts.list(),
  };
}

async function erpVendorKeys(env: DryRunEnv): Promise<Set<string>> {
  const out = new Set<string>();
  if (!env.profile.touchpoints.vendors) return out;
  for await (const rec of env.io.readPushRecords(env.erp, env.profile, 'vendors', {})) out.add(rec.key);
  return out;
}

async function dryPull(env: DryRunEnv, tp: PullTouchpoint): Promise<DryRunTouchpointReport> {
  const def = PULL_DEFINITIONS[tp];
  const kind = def.cursor;
  const resource = def.records(env.infoplus);
  const limit = env.options.pullPageSize;
  let pos = startPosition(kind, env.store.cursors.get(tp), { ms: 0, ids: 0 });
  let query = firstQuery(pos) as ReturnType<typeof firstQuery> | null;
  let records = 0;
  let wouldCreate = 0;
  let wouldUpdate = 0;
  let unchanged = 0;
  const problems: DryRunProblem[] = [];
  try {
    while (query && records < PULL_PREVIEW_LIMIT) {
      const page = await resource.search(toSearch(query, env.profile.infoplus.lobId, limit));
      const plan: PagePlan<(typeof page)[number]> = planPage(query, page, limit, pos);
      for (const r of plan.process) {
        records++;
        const j = env.store.journal.get(tp, String(r.id));
        if (!j) wouldCreate++;
        else if (j.contentHash === contentHash(r)) unchanged++;
        else wouldUpdate++;
      }
      pos = plan.positionAfter;
      query = plan.next;
    }
    if (query)
      problems.push({
        recordKey: '(touchpoint)',
        message: `More than ${PULL_PREVIEW_LIMIT} records are waiting; counted the first ${records}.`,
      });
  } catch (e) {
    problems.push({
      recordKey: '(touchpoint)',
      message: `Reading ${tp} from Infoplus failed: ${(e as Error).message}`,
    });
  }
  return { touchpoint: tp, records, wouldCreate, wouldUpdate, unchanged, problems };
}
