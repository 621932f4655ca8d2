/** Check's ERP probes: every push query runs (a sample of records is mapped) and every write-back runs in a rolled-back transaction. */
import {
  PUSH_TOUCHPOINTS,
  PULL_TOUCHPOINTS,
  type PullTouchpoint,
  type PushTouchpoint,
} from '../contract/touchpoints.js';
import { checkInfoplusKey, findKeyCollisions } from '../domain/mapping/key-policy.js';
import { columnValue, mapField } from '../domain/mapping/map-field.js';
import { isCancelled } from '../domain/mapping/cancel.js';
import { readPushRecords, runWriteBack } from '../sync/profile-io.js';
import { varsOf } from '../profile/reuse.js';
import type { ErpConnection } from '../erp/types.js';
import type { ProfileProblem } from '../profile/problems.js';
import type { FieldSpec, Profile, PushTouchpointProfile } from '../profile/schema.js';
import { ENGINE_LINE_SOURCES, ENGINE_RECORD_PARAMS } from '../profile/pull-params.js';
import type { ModelTable } from '../profile/touchpoint-models.js';
import { PULL_DEFINITIONS, PUSH_DEFINITIONS } from '../sync/touchpoints/index.js';
import { DEFAULT_SAMPLE, sampleRecords, type SampleSize } from './probe-sample.js';

/** One check finding; warnings (e.g. ERP data problems) do not fail the check. */
export interface CheckProblem extends ProfileProblem {
  readonly severity: 'error' | 'warning';
}

class ProbeRollback extends Error {}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Runs source.fingerprints on its first row: the key and the fingerprint column must be in it. */
async function probeFingerprints(
  erp: ErpConnection,
  profile: Profile,
  tp: PushTouchpoint,
  cfg: PushTouchpointProfile,
): Promise<CheckProblem[]> {
  const path = `touchpoints.${tp}.source.fingerprints`;
  try {
    for await (const row of erp.stream(
      cfg.source.fingerprints!,
      { ...varsOf(profile) },
      { name: `${tp}.fingerprints`, touchpoint: tp },
    )) {
      const missing = [cfg.key, cfg.changeDetection.fingerprint ?? ''].filter(
        (c) => !columnValue(row, c).found,
      );
      return missing.map((c) => ({
        path,
        message: `column "${c}" is not in the result of source.fingerprints (columns: ${Object.keys(row).join(', ')})`,
        severity: 'error' as const,
      }));
    }
    return [];
  } catch (e) {
    return [{ path, message: errorText(e), severity: 'error' }];
  }
}

/**
 * Runs each enabled push touchpoint's queries, checks the mapped columns exist on the first record, and maps a
 * sample of records, listing each one that would be refused.
 */
export async function probePushQueries(
  erp: ErpConnection,
  profile: Profile,
  notes: string[],
  sampleSize: SampleSize = DEFAULT_SAMPLE,
): Promise<CheckProblem[]> {
  const out: CheckProblem[] = [];
  for (const tp of PUSH_TOUCHPOINTS) {
    const cfg = profile.touchpoints[tp];
    if (!cfg || !('source' in cfg) || !cfg.enabled) continue;
    const src = cfg.source.header ? 'source.header' : 'source.flat';
    let first: Awaited<ReturnType<typeof firstRecord>>;
    try {
      first = await firstRecord(erp, profile, tp);
    } catch (e) {
      out.push({
        path: `touchpoints.${tp}.${pathOfStatement(errorText(e), src)}`,
        message: errorText(e),
        severity: 'error',
      });
      continue;
    }
    if (!first) {
      notes.push(`${tp}: the query ran and returned no records; columns could not be checked`);
      continue;
    }
    out.push(...columnProblems(tp, cfg, first.header, 'fields', cfg.fields));
    out.push(...columnProblems(tp, cfg, first.header, 'customFields', cfg.customFields ?? {}));
    if (cfg.lines && first.lines[0]) {
      out.push(...columnProblems(tp, cfg, first.lines[0], 'lines.fields', cfg.lines.fields));
      out.push(
        ...columnProblems(tp, cfg, first.lines[0], 'lines.customFields', cfg.lines.customFields ?? {}),
      );
    }
    if (
      cfg.changeDetection.mode === 'watermark' &&
      !columnValue(first.header, cfg.changeDetection.column).found
    ) {
      out.push({
        path: `touchpoints.${tp}.changeDetection.column`,
        message: `column "${cfg.changeDetection.column}" is not in the result of ${src}`,
        severity: 'error',
      });
    }
    if (cfg.infoplusIdColumn !== undefined && !columnValue(first.header, cfg.infoplusIdColumn).found) {
      out.push({
        path: `touchpoints.${tp}.infoplusIdColumn`,
        message: `column "${cfg.infoplusIdColumn}" is not in the result of ${src}: select it there, or remove infoplusIdColumn`,
        severity: 'error',
      });
    }
    if (cfg.cancelWhen !== undefined) {
      try {
        isCancelled(profile, tp, first.header);
      } catch (e) {
        out.push({ path: `touchpoints.${tp}.cancelWhen`, message: errorText(e), severity: 'error' });
      }
    }
    const fingerprint = cfg.changeDetection.fingerprint;
    if (fingerprint !== undefined && !columnValue(first.header, fingerprint).found) {
      out.push({
        path: `touchpoints.${tp}.changeDetection.fingerprint`,
        message: `column "${fingerprint}" is not in the result of ${src}`,
        severity: 'error',
      });
    }
    if (cfg.source.fingerprints) out.push(...(await probeFingerprints(erp, profile, tp, cfg)));
    if (cfg.source.headerByKeys) {
      try {
        const again = readPushRecords(erp, profile, tp, { keys: [first.key] });
        for await (const _ of again) break;
      } catch (e) {
        out.push({ path: `touchpoints.${tp}.source.headerByKeys`, message: errorText(e), severity: 'error' });
      }
    }
    const sample = await sampleRecords(erp, profile, tp, sampleSize);
    out.push(...sample.problems);
    notes.push(
      `${tp}: queries ran; ${sample.sampled} record(s) mapped, ${sample.refused === 0 ? 'none' : sample.refused} would be refused`,
    );
    out.push(...(await probeKeys(erp, profile, tp, sample.keys)));
  }
  return out;
}

