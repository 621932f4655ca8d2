/**
 * Sends push candidates with bounded concurrency, each intent in the outbox before its request. What happens
 * after a failure is decided by `decideAfterFailure` (settle.ts, pure); this class carries it out.
 */
import { classifyError, notUpdatable, type ClassifiedError } from '../domain/error-classification.js';
import type { PushTouchpoint } from '../contract/index.js';
import { markCreateOnly } from '../domain/mapping/index.js';
import { KeepCurrent } from '../infoplus/index.js';
import { createOnlyOf, type CreateOnlySpec } from '../profile/lifecycle.js';
import { TaskPool } from './pool.js';
import type { Candidate } from './push-types.js';
import type { SyncEnv } from './sync-env.js';
import { idOf, sameRecord, updateBody, type InfoplusRecord } from './push-resources.js';
import { missingReferences } from './push-references.js';
import { PUSH_DEFINITIONS } from './touchpoints/index.js';
import type { RunContext } from './run-context.js';
import { decideAfterFailure, decideAfterRefusal, nextSettleStep, settlingError } from './settle.js';
import { RunAbort } from './types.js';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Sends candidates with bounded concurrency; stops the run on auth failures or a wall of transient ones. */
export class Sender {
  private consecutiveTransient = 0;
  /** When Infoplus last answered anything (success or refusal): a timeout long after it means no answers. */
  private lastAnswerAt: number;
  private abort: RunAbort | null = null;
  private readonly res;
  private readonly pool: TaskPool;
  private readonly createOnly: CreateOnlySpec | null;

  constructor(
    private readonly ctx: RunContext,
    private readonly env: SyncEnv,
    private readonly tp: PushTouchpoint,
  ) {
    this.res = PUSH_DEFINITIONS[tp];
    this.createOnly = createOnlyOf(tp, env.profile.touchpoints[tp]);
    const fixed = ctx.options.concurrency;
    const rate = env.infoplus.rate;
    this.pool = new TaskPool(fixed !== 'auto' ? fixed : rate ? () => rate.inFlightLimit() : 4);
    this.lastAnswerAt = ctx.clock().getTime();
  }

  /**
   * Notes an Infoplus answer, or a request that got none: after `unansweredStopMs` without any answer the run
   * stops with a clear message (an Infoplus that accepts connections and never answers).
   */
  private heard(e?: unknown, read = false): void {
    const now = this.ctx.clock().getTime();
    const shape = e as { code?: unknown; kind?: unknown } | undefined;
    const timedOut = shape !== undefined && shape.code === 'ETIMEDOUT';
    if (!timedOut) {
      if (shape === undefined || typeof shape.kind === 'string') this.lastAnswerAt = now;
      return;
    }
    // a read that timed out has already been tried twice by the client
    const silentMs = now - this.lastAnswerAt;
    if (read || silentMs >= this.ctx.options.unansweredStopMs) {
      this.abort ??= new RunAbort(
        `Infoplus accepts connections but has not answered any request for ${Math.round(silentMs / 1000)} s; the run stopped. Check Infoplus's status (or a proxy in between); the records are sent on the next run, and those already sent are looked up first.`,
      );
    }
  }

  /**
   * Looks up the keys of the chunk's creates first (one search), so a record Infoplus already has (a new data
   * folder, a lost journal) is adopted when it came from this ERP record and parked when not, never created
   * twice; then writes the intents (one durable commit) and hands each record to the pool (waits for slots).
   */
  async submit(chunk: readonly Candidate[]): Promise<void> {
    const { ctx, tp } = this;
    this.throwIfStopped();
    const toSend = await this.adoptExisting(chunk);
    if (toSend.length === 0) return;
    ctx.checkMaySend();
    ctx.store.outbox.recordIntents(
      toSend.map((c) => ({
        touchpoint: tp,
        recordKey: c.key,
        operation: c.op,
        payloadHash: c.hash,
        infoplusKey: c.keyValue,
        infoplusId: c.op === 'update' ? c.infoplusId : null,
      })),
      ctx.run.id,
      ctx.now(),
    );
    for (let k = 0; k < toSend.length; k++) {
      if (this.abort || ctx.signal.aborted) {
        // Never sent: these intents must not force a lookup later (only our own rows: after a lost lease the
        // rows may be the other run's).
        for (const left of toSend.slice(k)) ctx.store.outbox.removePending(tp, left.key, ctx.run.id);
        this.throwIfStopped();
      }
      const c = toSend[k]!;
      await this.pool.submit(() => this.sendOne(c));
    }
  }

