/**
 * Reading push records from the ERP and writing pulled records back, as the mapping profile says.
 * Lines are fetched per batch of records with `IN (@keys)` expanded into bound parameters (works in all four
 * dialects and keeps one round trip per batch), or per record with `= @key`; a flat query is grouped by key.
 */
import type { PullTouchpoint, PushTouchpoint } from '../contract/touchpoints.js';
import { pushConfig } from '../domain/mapping/build-payload.js';
import { columnValue } from '../domain/mapping/map-field.js';
import { toInstant } from '../domain/mapping/convert.js';
import { rawFingerprint } from '../domain/mapping/fingerprint.js';
import type { PushSourceRecord, SourceRow } from '../domain/mapping/types.js';
import { formatWallClock, instantFromWallClock, type WallClock } from '../domain/mapping/zoned-time.js';
import {
  lineWriteBackParams,
  writeBackParams,
  type WriteBackValue,
} from '../domain/mapping/write-back-params.js';
import {
  conditionNames,
  evalCondition,
  parseCondition,
  type Condition,
} from '../domain/write-back-condition.js';
import type {
  Profile,
  PullTouchpointProfile,
  PushTouchpointProfile,
  Statement,
  StatementExpect,
} from '../profile/schema.js';
import { varsOf } from '../profile/reuse.js';
import { expandKeysParam, sqlParamNames } from '../profile/sql-params.js';
import type { ErpConnection, ErpDriverName, ErpExecutor, Row, SqlParams } from '../erp/types.js';
import { WriteBackExpectationError } from '../erp/write-back-expectation.js';
import { streamInBatches } from '../erp/stream-batches.js';

/** Options of readPushRecords: only rows changed since `since` (watermark mode), or only these keys. */
export interface ReadPushOptions {
  readonly since?: Date | null;
  readonly keys?: readonly string[];
  readonly signal?: AbortSignal;
  /**
   * Given a batch of headers with their fingerprints (changeDetection.fingerprint), the keys known unchanged:
   * their lines are not read and they come out marked `unchangedByFingerprint`.
   */
  /** Only the header rows (records come with no lines): for comparing keys, never for building payloads. */
  readonly headersOnly?: boolean;
  readonly unchangedByFingerprint?: (
    batch: readonly { key: string; fingerprint: string }[],
  ) => ReadonlySet<string>;
  /**
   * Hears the distinct keys of the read once its header (or flat) query has been read to the end, before the
   * last batch's records come out (for a read of up to one batch: before the first). Not called for a read
   * abandoned early. This is how a run learns its total without a second query.
   */
  readonly onReadEnd?: (keys: ReadonlySet<string>) => void;
}

const DEFAULT_BATCH = 500;
/** Bound for `@since` when nothing was read before: older than any ERP row. */
const EPOCH = new Date(Date.UTC(1900, 0, 1));

/** The wall-clock text form every dialect reads into its DATETIME type (see formatWallClock). */
export function erpDateParam(instant: Date, profile: Profile, driver: ErpDriverName): string {
  return formatWallClock(instant, profile.timezone, driver === 'sqlserver' ? 'T' : ' ');
}

/** Streams the touchpoint's records in batches; memory stays bounded by the batch size. */
export async function* readPushRecords(
  erp: ErpConnection,
  profile: Profile,
  tp: PushTouchpoint,
  opts: ReadPushOptions = {},
): AsyncGenerator<PushSourceRecord> {
  for await (const batch of readPushBatches(erp, profile, tp, opts)) yield* batch;
}

/**
 * readPushRecords in arrays of up to source.batchSize records (one lines query each): a full scan pays a
 * promise per batch, not per record.
 */