/** Most key problems listed per touchpoint (the run parks every one of them). */
const MAX_KEY_PROBLEMS = 20;

/**
 * Every record's Infoplus key under the key policy: empty or invalid keys and ERP records that map to one key
 * (e.g. "SO-DUP" and "SO-DUP " once trimmed) are listed, as the run parks them. Reads every record once;
 * invalid keys of sampled records are already listed by the sample.
 */
async function probeKeys(
  erp: ErpConnection,
  profile: Profile,
  tp: PushTouchpoint,
  sampled: ReadonlySet<string>,
): Promise<CheckProblem[]> {
  const out: CheckProblem[] = [];
  const cfg = profile.touchpoints[tp];
  if (!cfg || !('source' in cfg)) return out;
  const keyField = PUSH_DEFINITIONS[tp].keyField;
  const spec = cfg.fields[keyField];
  if (spec === undefined) return out;
  const env = { zone: profile.timezone, lookups: profile.lookups ?? {}, ctx: {} };
  const keys: { recordKey: string; canonical: string }[] = [];
  let bad = 0;
  try {
    for await (const rec of readPushRecords(erp, profile, tp)) {
      const mapped = mapField(rec.header, spec, keyField, env);
      const verdict = checkInfoplusKey(tp, mapped.problem ? undefined : mapped.value);
      if (verdict.ok) keys.push({ recordKey: rec.key, canonical: verdict.canonical });
      else if (!sampled.has(rec.key) && bad++ < MAX_KEY_PROBLEMS) {
        out.push({
          path: `touchpoints.${tp}.fields.${keyField}`,
          message: `record ${JSON.stringify(rec.key)}: invalid key: ${verdict.reason}`,
          severity: 'warning',
        });
      }
    }
  } catch (e) {
    // the query itself was probed above; a failure here is reported there
    out.push({ path: `touchpoints.${tp}.source`, message: errorText(e), severity: 'error' });
    return out;
  }
  let listed = 0;
  for (const [canonical, records] of findKeyCollisions(keys)) {
    if (listed++ >= MAX_KEY_PROBLEMS) break;
    out.push({
      path: `touchpoints.${tp}.fields.${keyField}`,
      message: `key collision: ERP records ${records.map((k) => JSON.stringify(k)).join(' and ')} all become Infoplus key "${canonical}"; a run parks them all (rename all but one in the ERP)`,
      severity: 'warning',
    });
  }
  return out;
}

async function firstRecord(erp: ErpConnection, profile: Profile, tp: PushTouchpoint) {
  const it = readPushRecords(erp, profile, tp);
  try {
    for await (const rec of it) return rec;
    return null;
  } finally {
    await it.return(undefined);
  }
}