  /** Waits for every request in flight (never throws). */
  async settle(): Promise<void> {
    await this.pool.drain().catch((e: unknown) => {
      this.abort ??= new RunAbort(`Internal error while sending: ${String(e)}`, 'failed', { cause: e });
    });
  }

  /** Throws the reason the run must stop, if any. */
  throwIfStopped(): void {
    if (this.abort) throw this.abort;
    this.ctx.checkAborted();
  }

  /** The chunk's records that still need a request (creates whose key Infoplus already has are settled here). */
  private async adoptExisting(chunk: readonly Candidate[]): Promise<Candidate[]> {
    const { env, res } = this;
    const creates = chunk.filter((c) => c.op === 'create');
    if (creates.length === 0) return [...chunk];
    let found: InfoplusRecord[];
    try {
      found = await res.lookupMany(
        env.infoplus,
        env.profile.infoplus.lobId,
        creates.map((c) => c.keyValue),
      );
      this.heard();
    } catch (e) {
      this.heard(e, true);
      if (this.abort) throw this.abort;
      const cls = classifyError(e, 'infoplus-read');
      if (cls.stopsRun) throw new RunAbort(cls.message, 'failed', { cause: e });
      // Without the lookup a create could duplicate: these records wait for the next run.
      for (const c of creates) this.giveUp(c, cls);
      return chunk.filter((c) => c.op !== 'create');
    }
    const byKey = new Map<string, InfoplusRecord[]>();
    for (const r of found) {
      const k = String(r[res.keyField] ?? '')
        .trim()
        .toUpperCase();
      const list = byKey.get(k);
      if (list) list.push(r);
      else byKey.set(k, [r]);
    }
    const out: Candidate[] = [];
    for (const c of chunk) {
      const existing = c.op === 'create' ? byKey.get(c.canonical) : undefined;
      if (!existing || existing.length === 0) {
        out.push(c);
        continue;
      }
      const named = this.namedByRow(c, existing);
      if (named) {
        out.push(named);
        continue;
      }
      await this.adoptOrPark(c, existing, 'already in Infoplus (found by its key before creating)');
    }
    return out;
  }

  /**
   * The create turned into an update when a record found under its key is the one the ERP row names (its
   * infoplusIdColumn) and differs in content (same content is adopted as it is, by adoptOrPark): the ERP row
   * is the proof it is this record's, and the ERP is the master. Null otherwise.
   */
  private namedByRow(c: Candidate, existing: readonly InfoplusRecord[]): Candidate | null {
    const { ctx, tp, res } = this;
    if (!c.namedId || existing.some((r) => sameRecord(c.payload, r))) return null;
    const named = existing.find((r) => idOf(res, r) === c.namedId);
    if (!named) return null;
    ctx.logger.info(
      { touchpoint: tp, recordKey: c.key, infoplusId: c.namedId },
      `${res.label} ${c.keyValue} is already in Infoplus as the ${res.idField} ${c.namedId} the ERP record names; it is adopted and updated`,
    );
    return { ...c, op: 'update', infoplusId: c.namedId };
  }