export async function* readPushBatches(
  erp: ErpConnection,
  profile: Profile,
  tp: PushTouchpoint,
  opts: ReadPushOptions = {},
): AsyncGenerator<PushSourceRecord[]> {
  const cfg = pushConfig(profile, tp);
  const src = cfg.source;
  const batchSize = src.batchSize ?? DEFAULT_BATCH;
  const wanted = opts.keys ? new Set(opts.keys) : null;
  const stmt = (part: string) => ({
    name: `${tp}.${part}`,
    touchpoint: tp,
    ...(opts.signal ? { signal: opts.signal } : {}),
  });

  if (src.flat) {
    let out: PushSourceRecord[] = [];
    for await (const rec of readFlat(erp, profile, tp, cfg, opts, wanted)) {
      out.push(rec);
      if (out.length >= batchSize) {
        yield out;
        out = [];
      }
    }
    if (out.length > 0) yield out;
    return;
  }
  if (!src.header) throw new Error(`touchpoints.${tp}.source has neither header nor flat`);

  let headers: AsyncIterable<Row[]>;
  if (wanted && src.headerByKeys) {
    headers = byKeys(erp, src.headerByKeys, [...wanted], batchSize, stmt('headerByKeys'), varsOf(profile));
  } else {
    const params = sinceParams(src.header, profile, erp.driver, wanted ? null : (opts.since ?? null));
    // in batches: a full scan pays one promise per batch of headers, not per row
    headers = streamInBatches(erp, src.header, { ...varsOf(profile), ...params }, batchSize, stmt('header'));
  }
  let batch: SourceRow[] = [];
  const seen = opts.onReadEnd ? new Set<string>() : null;
  for await (const rows of headers) {
    for (const row of rows) {
      const key = keyOf(row, cfg.key, tp);
      if (wanted && !wanted.has(key)) continue;
      seen?.add(key);
      batch.push(row);
      if (batch.length >= batchSize) {
        yield await withLines(erp, profile, tp, cfg, batch, stmt('lines'), opts);
        batch = [];
      }
    }
  }
  if (seen) opts.onReadEnd?.(seen);
  if (batch.length > 0) yield await withLines(erp, profile, tp, cfg, batch, stmt('lines'), opts);
}

/**
 * Streams source.fingerprints: each record's key and fingerprint (rows without a fingerprint come with null, so
 * that they are read whole).
 */
export async function* readFingerprints(
  erp: ErpConnection,
  profile: Profile,
  tp: PushTouchpoint,
  opts: { readonly signal?: AbortSignal } = {},
): AsyncGenerator<{ key: string; fingerprint: string | null }> {
  const cfg = pushConfig(profile, tp);
  const sql = cfg.source.fingerprints;
  if (!sql) throw new Error(`touchpoints.${tp}.source.fingerprints is not set`);
  for await (const row of erp.stream(
    sql,
    { ...varsOf(profile) },
    {
      name: `${tp}.fingerprints`,
      touchpoint: tp,
      ...(opts.signal ? { signal: opts.signal } : {}),
    },
  )) {
    yield { key: keyOf(row, cfg.key, tp), fingerprint: fingerprintOf(row, cfg) };
  }
}

function fingerprintOf(row: SourceRow, cfg: PushTouchpointProfile): string | null {
  const column = cfg.changeDetection.fingerprint;
  return column === undefined ? null : rawFingerprint(row, column);
}

function sinceParams(sql: string, profile: Profile, driver: ErpDriverName, since: Date | null): SqlParams {
  if (!sqlParamNames(sql, driver).has('since')) return {};
  return { since: erpDateParam(since ?? EPOCH, profile, driver) };
}

async function* byKeys(
  erp: ErpConnection,
  sql: string,
  keys: string[],
  batchSize: number,
  opts: { name: string; touchpoint: string },
  vars: Readonly<Record<string, string | number>>,
): AsyncGenerator<Row[]> {
  for (let i = 0; i < keys.length; i += batchSize) {
    const exp = expandKeysParam(sql, keys.slice(i, i + batchSize), erp.driver);
    yield await erp.query(exp.sql, { ...vars, ...exp.params }, opts);
  }
}

function keyOf(row: SourceRow, column: string, tp: string): string {
  const got = columnValue(row, column);
  if (!got.found) {
    throw new Error(
      `touchpoints.${tp}.key: column "${column}" is not in the query result (columns: ${Object.keys(row).join(', ')})`,
    );
  }
  // A NULL key is a record like one whose key is '': the push parks it (see judgeRecord), the run goes on.
  if (got.value === null || got.value === undefined) return '';
  return got.value instanceof Date ? got.value.toISOString() : String(got.value);
}

function watermarkOf(row: SourceRow, cfg: PushTouchpointProfile, profile: Profile): Date | null {
  if (cfg.changeDetection.mode !== 'watermark') return null;
  const v = columnValue(row, cfg.changeDetection.column).value;
  if (v === null || v === undefined) return null;
  // a driver's Date holds the wall clock in its UTC fields: the instant straight away, as toInstant finds it
  if (v instanceof Date && !Number.isNaN(v.getTime()) && v.getUTCFullYear() >= 100)
    return instantFromWallClock(wallClockOfUtcFields(v), profile.timezone);
  const c = toInstant(v, 'datetime', profile.timezone);
  return c.ok ? new Date(c.value as string) : null;
}

