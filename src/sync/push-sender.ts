/** Sends push candidates with bounded concurrency, each intent in the outbox before its request. */
import { classifyError, notUpdatable, type ClassifiedError } from '../domain/error-classification.js';
import type { PushTouchpoint } from '../contract/index.js';
import { TaskPool } from './pool.js';
import type { Candidate, PushEnv } from './push-job.js';
import {
  PUSH_RESOURCES,
  idOf,
  isNotEditableMessage,
  updateBody,
  type InfoplusRecord,
} from './push-resources.js';
import type { RunContext } from './run-context.js';
import { RunAbort } from './types.js';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Sends candidates with bounded concurrency; stops the run on auth failures or a wall of transient ones. */
export class Sender {
  private consecutiveTransient = 0;
  private abort: RunAbort | null = null;
  private readonly res;
  private readonly pool: TaskPool;

  constructor(
    private readonly ctx: RunContext,
    private readonly env: PushEnv,
    private readonly tp: PushTouchpoint,
  ) {
    this.res = PUSH_RESOURCES[tp];
    const fixed = ctx.options.concurrency;
    const rate = env.infoplus.rate;
    this.pool = new TaskPool(fixed !== 'auto' ? fixed : rate ? () => rate.inFlightLimit() : 4);
  }

  /** Writes the chunk's intents (one durable commit) and hands each record to the pool (waits for slots). */
  async submit(chunk: readonly Candidate[]): Promise<void> {
    const { ctx, tp } = this;
    this.throwIfStopped();
    ctx.store.outbox.recordIntents(
      chunk.map((c) => ({
        touchpoint: tp,
        recordKey: c.key,
        operation: c.op,
        payloadHash: c.hash,
        infoplusKey: c.keyValue,
        infoplusId: c.infoplusId,
      })),
      ctx.run.id,
      ctx.now(),
    );
    for (let k = 0; k < chunk.length; k++) {
      if (this.abort || ctx.signal.aborted) {
        // Never sent: these intents must not force a lookup later.
        for (const left of chunk.slice(k)) ctx.store.outbox.remove(tp, left.key);
        this.throwIfStopped();
      }
      const c = chunk[k]!;
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

  private async sendOne(c: Candidate): Promise<void> {
    const { env, res } = this;
    for (let attempt = 1; ; attempt++) {
      try {
        if (c.op === 'create') {
          const created = await res.create(env.infoplus, c.payload);
          const id = idOf(res, created);
          if (!id) throw new Error(`Infoplus created the ${res.label} but returned no ${res.idField}`);
          await this.finish(c, id, 'created', created);
        } else {
          await res.update(env.infoplus, updateBody(res, c.payload, c.infoplusId!));
          await this.finish(c, c.infoplusId!, 'updated', null);
        }
        this.consecutiveTransient = 0;
        return;
      } catch (e) {
        if (e instanceof RunAbort) {
          this.abort ??= e;
          return;
        }
        const again = await this.handleFailure(c, e, attempt);
        if (!again) return;
      }
    }
  }

  /** Decides after a failed send; true = try again now. */
  private async handleFailure(c: Candidate, e: unknown, attempt: number): Promise<boolean> {
    const { ctx, env, tp, res } = this;
    const phase = (e as { name?: string }).name === 'ErpError' ? 'erp-write' : 'infoplus-write';
    const cls = classifyError(e, phase);
    const kind = (e as { kind?: string }).kind;
    if (phase === 'erp-write') {
      // Infoplus has the record; the outbox row (with its id) makes the next run finish the ERP part.
      if (cls.stopsRun) this.abort ??= new RunAbort(cls.message, 'failed', { cause: e });
      else ctx.park(c.key, cls, { contentHash: c.hash, payload: c.payload });
      return false;
    }
    if (cls.stopsRun) {
      ctx.store.outbox.remove(tp, c.key);
      this.abort ??= new RunAbort(cls.message, 'failed', { cause: e });
      return false;
    }
    if (kind === 'validation' || kind === 'not-found') {
      ctx.store.outbox.remove(tp, c.key);
      const err = e as { messages?: readonly string[]; message: string };
      if (
        c.op === 'update' &&
        res.editable === 'until-processed' &&
        isNotEditableMessage(err.messages ?? [], err.message)
      ) {
        ctx.park(c.key, notUpdatable(cls.message, cls.infoplusMessages, res.label), {
          contentHash: c.hash,
          payload: c.payload,
        });
        return false;
      }
      if (c.op === 'create' && kind === 'validation' && attempt === 1) {
        // Already in Infoplus (state folder lost, or created by hand)? Adopt it and update it instead.
        const found = await res
          .lookup(env.infoplus, env.profile.infoplus.lobId, c.keyValue)
          .catch(() => null);
        const id = found ? idOf(res, found) : null;
        if (id) {
          c.op = 'update';
          c.infoplusId = id;
          ctx.store.outbox.recordIntents(
            [
              {
                touchpoint: tp,
                recordKey: c.key,
                operation: 'update',
                payloadHash: c.hash,
                infoplusKey: c.keyValue,
                infoplusId: id,
              },
            ],
            ctx.run.id,
            ctx.now(),
          );
          return true;
        }
      }
      if (isMissingReference(cls)) {
        // E.g. an order line whose item failed to reach Infoplus a moment ago: retry by itself once it is there.
        ctx.park(c.key, waitingForReference(cls), { contentHash: c.hash, payload: c.payload });
        return false;
      }
      ctx.park(c.key, cls, { contentHash: c.hash, payload: c.payload });
      return false;
    }
    if (cls.maybeApplied) {
      ctx.store.outbox.setState(tp, c.key, 'unknown', ctx.now());
      if (c.op === 'create') {
        let found: InfoplusRecord | null;
        try {
          found = await res.lookup(env.infoplus, env.profile.infoplus.lobId, c.keyValue);
        } catch (le) {
          // Outcome still unknown: the row stays 'unknown' and blocks re-sending until a lookup answers.
          return this.giveUp(c, classifyError(le, 'infoplus-read'), true);
        }
        const id = found ? idOf(res, found) : null;
        if (found && id) {
          await this.finish(c, id, 'reconciled', found);
          this.consecutiveTransient = 0;
          return false;
        }
        ctx.store.outbox.setState(tp, c.key, 'sent', ctx.now());
      }
    }
    if (cls.transient && attempt < ctx.options.inlineAttempts && !this.abort && !ctx.signal.aborted) {
      await sleep(Math.min(2000, 100 * 2 ** attempt));
      return true;
    }
    return this.giveUp(c, cls, false);
  }

  private giveUp(c: Candidate, cls: ClassifiedError, keepUnknown: boolean): false {
    const { ctx, tp } = this;
    if (keepUnknown) ctx.store.outbox.setState(tp, c.key, 'unknown', ctx.now());
    else if (c.op === 'update' || !cls.maybeApplied) ctx.store.outbox.remove(tp, c.key);
    else ctx.store.outbox.setState(tp, c.key, 'unknown', ctx.now());
    ctx.park(c.key, cls, { contentHash: c.hash, payload: c.payload });
    if (cls.transient && ++this.consecutiveTransient >= ctx.options.maxConsecutiveTransient) {
      this.abort ??= new RunAbort(
        `Stopped after ${this.consecutiveTransient} failures in a row: ${cls.message}. The remaining records are sent on the next run.`,
      );
    }
    return false;
  }

  private async finish(
    c: Candidate,
    id: string,
    action: 'created' | 'updated' | 'reconciled',
    created: InfoplusRecord | null,
  ): Promise<void> {
    const { ctx, env, tp } = this;
    if (created && action !== 'updated') await env.io.afterPush(env.erp, env.profile, tp, c.key, created);
    ctx.pushed(
      c.key,
      {
        infoplusId: id,
        contentHash: c.hash,
        watermark: c.watermark ? c.watermark.toISOString() : null,
        sourceFingerprint: c.fingerprint,
      },
      action,
    );
  }
}

/** Infoplus refused the record because something it refers to (SKU, vendor, warehouse) is not there. */
function isMissingReference(cls: ClassifiedError): boolean {
  return /does not exist|doesn't exist|not found|unknown (item|sku|vendor)/i.test(
    [cls.message, ...cls.infoplusMessages].join(' '),
  );
}

/** The inbox entry of a record waiting for a record it refers to; retried automatically with backoff. */
function waitingForReference(cls: ClassifiedError): ClassifiedError {
  return {
    ...cls,
    transient: true,
    hint: 'This record refers to something Infoplus does not have (yet), e.g. an item or vendor that failed to sync. It is retried automatically; if it stays here, fix the referenced record (see the other inbox items) or the ERP data.',
  };
}