  /**
   * A record Infoplus already has under this key: linked when it came from this ERP record (same content),
   * parked otherwise: never adopted blindly, never overwritten.
   */
  private async adoptOrPark(c: Candidate, existing: readonly InfoplusRecord[], how: string): Promise<void> {
    const { ctx, tp, res } = this;
    const sorted = [...existing].sort((a, b) => Number(a[res.idField]) - Number(b[res.idField]));
    const mine = sorted.find((r) => sameRecord(c.payload, r));
    const id = mine ? idOf(res, mine) : null;
    if (mine && id) {
      await this.finish(c, id, 'reconciled', mine, how);
      return;
    }
    ctx.store.outbox.remove(tp, c.key);
    const ids = sorted.map((r) => idOf(res, r)).join(', ');
    ctx.park(
      c.key,
      {
        category: 'key-collision',
        fixBy: 'admin',
        message: `Infoplus already has ${res.label} ${c.keyValue} (${res.idField} ${ids}), and its content differs from ERP record ${c.key}: not created again, not adopted`,
        infoplusMessages: [],
        hint: `If that Infoplus record is this ERP record, link it with "reconcile --repair" (the next run then updates it); if it is another one, give this ERP record another key. Nothing was sent.`,
        transient: false,
        stopsRun: false,
        maybeApplied: false,
      },
      { contentHash: c.hash, payload: c.payload, infoplusKey: c.canonical },
    );
  }

  private async sendOne(c: Candidate): Promise<void> {
    const { ctx, env, res, tp } = this;
    for (let attempt = 1; ; attempt++) {
      try {
        // No new request after a cancel (SIGTERM) or once another run took the lease.
        ctx.checkMaySend();
      } catch (e) {
        // never sent: the intent (ours only) goes, and the record is not parked
        this.abort ??= e instanceof RunAbort ? e : new RunAbort(String(e), 'cancelled', { cause: e });
        ctx.store.outbox.removePending(tp, c.key, ctx.run.id);
        return;
      }
      try {
        ctx.store.outbox.markSent(tp, c.key, ctx.now());
        if (c.op === 'create') {
          const created = await res.create(env.infoplus, c.payload);
          const id = idOf(res, created);
          if (!id) throw new Error(`Infoplus created the ${res.label} but returned no ${res.idField}`);
          await this.finish(c, id, 'created', created);
        } else {
          // createOnly fields keep the value Infoplus has (sent only for a line the update adds)
          const patch = markCreateOnly(c.payload, this.createOnly, (v) => new KeepCurrent(v));
          await res.update(env.infoplus, updateBody(res, patch, c.infoplusId));
          await this.finish(c, c.infoplusId, 'updated', null);
        }
        this.heard();
        this.consecutiveTransient = 0;
        return;
      } catch (e) {
        if (e instanceof RunAbort) {
          this.abort ??= e;
          return;
        }
        this.heard(e);
        const again = await this.handleFailure(c, e, attempt);
        if (!again) return;
      }
    }
  }

  /** Carries out decideAfterFailure; true = try again now. */
  private async handleFailure(c: Candidate, e: unknown, attempt: number): Promise<boolean> {
    const { ctx, tp, res } = this;
    const phase = (e as { name?: string }).name === 'ErpError' ? 'erp-write' : 'infoplus-write';
    const cls = classifyError(e, phase);
    const kind = (e as { kind?: string }).kind;
    if (phase === 'infoplus-write' && cls.maybeApplied) {
      // Every write whose answer never came is logged with what it was, so a person can follow it up.
      ctx.logger.warn(
        {
          touchpoint: tp,
          recordKey: c.key,
          infoplusKey: c.keyValue,
          operation: c.op,
          kind,
          code: (e as { code?: string }).code,
          status: (e as { status?: number }).status,
        },
        `no answer from Infoplus to the ${c.op} of ${res.label} ${c.keyValue}: ${cls.message}`,
      );
    }
    const decision = decideAfterFailure({
      op: c.op,
      phase,
      kind,
      cls,
      attempt,
      inlineAttempts: ctx.options.inlineAttempts,
      stopping: this.abort !== null || ctx.signal.aborted,
    });
    switch (decision.do) {
      case 'park-erp':
        // Infoplus has the record; the outbox row makes the next run finish the ERP part.
        ctx.park(c.key, cls, { contentHash: c.hash, payload: c.payload });
        return false;
      case 'abort':
        if (phase === 'infoplus-write') ctx.store.outbox.remove(tp, c.key);
        this.abort ??= new RunAbort(cls.message, 'failed', { cause: e });
        return false;
      case 'retry':
        await sleep(decision.delayMs);
        return true;
      case 'settle':
        return this.settleUnknown(c, cls, (e as { code?: unknown }).code === 'ETIMEDOUT');
      case 'investigate':
        ctx.store.outbox.remove(tp, c.key);
        return this.investigate(c, cls, kind, attempt);
      case 'park':
        return this.giveUp(c, cls);
    }
  }