function wallClockOfUtcFields(d: Date): WallClock {
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    ms: d.getUTCMilliseconds(),
  };
}

async function withLines(
  erp: ErpConnection,
  profile: Profile,
  tp: PushTouchpoint,
  cfg: PushTouchpointProfile,
  headers: SourceRow[],
  stmtOpts: { name: string; touchpoint: string },
  read: Pick<ReadPushOptions, 'unchangedByFingerprint' | 'headersOnly'>,
): Promise<PushSourceRecord[]> {
  const { unchangedByFingerprint } = read;
  const all = headers.map((h) => ({
    key: keyOf(h, cfg.key, tp),
    header: h,
    raw: columnValue(h, cfg.key).value,
    fingerprint: fingerprintOf(h, cfg),
  }));
  const withPrint = all.filter((k): k is typeof k & { fingerprint: string } => k.fingerprint !== null);
  const unchanged =
    unchangedByFingerprint && withPrint.length > 0 ? unchangedByFingerprint(withPrint) : new Set<string>();
  const keyed = unchanged.size > 0 ? all.filter((k) => !unchanged.has(k.key)) : all;
  const linesByKey = new Map<string, SourceRow[]>();
  const linesSql = cfg.source.lines;
  if (linesSql && keyed.length > 0 && !read.headersOnly) {
    const lineKey = cfg.source.lineKey ?? cfg.key;
    const add = (rows: Row[]): void => {
      for (const r of rows) {
        const k = keyOf(r, lineKey, tp);
        let list = linesByKey.get(k);
        if (!list) linesByKey.set(k, (list = []));
        list.push(r);
      }
    };
    if (sqlParamNames(linesSql, erp.driver).has('keys')) {
      const exp = expandKeysParam(
        linesSql,
        keyed.map((k) => k.raw as string),
        erp.driver,
      );
      add(await erp.query(exp.sql, { ...varsOf(profile), ...exp.params }, stmtOpts));
    } else {
      for (const k of keyed)
        add(await erp.query(linesSql, { ...varsOf(profile), key: k.raw as string }, stmtOpts));
    }
  }
  const out: PushSourceRecord[] = [];
  for (const k of all) {
    const watermark = watermarkOf(k.header, cfg, profile);
    if (unchanged.has(k.key)) {
      out.push({
        key: k.key,
        header: k.header,
        lines: [],
        watermark,
        fingerprint: k.fingerprint,
        unchangedByFingerprint: true,
      });
    } else {
      out.push({
        key: k.key,
        header: k.header,
        lines: linesByKey.get(k.key) ?? [],
        watermark,
        fingerprint: k.fingerprint,
      });
    }
  }
  return out;
}

async function* readFlat(
  erp: ErpConnection,
  profile: Profile,
  tp: PushTouchpoint,
  cfg: PushTouchpointProfile,
  opts: ReadPushOptions,
  wanted: Set<string> | null,
): AsyncGenerator<PushSourceRecord> {
  const sql = cfg.source.flat!;
  const params = sinceParams(sql, profile, erp.driver, wanted ? null : (opts.since ?? null));
  let current: { key: string; header: SourceRow; lines: SourceRow[] } | null = null;
  const done = new Set<string>();
  const emit = (c: { key: string; header: SourceRow; lines: SourceRow[] }): PushSourceRecord => {
    done.add(c.key);
    return {
      key: c.key,
      header: c.header,
      lines: c.lines,
      watermark: watermarkOf(c.header, cfg, profile),
      fingerprint: fingerprintOf(c.header, cfg),
    };
  };
  for await (const row of erp.stream(
    sql,
    { ...varsOf(profile), ...params },
    {
      name: `${tp}.flat`,
      touchpoint: tp,
      ...(opts.signal ? { signal: opts.signal } : {}),
    },
  )) {
    const key = keyOf(row, cfg.key, tp);
    if (wanted && !wanted.has(key)) continue;
    if (current && current.key === key) {
      current.lines.push(row);
      continue;
    }
    if (current) yield emit(current);
    // a key seen before means the query is not ordered by key; its record would be split in two
    if (done.has(key) && key !== '')
      throw new Error(
        `touchpoints.${tp}.source.flat must be ORDER BY ${cfg.key}: key ${key} appears twice apart`,
      );
    current = { key, header: row, lines: [row] };
  }
  if (opts.onReadEnd) opts.onReadEnd(new Set([...done, ...(current ? [current.key] : [])]));
  if (current) yield emit(current);
}

