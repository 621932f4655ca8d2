/**
 * A push touchpoint's lifecycle settings (pure): `createOnly` (fields sent on create, never on update),
 * `cancelWhen` (an ERP record is cancelled) and `onCancel` (what then happens in Infoplus). Parsing and the
 * checks the profile validation runs.
 */
import type { PushTouchpoint } from '../contract/touchpoints.js';
import { conditionNames, parseCondition, type Condition } from '../domain/write-back-condition.js';
import type { ProfileProblem } from './problems.js';
import type { PushTouchpointProfile } from './schema.js';
import { PUSH_MODELS, type ModelTable } from './touchpoint-models.js';

/**
 * The `createOnly` list of a touchpoint, split: header fields, fields of every line (`lineItems.orderQuantity`),
 * or the whole lines field (`lineItems`: lines are sent on create only).
 */
export interface CreateOnlySpec {
  readonly header: ReadonlySet<string>;
  /** The Infoplus lines field (lineItems) when the touchpoint has lines. */
  readonly linesField: string | null;
  readonly lines: ReadonlySet<string>;
}

/** The createOnly spec of a touchpoint, or null when it names none. */
export function createOnlyOf(
  tp: PushTouchpoint,
  cfg: Pick<PushTouchpointProfile, 'createOnly'> | undefined,
): CreateOnlySpec | null {
  const list = cfg?.createOnly ?? [];
  if (list.length === 0) return null;
  const linesField = PUSH_MODELS[tp].lines?.field ?? null;
  const header = new Set<string>();
  const lines = new Set<string>();
  for (const entry of list) {
    const dot = entry.indexOf('.');
    if (dot > 0 && linesField !== null && entry.slice(0, dot) === linesField) lines.add(entry.slice(dot + 1));
    else header.add(entry);
  }
  return { header, linesField, lines };
}

/** Touchpoints whose records can be cancelled (cancelWhen/onCancel): Infoplus orders and ASNs have DELETE. */
export const CANCELLABLE: readonly PushTouchpoint[] = ['orders', 'asns'];

/** The parsed cancelWhen condition, or null when the touchpoint has none. */
export function cancelConditionOf(
  cfg: Pick<PushTouchpointProfile, 'cancelWhen'> | undefined,
): Condition | null {
  return cfg?.cancelWhen === undefined ? null : parseCondition(cfg.cancelWhen);
}

/** Problems of the lifecycle settings of one push touchpoint (paths relative to touchpoints.<tp>). */
export function checkLifecycle(
  tp: PushTouchpoint,
  cfg: PushTouchpointProfile,
  models: ModelTable,
): ProfileProblem[] {
  const out: ProfileProblem[] = [];
  const add = (path: string, message: string): void => {
    out.push({ path: `touchpoints.${tp}.${path}`, message });
  };
  const info = PUSH_MODELS[tp];
  const linesField = info.lines?.field;
  const seen = new Set<string>();
  (cfg.createOnly ?? []).forEach((entry, i) => {
    const at = `createOnly[${i}]`;
    if (seen.has(entry)) add(at, `"${entry}" is listed twice`);
    seen.add(entry);
    const dot = entry.indexOf('.');
    if (dot > 0) {
      const [head, field] = [entry.slice(0, dot), entry.slice(dot + 1)];
      if (linesField === undefined || head !== linesField) {
        add(
          at,
          linesField === undefined
            ? `"${entry}": ${tp} have no lines; name a field of Infoplus ${info.model}`
            : `"${entry}": a line field is written ${linesField}.<field>, e.g. ${linesField}.${info.lines!.required[1] ?? 'sku'}`,
        );
        return;
      }
      const lineModel = info.lines!.model;
      if (!models[lineModel]?.[field]) {
        add(
          at,
          `"${field}" is not a field of Infoplus ${lineModel} (the lines of ${tp}); check the spelling (case-sensitive)`,
        );
      } else if (!(field in (cfg.lines?.fields ?? {}))) {
        add(at, `"${entry}" is not mapped under lines.fields, so it is never sent; map it or remove it here`);
      }
      return;
    }
    if (entry === linesField) return; // all lines: sent on create only
    if (!models[info.model]?.[entry]) {
      add(
        at,
        `"${entry}" is not a field of Infoplus ${info.model}; check the spelling (case-sensitive)` +
          (linesField ? `; a line field is written ${linesField}.<field>` : ''),
      );
      return;
    }
    if (entry === info.keyField) {
      add(at, `"${entry}" is the record key; it is always sent (Infoplus finds the record by it)`);
      return;
    }
    const mapped = entry in cfg.fields || (info.fromDefaults as readonly string[]).includes(entry);
    if (!mapped)
      add(at, `"${entry}" is not mapped under fields, so it is never sent; map it or remove it here`);
  });
  const cancellable = CANCELLABLE.includes(tp);
  if (cfg.cancelWhen !== undefined && !cancellable)
    add(
      'cancelWhen',
      `${tp} cannot be cancelled in Infoplus; cancelWhen is for ${CANCELLABLE.join(' and ')}`,
    );
  if (cfg.onCancel !== undefined && cfg.cancelWhen === undefined)
    add('onCancel', 'onCancel needs cancelWhen: the condition that says an ERP record is cancelled');
  if (cfg.cancelWhen !== undefined && cancellable) {
    try {
      const names = conditionNames(parseCondition(cfg.cancelWhen));
      if (names.length === 0)
        add('cancelWhen', 'name a column of the header query, e.g. cancelWhen: "status = \'X\'"');
    } catch (e) {
      add('cancelWhen', `${(e as Error).message}; e.g. cancelWhen: "status = 'X'"`);
    }
  }
  return out;
}