  /**
   * A create whose answer never came: found now -> done; otherwise it settles (looked up again later, never
   * re-sent before the settle window passed).
   */
  private async settleUnknown(c: Candidate, cls: ClassifiedError, timedOut: boolean): Promise<false> {
    const { ctx, env, tp, res } = this;
    const now = ctx.clock();
    let found: InfoplusRecord | null = null;
    // After a timeout the server is still working on it (a lookup now finds nothing and costs another
    // timeout); after a dropped connection or a 502 the commit may be there already.
    if (!timedOut && !this.abort) {
      try {
        found = await res.lookup(env.infoplus, env.profile.infoplus.lobId, c.keyValue);
        this.heard();
      } catch (le) {
        this.heard(le);
        // the lookup failed as well: the record settles all the same
      }
    }
    const id = found ? idOf(res, found) : null;
    if (found && id) {
      await this.finish(c, id, 'reconciled', found, 'found in Infoplus after an unanswered request');
      this.consecutiveTransient = 0;
      return false;
    }
    const step = nextSettleStep(now, now, 0, ctx.options.settleDelaysMs);
    if (step.kind === 'resend') {
      // A zero settle window (tests only): behave as a plain transient failure.
      return this.giveUp(c, cls);
    }
    ctx.store.outbox.markUnknown(tp, c.key, {
      since: now.toISOString(),
      checks: 0,
      nextCheckAt: step.at.toISOString(),
      at: now.toISOString(),
    });
    ctx.park(c.key, settlingError(cls.message, res.label, c.keyValue, step.at), {
      contentHash: c.hash,
      payload: c.payload,
      nextRetryAt: step.at,
      infoplusKey: c.canonical,
      outcome: 'skipped',
    });
    this.countTransient(cls);
    return false;
  }