function pullConfig(profile: Profile, tp: PullTouchpoint): PullTouchpointProfile {
  const cfg = profile.touchpoints[tp];
  if (!cfg || !('writeBack' in cfg)) throw new Error(`The mapping profile has no section touchpoints.${tp}`);
  return cfg;
}

/** SQL text of a statement for the driver (procedures become EXEC / CALL). */
export function statementSql(st: Statement, driver: ErpDriverName): string {
  if ('sql' in st) return st.sql;
  const args = st.args.map((a) => `@${a}`).join(', ');
  if (driver === 'sqlserver') return `EXEC ${st.procedure} ${args}`;
  if (driver === 'sqlite') throw new Error(`statement "${st.name}": SQLite has no stored procedures`);
  return `CALL ${st.procedure}(${args})`;
}

/** A statement's `when:` parsed once per text (profiles are re-used for many records). */
const conditions = new Map<string, Condition>();
function conditionOf(text: string): Condition {
  let c = conditions.get(text);
  if (!c) conditions.set(text, (c = parseCondition(text)));
  return c;
}

function meets(expect: StatementExpect | undefined, rows: number): boolean {
  if (!expect || expect.rows === 'any') return true;
  return expect.rows === '1' ? rows === 1 : rows >= 1;
}

/** "ERP record not found: <the profile's message with @params filled in>" or a plain description. */
function expectationMessage(
  st: Statement,
  rows: number,
  params: Readonly<Record<string, WriteBackValue>>,
  prefix: string,
): string {
  const want = st.expect?.rows === '1' ? 'exactly 1 row' : 'at least 1 row';
  const template = st.expect?.message;
  if (template) {
    const text = template.replace(/@([A-Za-z_][A-Za-z0-9_]*)/g, (m, name: string) =>
      name in params ? String(params[name] ?? 'NULL') : m,
    );
    return `ERP record not found: ${text} (statement ${prefix}.${st.name} changed ${rows} rows, expected ${want})`;
  }
  const id = params['id'] ?? '?';
  return `ERP record not found: statement ${prefix}.${st.name} changed ${rows} rows for Infoplus record ${id}, expected ${want}`;
}

async function runStatements(
  tx: ErpExecutor,
  driver: ErpDriverName,
  list: readonly Statement[],
  params: Record<string, WriteBackValue>,
  prefix: string,
  tp: string,
  probe = false,
  vars: Readonly<Record<string, string | number>> = {},
): Promise<void> {
  for (const st of list) {
    if (!probe && st.when !== undefined && !evalCondition(conditionOf(st.when), { ...vars, ...params }))
      continue;
    const sql = statementSql(st, driver);
    // bind only what the statement uses, NULL for fields the record lacks
    const bound: Record<string, WriteBackValue> = {};
    for (const name of sqlParamNames(sql, driver)) bound[name] = params[name] ?? vars[name] ?? null;
    const { rowsAffected } = await tx.execute(sql, bound, { name: `${prefix}.${st.name}`, touchpoint: tp });
    if (!probe && !meets(st.expect, rowsAffected)) {
      throw new WriteBackExpectationError(
        expectationMessage(st, rowsAffected, params, prefix),
        tp,
        `${prefix}.${st.name}`,
        rowsAffected,
      );
    }
  }
}

/** Every parameter a touchpoint's write-back statements read (SQL, procedure args, when, expect messages). */
const readByConfig = new WeakMap<PullTouchpointProfile, Map<ErpDriverName, ReadonlySet<string>>>();
function paramsRead(cfg: PullTouchpointProfile, driver: ErpDriverName): ReadonlySet<string> {
  let byDriver = readByConfig.get(cfg);
  if (!byDriver) readByConfig.set(cfg, (byDriver = new Map()));
  let names = byDriver.get(driver);
  if (!names) {
    const set = new Set<string>();
    const all = [
      ...cfg.writeBack.record,
      ...(cfg.writeBack.lines?.statements ?? []),
      ...(cfg.writeBack.afterLines ?? []),
    ];
    for (const st of all) {
      if ('sql' in st) for (const n of sqlParamNames(st.sql, driver)) set.add(n);
      else for (const a of st.args) set.add(a);
      if (st.when !== undefined) for (const n of conditionNames(conditionOf(st.when))) set.add(n);
      for (const m of (st.expect?.message ?? '').matchAll(/@([A-Za-z_][A-Za-z0-9_]*)/g)) set.add(m[1]!);
    }
    // always at hand for error messages
    set.add('id');
    names = set;
    byDriver.set(driver, names);
  }
  return names;
}

