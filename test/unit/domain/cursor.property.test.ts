import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compareCursor,
  firstQuery,
  planPage,
  positionOf,
  startPosition,
  type CursorKind,
  type PagePlan,
  type PullCursor,
  type PullQuery,
} from '../../../src/domain/cursor.js';

/** In-memory Infoplus: records with a coarse clock (many equal modifyDates) and an adversarial tie order. */
interface Rec {
  id: number;
  modifyDate: string;
  version: number;
}

const iso = (t: number): string => new Date(Date.UTC(2026, 0, 1) + t).toISOString();

class Model {
  readonly records = new Map<number, Rec>();
  clock = 0;
  private nextId = 1;
  constructor(private readonly shuffle: (n: number) => number) {}

  create(): void {
    const id = this.nextId++;
    this.records.set(id, { id, modifyDate: iso(this.clock), version: 1 });
  }

  modify(pick: number): void {
    if (this.records.size === 0) return;
    const ids = [...this.records.keys()];
    const r = this.records.get(ids[pick % ids.length]!)!;
    this.records.set(r.id, { id: r.id, modifyDate: iso(this.clock), version: r.version + 1 });
  }

  /** The search the engine would send, answered like Infoplus (ties within a sort key in any order). */
  search(q: PullQuery, limit: number): Rec[] {
    const all = [...this.records.values()].map((r) => ({ ...r }));
    const t = (d: string): number => Date.parse(d);
    let rows: Rec[];
    if (q.type === 'tie') {
      // gte + id: later-dated rows with higher ids come too, as a real server answers
      rows = all.filter((r) => t(r.modifyDate) >= t(q.date) && r.id > q.afterId).sort((a, b) => a.id - b.id);
    } else if (q.type === 'after-id') {
      rows = all.filter((r) => r.id > q.afterId).sort((a, b) => a.id - b.id);
    } else {
      rows = all
        .filter(
          (r) =>
            q.date === null || (q.inclusive ? t(r.modifyDate) >= t(q.date) : t(r.modifyDate) > t(q.date)),
        )
        .map((r) => ({ r, k: this.shuffle(r.id) }))
        .sort((a, b) => t(a.r.modifyDate) - t(b.r.modifyDate) || a.k - b.k)
        .map((x) => x.r);
    }
    return rows.slice(0, limit);
  }
}

/** The ERP side plus the engine's journal: which version of each record was written, and how often. */
class Erp {
  readonly applied = new Map<string, number>();
  readonly latest = new Map<number, number>();
  readonly journal = new Map<number, number>();
  apply(r: Rec): void {
    if (this.journal.get(r.id) === r.version) return; // dedupe by id + version, as the journal does
    const k = `${r.id}@${r.version}`;
    this.applied.set(k, (this.applied.get(k) ?? 0) + 1);
    this.latest.set(r.id, Math.max(this.latest.get(r.id) ?? 0, r.version));
    this.journal.set(r.id, r.version);
  }
}

/** A pull run that can be interrupted between any two records (a crash loses everything but the checkpoint). */
class PullRun {
  private pos: PullCursor;
  private query: PullQuery | null;
  private pending: Rec[] = [];
  private after: PullCursor | null = null;
  private next: PullQuery | null = null;
  private sinceCheckpoint = 0;
  constructor(
    private readonly kind: CursorKind,
    private readonly store: { cursor: PullCursor | null },
    private readonly overlapMs: number,
    private readonly limit: number,
    private readonly every: number,
  ) {
    this.pos = startPosition(kind, store.cursor, { ms: overlapMs, ids: 2 });
    this.query = firstQuery(this.pos);
  }

  get finished(): boolean {
    return this.query === null && this.pending.length === 0;
  }

  private checkpoint(): void {
    if (this.store.cursor && compareCursor(this.pos, this.store.cursor) <= 0) return;
    this.store.cursor = this.pos;
  }

  /** One unit of work: fetch a page, or write one record. */
  step(model: Model, erp: Erp): void {
    if (this.pending.length > 0) {
      const r = this.pending.shift()!;
      erp.apply(r);
      this.pos = positionOf(this.kind, r);
      if (++this.sinceCheckpoint >= this.every) {
        this.checkpoint();
        this.sinceCheckpoint = 0;
      }
      if (this.pending.length === 0) this.endPage();
      return;
    }
    if (!this.query) return;
    const plan = planPage(this.query, model.search(this.query, this.limit), this.limit, this.pos);
    this.pending = [...plan.process];
    this.after = plan.positionAfter;
    this.next = plan.next;
    if (this.pending.length === 0) this.endPage();
  }

  private endPage(): void {
    if (this.after && compareCursor(this.after, this.pos) > 0) this.pos = this.after;
    this.query = this.next;
    this.next = null;
    this.after = null;
    if (this.query === null) this.checkpoint();
  }
}