  /**
   * Infoplus refused the request (400/404). Decided by looking things up, never by the answer's wording:
   * a create whose key Infoplus has -> adopt when it is this ERP record's, else park; an update of a record
   * past its editable status -> "not editable"; a missing line item or vendor -> wait for it.
   */
  private async investigate(
    c: Candidate,
    cls: ClassifiedError,
    kind: string | undefined,
    attempt: number,
  ): Promise<boolean> {
    const { ctx, env, res } = this;
    const lobId = env.profile.infoplus.lobId;
    let same: InfoplusRecord[] = [];
    let missing: string[] = [];
    if (kind === 'validation') {
      try {
        same = (await res.lookupMany(env.infoplus, lobId, [c.keyValue])).filter(
          (r) =>
            String(r[res.keyField] ?? '')
              .trim()
              .toUpperCase() === c.canonical,
        );
        missing = await missingReferences(env.infoplus, lobId, c.payload);
      } catch (le) {
        const lcls = classifyError(le, 'infoplus-read');
        if (lcls.stopsRun) {
          this.abort ??= new RunAbort(lcls.message, 'failed', { cause: le });
          return false;
        }
        // The lookup failed: park as refused, retried later by itself (the answer may differ then).
        ctx.park(c.key, { ...cls, transient: true }, { contentHash: c.hash, payload: c.payload });
        return false;
      }
    }
    const current = same.find((r) => idOf(res, r) === c.infoplusId) ?? same[0];
    const decision = decideAfterRefusal({
      op: c.op,
      kind,
      keyFound: same.length > 0,
      editable: c.op === 'update' && current ? res.stillEditable(current) : null,
      missing,
      refersToOthers: refersToOthers(c.payload),
      attempt,
    });
    const parked = { contentHash: c.hash, payload: c.payload };
    switch (decision.do) {
      case 'adopt-or-park':
        await this.adoptOrPark(c, same, 'adopted after Infoplus refused a duplicate key');
        return false;
      case 'not-editable':
        ctx.park(c.key, notUpdatable(cls.message, cls.infoplusMessages, res.label), parked);
        return false;
      case 'wait-for-reference':
        // E.g. an order line whose item failed to reach Infoplus a moment ago: retried once it is there.
        ctx.park(c.key, waitingForReference(cls, missing), parked);
        return false;
      case 'retry':
        // A refused request changed nothing: its intent is written again and it is sent once more.
        ctx.store.outbox.recordIntents(
          [
            {
              touchpoint: this.tp,
              recordKey: c.key,
              operation: c.op,
              payloadHash: c.hash,
              infoplusKey: c.keyValue,
              infoplusId: c.op === 'update' ? c.infoplusId : null,
            },
          ],
          ctx.run.id,
          ctx.now(),
        );
        return true;
      case 'park':
        ctx.park(c.key, cls, parked);
        return false;
    }
  }

  private giveUp(c: Candidate, cls: ClassifiedError): false {
    const { ctx, tp } = this;
    ctx.store.outbox.remove(tp, c.key);
    ctx.park(c.key, cls, { contentHash: c.hash, payload: c.payload });
    this.countTransient(cls);
    return false;
  }

  private countTransient(cls: ClassifiedError): void {
    if (cls.transient && ++this.consecutiveTransient >= this.ctx.options.maxConsecutiveTransient) {
      this.abort ??= new RunAbort(
        `Stopped after ${this.consecutiveTransient} failures in a row: ${cls.message}. The remaining records are sent on the next run.`,
      );
    }
  }

  private async finish(
    c: Candidate,
    id: string,
    action: 'created' | 'updated' | 'reconciled',
    created: InfoplusRecord | null,
    message?: string,
  ): Promise<void> {
    const { ctx, env, tp } = this;
    if (created && action !== 'updated') await env.io.afterPush(env.erp, env.profile, tp, c.key, created);
    ctx.pushed(
      c.key,
      {
        infoplusId: id,
        contentHash: c.syncedHash ?? c.hash,
        watermark: c.watermark ? c.watermark.toISOString() : null,
        sourceFingerprint: c.fingerprint,
        infoplusKey: c.canonical,
      },
      action,
      message,
    );
  }
}

/** Whether the payload refers to other Infoplus records (line SKUs, a vendor) that could be missing. */
function refersToOthers(payload: InfoplusRecord): boolean {
  return (Array.isArray(payload.lineItems) && payload.lineItems.length > 0) || payload.vendorId !== undefined;
}

/** The inbox entry of a record waiting for a record it refers to; retried automatically with backoff. */
function waitingForReference(cls: ClassifiedError, missing: readonly string[]): ClassifiedError {
  return {
    ...cls,
    message: `${cls.message} (Infoplus does not have ${missing.join(', ')} yet)`,
    transient: true,
    hint: 'This record refers to something Infoplus does not have (yet), e.g. an item or vendor that failed to sync. It is retried automatically; if it stays here, fix the referenced record (see the other inbox items) or the ERP data.',
  };
}
