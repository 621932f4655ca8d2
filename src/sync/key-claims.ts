/**
 * Who claims which Infoplus key in a push run and in the journal: one Infoplus key, one ERP record.
 */
import type { PushTouchpoint } from '../contract/index.js';
import { buildPayload } from '../domain/mapping/index.js';
import { checkInfoplusKey, keyCollisionError } from './key-policy.js';
import { PUSH_DEFINITIONS } from './touchpoints/index.js';
import type { Candidate } from './push-types.js';
import type { RunContext } from './run-context.js';
import type { SyncEnv } from './sync-env.js';

/**
 * Who claims which Infoplus key in this run and in the journal: a record whose key another ERP record already
 * maps to is parked, and so is the other one ("Key collision", naming both); nothing is sent for either.
 */
export class KeyClaims {
  private readonly byKey = new Map<string, string>();
  /** Records parked as a collision in this run (taken out of the chunk waiting to be sent). */
  readonly collided = new Set<string>();

  constructor(
    private readonly ctx: RunContext,
    private readonly env: SyncEnv,
    private readonly tp: PushTouchpoint,
  ) {}

  /** True when the candidate may be sent; otherwise it and the records it collides with are parked. */
  async admit(c: Candidate, handled: ReadonlySet<string>, pending: readonly Candidate[]): Promise<boolean> {
    const others = new Set<string>();
    const inRun = this.byKey.get(c.canonical);
    if (inRun !== undefined && inRun !== c.key) others.add(inRun);
    const claimed = this.ctx.store.journal.claimants(this.tp, [c.canonical]).get(c.canonical) ?? [];
    for (const k of claimed) {
      if (k === c.key || others.has(k)) continue;
      // A claimant this run read was judged on current data (its journal key is current when unchanged); one it
      // did not read is read now, so a record renamed or removed in the ERP does not block this one forever.
      if (handled.has(k) || (await this.stillClaims(k, c.canonical))) others.add(k);
      else this.ctx.store.journal.clearInfoplusKey(this.tp, k);
    }
    if (others.size === 0) {
      this.byKey.set(c.canonical, c.key);
      return true;
    }
    const label = PUSH_DEFINITIONS[this.tp].label;
    const everyone = [c.key, ...others];
    for (const k of everyone) {
      if (this.collided.has(k)) continue;
      this.collided.add(k);
      const err = keyCollisionError(label, k, c.keyValue, everyone);
      const waiting = pending.find((p) => p.key === k) ?? (k === c.key ? c : undefined);
      this.ctx.park(k, err, {
        contentHash: waiting?.hash ?? null,
        payload: waiting?.payload,
        infoplusKey: c.canonical,
      });
    }
    return false;
  }

  private async stillClaims(recordKey: string, canonical: string): Promise<boolean> {
    const { env, tp } = this;
    for await (const rec of env.io.readPushRecords(env.erp, env.profile, tp, { keys: [recordKey] })) {
      if (rec.key !== recordKey) continue;
      const built = buildPayload(env.profile, tp, rec, {
        resolve: env.resolver.resolve,
        tenantList: env.resolver.tenantList,
      });
      const k = checkInfoplusKey(tp, built.payload[PUSH_DEFINITIONS[tp].keyField]);
      return k.ok && k.canonical === canonical;
    }
    return false;
  }
}