const op = fc.oneof(
  fc.constant({ t: 'create' as const }),
  fc.nat(1000).map((n) => ({ t: 'modify' as const, n })),
  fc.constant({ t: 'tick' as const }),
  fc.constant({ t: 'pull' as const }),
  fc.constant({ t: 'pull' as const }),
  fc.constant({ t: 'crash' as const }),
);

describe('pull cursor (modifyDate + id keyset, overlap, dedupe)', () => {
  it('loses no record and applies no version twice under any interleaving of writes, pulls and crashes', () => {
    fc.assert(
      fc.property(
        fc.array(op, { maxLength: 300 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 0, max: 3 }),
        fc.integer(),
        (ops, limit, every, overlapMs, salt) => {
          const model = new Model((id) => Math.imul(id ^ salt, 2_654_435_761) >>> 0);
          const erp = new Erp();
          const store = { cursor: null as PullCursor | null };
          let run: PullRun | null = null;
          for (const o of ops) {
            if (o.t === 'create') model.create();
            else if (o.t === 'modify') model.modify(o.n);
            else if (o.t === 'tick') model.clock += 1;
            else if (o.t === 'crash') run = null;
            else {
              run ??= new PullRun('modify-date', store, overlapMs, limit, every);
              run.step(model, erp);
              if (run.finished) run = null;
            }
          }
          // Writes stop; one more run to the end must bring every record's newest version.
          run = new PullRun('modify-date', store, overlapMs, limit, every);
          for (let guard = 0; !run.finished; guard++) {
            if (guard > 100_000) throw new Error('pull does not terminate');
            run.step(model, erp);
          }
          for (const r of model.records.values()) expect(erp.latest.get(r.id)).toBe(r.version);
          for (const [k, n] of erp.applied) expect(n, k).toBe(1);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('an id cursor (inventory adjustments) reads every id once, whatever the page size and crashes', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constant('create'), fc.constant('pull'), fc.constant('crash')), {
          maxLength: 200,
        }),
        fc.integer({ min: 1, max: 4 }),
        (ops, limit) => {
          const model = new Model((id) => id);
          const erp = new Erp();
          const store = { cursor: null as PullCursor | null };
          let run: PullRun | null = null;
          for (const o of ops) {
            if (o === 'create') model.create();
            else if (o === 'crash') run = null;
            else {
              run ??= new PullRun('id', store, 0, limit, 1);
              run.step(model, erp);
              if (run.finished) run = null;
            }
          }
          run = new PullRun('id', store, 0, limit, 1);
          while (!run.finished) run.step(model, erp);
          expect(erp.latest.size).toBe(model.records.size);
          for (const [k, n] of erp.applied) expect(n, k).toBe(1);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a full page of equal modifyDates is read through the tie group, not skipped or looped', () => {
    const page = [3, 1, 2].map((id) => ({ id, modifyDate: iso(5) }));
    const plan = planPage({ type: 'since', date: null, inclusive: true }, page, 3, {
      kind: 'modify-date',
      date: null,
      id: 0,
    });
    expect(plan.process).toEqual([]);
    expect(plan.next).toEqual({ type: 'tie', date: iso(5), afterId: 0 });
    const tie = planPage(plan.next!, page, 3, plan.positionAfter);
    expect(tie.process.map((r) => r.id)).toEqual([1, 2, 3]);
    expect(tie.next).toEqual({ type: 'tie', date: iso(5), afterId: 3 });
    const end = planPage(tie.next!, [], 3, tie.positionAfter);
    expect(end.next).toEqual({ type: 'since', date: iso(5), inclusive: false });
  });

  it('never asks for an exact modifyDate: searches are gte/gt ranges, so a server at whole seconds loses nothing', () => {
    // a server that keeps whole seconds: every record of one second shares its modifyDate
    const sec = (s: number): string => new Date(Date.UTC(2026, 0, 1, 0, 0, s)).toISOString();
    const rows = [1, 2, 3, 4, 5, 6, 7].map((id) => ({ id, modifyDate: sec(id <= 5 ? 1 : 2) }));
    const search = (q: PullQuery): typeof rows => {
      const t = (d: string): number => Date.parse(d);
      if (q.type === 'tie')
        return rows.filter((r) => t(r.modifyDate) >= t(q.date) && r.id > q.afterId).slice(0, 2);
      if (q.type === 'since')
        return rows
          .filter(
            (r) =>
              q.date === null || (q.inclusive ? t(r.modifyDate) >= t(q.date) : t(r.modifyDate) > t(q.date)),
          )
          .slice(0, 2);
      throw new Error('unexpected query');
    };
    let q: PullQuery | null = firstQuery(startPosition('modify-date', null, { ms: 0, ids: 0 }));
    let pos: PullCursor = { kind: 'modify-date', date: null, id: 0 };
    const seen: number[] = [];
    for (let guard = 0; q; guard++) {
      if (guard > 50) throw new Error('does not terminate');
      const plan: PagePlan<(typeof rows)[number]> = planPage(q, search(q), 2, pos);
      seen.push(...plan.process.map((r) => r.id));
      pos = plan.positionAfter;
      q = plan.next;
    }
    expect(seen).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });
});