function pathOfStatement(message: string, fallback: string): string {
  if (/\.lines\b/.test(message)) return 'source.lines';
  if (/\.headerByKeys\b/.test(message)) return 'source.headerByKeys';
  const m = /touchpoints\.[\w-]+\.([\w.]+)/.exec(message);
  return m?.[1] ?? fallback;
}

function columnProblems(
  tp: string,
  cfg: PushTouchpointProfile,
  row: Record<string, unknown>,
  path: string,
  fields: Readonly<Record<string, FieldSpec>>,
): CheckProblem[] {
  const out: CheckProblem[] = [];
  const source = path.startsWith('lines')
    ? 'source.lines'
    : cfg.source.header
      ? 'source.header'
      : 'source.flat';
  for (const [name, spec] of Object.entries(fields)) {
    const column = typeof spec === 'string' ? spec : spec.column;
    if (column === undefined || (typeof spec !== 'string' && spec.const !== undefined)) continue;
    if (!columnValue(row, column).found) {
      out.push({
        path: `touchpoints.${tp}.${path}.${name}${typeof spec === 'string' ? '' : '.column'}`,
        message: `column "${column}" is not in the result of ${source} (columns: ${Object.keys(row).join(', ')})`,
        severity: 'error',
      });
    }
  }
  return out;
}

/** A stand-in Infoplus record with a plausible value for every field, for the rolled-back write-back probe. */
export function syntheticRecord(model: string, models: ModelTable): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, meta] of Object.entries(models[model] ?? {})) {
    const t = meta.type.toLowerCase();
    if (t.includes('int')) out[name] = -1;
    else if (t.includes('decimal') || t.includes('number')) out[name] = 0;
    else if (t.includes('date')) out[name] = new Date().toISOString();
    else if (t.includes('bool')) out[name] = false;
    else if (t.includes('string')) out[name] = 'infoplus-sync-check';
  }
  return out;
}

/** The synthetic record plus what the engine adds (so line statements over an engine line source run too). */
function withEngineFields(
  tp: PullTouchpoint,
  record: Record<string, unknown>,
  models: ModelTable,
): Record<string, unknown> {
  const out = { ...record };
  for (const p of ENGINE_RECORD_PARAMS[tp]) {
    if (p.name in out || p.type.endsWith('[]')) continue;
    out[p.name] = p.type === 'string' ? 'infoplus-sync-check' : p.type === 'boolean' ? false : -1;
  }
  for (const src of ENGINE_LINE_SOURCES[tp]) {
    const line = syntheticRecord(src.model, models);
    for (const x of src.extra) line[x.name] = x.type === 'integer' ? 0 : 'infoplus-sync-check';
    out[src.from] = [line];
  }
  return out;
}

/** Runs every write-back in a transaction that is always rolled back, so broken SQL is found without writing. */
export async function probeWriteBacks(
  erp: ErpConnection,
  profile: Profile,
  models: ModelTable,
): Promise<CheckProblem[]> {
  const out: CheckProblem[] = [];
  for (const tp of PULL_TOUCHPOINTS) {
    const cfg = profile.touchpoints[tp];
    if (!cfg || !('writeBack' in cfg) || !cfg.enabled) continue;
    const record = withEngineFields(tp, syntheticRecord(PULL_DEFINITIONS[tp].model, models), models);
    try {
      await erp.transaction(async (tx) => {
        await runWriteBack(tx, erp.driver, profile, tp, record, {}, { probe: true });
        throw new ProbeRollback();
      });
    } catch (e) {
      if (e instanceof ProbeRollback) continue;
      const st = (e as { statement?: string }).statement;
      const path = st ? statementPath(tp, st, cfg) : `touchpoints.${tp}.writeBack`;
      out.push({ path, message: errorText(e), severity: 'error' });
    }
  }
  return out;
}

function statementPath(
  tp: string,
  statement: string,
  cfg: {
    writeBack: {
      record: { name: string }[];
      lines?: { statements: { name: string }[] };
      afterLines?: { name: string }[];
    };
  },
): string {
  const name = statement.split('.').pop() ?? '';
  const i = cfg.writeBack.record.findIndex((s) => s.name === name);
  if (i >= 0 && statement.includes('.record.')) return `touchpoints.${tp}.writeBack.record[${i}].sql`;
  const j = cfg.writeBack.lines?.statements.findIndex((s) => s.name === name) ?? -1;
  if (j >= 0) return `touchpoints.${tp}.writeBack.lines.statements[${j}].sql`;
  const k = cfg.writeBack.afterLines?.findIndex((s) => s.name === name) ?? -1;
  if (k >= 0) return `touchpoints.${tp}.writeBack.afterLines[${k}].sql`;
  return `touchpoints.${tp}.writeBack`;
}