/**
 * Writes one pulled Infoplus record (shipment, item receipt, inventory adjustment) into the ERP with the
 * profile's statements, in ONE transaction. `extra` adds parameters the engine knows, e.g. `{ erpKey }`.
 */
export async function applyWriteBack(
  erp: ErpConnection,
  profile: Profile,
  tp: PullTouchpoint,
  record: object,
  extra: Readonly<Record<string, WriteBackValue>> = {},
): Promise<void> {
  await erp.transaction((tx) => runWriteBack(tx, erp.driver, profile, tp, record, extra), {
    name: `${tp}.writeBack`,
    touchpoint: tp,
  });
}

/** Writes several pulled records in ONE transaction (a batch); the first failure rolls back all of them. */
export async function applyWriteBacks(
  erp: ErpConnection,
  profile: Profile,
  tp: PullTouchpoint,
  records: readonly object[],
): Promise<void> {
  await erp.transaction(
    async (tx) => {
      for (const r of records) await runWriteBack(tx, erp.driver, profile, tp, r);
    },
    { name: `${tp}.writeBack`, touchpoint: tp },
  );
}

/**
 * The statements of applyWriteBack on an open transaction (the caller commits or rolls back), in the
 * documented order: `record` statements, then `lines` statements once per line, then `afterLines` statements.
 * A statement with `when:` runs only when its condition holds; one whose `expect:` fails throws
 * WriteBackExpectationError (the caller's transaction then rolls back the whole record). `probe` runs every
 * statement and enforces no expectation (check's always-rolled-back SQL test).
 */
export async function runWriteBack(
  tx: ErpExecutor,
  driver: ErpDriverName,
  profile: Profile,
  tp: PullTouchpoint,
  record: object,
  extra: Readonly<Record<string, WriteBackValue>> = {},
  opts: { readonly probe?: boolean } = {},
): Promise<void> {
  const probe = opts.probe === true;
  const cfg = pullConfig(profile, tp);
  const sep = driver === 'sqlserver' ? 'T' : ' ';
  const wanted = paramsRead(cfg, driver);
  const params = writeBackParams(record, profile.timezone, extra, sep, wanted);
  const vars = varsOf(profile);
  await runStatements(tx, driver, cfg.writeBack.record, params, `${tp}.writeBack.record`, tp, probe, vars);
  const lines = cfg.writeBack.lines;
  // `from` is a field of the record, or `customFields.<name>`
  const elements = lines
    ? lines.from
        .split('.')
        .reduce<unknown>(
          (v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined),
          record,
        )
    : undefined;
  if (lines && Array.isArray(elements)) {
    for (const [i, el] of elements.entries()) {
      const lp = lineWriteBackParams(params, el, i, profile.timezone, sep, wanted);
      await runStatements(tx, driver, lines.statements, lp, `${tp}.writeBack.lines`, tp, probe, vars);
    }
  }
  const after = cfg.writeBack.afterLines;
  if (after && after.length > 0) {
    await runStatements(tx, driver, after, params, `${tp}.writeBack.afterLines`, tp, probe, vars);
  }
}

/**
 * After Infoplus created a pushed record: runs the profile's `afterPush` statements (e.g. store the Infoplus
 * orderNo on the ERP order) in one transaction with `@key` and the created record's fields. No-op without any.
 */
export async function applyPushResult(
  erp: ErpConnection,
  profile: Profile,
  tp: PushTouchpoint,
  key: string,
  created: object,
): Promise<void> {
  const list = pushConfig(profile, tp).afterPush;
  if (!list || list.length === 0) return;
  const sep = erp.driver === 'sqlserver' ? 'T' : ' ';
  const params = writeBackParams(created, profile.timezone, { key }, sep);
  const vars = varsOf(profile);
  await erp.transaction(
    (tx) => runStatements(tx, erp.driver, list, params, `${tp}.afterPush`, tp, false, vars),
    {
      name: `${tp}.afterPush`,
      touchpoint: tp,
    },
  );
}
