/** Checks of one push or pull touchpoint that zod cannot express: Infoplus fields, queries and parameters. */
import type { PullTouchpoint, PushTouchpoint } from '../contract/touchpoints.js';
import { conditionNames, parseCondition } from '../domain/write-back-condition.js';
import { checkLifecycle } from './lifecycle.js';
import type { ProfileProblem } from './problems.js';
import { ENGINE_LINE_SOURCES, ENGINE_RECORD_PARAMS, engineLineSource } from './pull-params.js';
import type {
  FieldSpec,
  Profile,
  PullTouchpointProfile,
  PushTouchpointProfile,
  Statement,
} from './schema.js';
import { sqlParamNames } from './sql-params.js';
import { isValidTimeZone } from './cron.js';
import { isWritable, PULL_MODELS, PUSH_MODELS, valueKind, type ModelTable } from './touchpoint-models.js';

type Add = (path: string, message: string) => void;

/** Problems of one push touchpoint. */
export function checkPushTouchpoint(
  profile: Profile,
  tp: PushTouchpoint,
  cfg: PushTouchpointProfile,
  models: ModelTable,
): ProfileProblem[] {
  const out: ProfileProblem[] = [];
  const base = `touchpoints.${tp}`;
  const add: Add = (path, message) => out.push({ path: `${base}.${path}`, message });
  const info = PUSH_MODELS[tp];
  const src = cfg.source;
  const vars = new Set(Object.keys(profile.vars ?? {}));

  if (src.header && src.flat) add('source', 'set either header (+ lines) or flat, not both');
  if (!src.header && !src.flat)
    add('source.header', 'required: a header query (or a flat query) selecting the records');
  if (src.flat && src.lines) add('source.lines', 'a flat query already holds the lines; remove lines');
  const selecting = src.header ? 'source.header' : 'source.flat';
  const selectSql = src.header ?? src.flat ?? '';
  const selectParams = sqlParamNames(selectSql);
  if (cfg.changeDetection.mode === 'watermark' && selectSql && !selectParams.has('since')) {
    add(
      selecting,
      `watermark mode reads changed rows with @since: add e.g. WHERE ${cfg.changeDetection.column} >= @since`,
    );
  }
  if (cfg.changeDetection.mode === 'hash' && selectParams.has('since')) {
    add(
      selecting,
      '@since is only bound in watermark mode; remove it or set changeDetection.mode: watermark',
    );
  }
  for (const p of selectParams) {
    if (p !== 'since' && !vars.has(p))
      add(selecting, `unknown parameter @${p}; this query may use only @since (and the profile's vars)`);
  }
  if (src.lines) {
    const lp = sqlParamNames(src.lines);
    if (!lp.has('keys') && !lp.has('key'))
      add(
        'source.lines',
        'the lines query must select lines of a batch with IN (@keys), or of one record with = @key',
      );
    for (const p of lp)
      if (p !== 'keys' && p !== 'key' && !vars.has(p))
        add('source.lines', `unknown parameter @${p}; use @keys or @key (or one of the profile's vars)`);
  }
  if (src.fingerprints) {
    if (cfg.changeDetection.fingerprint === undefined)
      add('source.fingerprints', 'needs changeDetection.fingerprint: the column this query returns');
    if (!src.headerByKeys)
      add('source.fingerprints', 'needs source.headerByKeys to read the records whose fingerprint changed');
    for (const p of sqlParamNames(src.fingerprints))
      if (!vars.has(p))
        add(
          'source.fingerprints',
          `unknown parameter @${p}; this query reads every record, without parameters`,
        );
  }
  if (src.headerByKeys) {
    const hp = sqlParamNames(src.headerByKeys);
    if (!hp.has('keys')) add('source.headerByKeys', 'must select the given records with IN (@keys)');
    for (const p of hp)
      if (p !== 'keys' && !vars.has(p))
        add('source.headerByKeys', `unknown parameter @${p}; use @keys (or one of the profile's vars)`);
  }

  if (info.lines) {
    if (!cfg.lines)
      add('lines', `required: ${tp} need line items (lines.fields with ${info.lines.required.join(', ')})`);
    else if (!src.lines && !src.flat) add('source.lines', 'required: a lines query (or use one flat query)');
  } else if (cfg.lines) {
    add('lines', `${tp} have no line items; remove lines`);
  }

  checkFields(profile, cfg.fields, info.model, 'fields', models, add);
  checkCustomFields(profile, cfg.customFields, 'customFields', add);
  // the key field is reported once, by the key check below
  const mapped = new Set([...Object.keys(cfg.fields), ...info.fromDefaults, info.keyField]);
  if (!(info.keyField in cfg.fields)) {
    add(`fields.${info.keyField}`, `required: map the record key (column ${cfg.key}) to ${info.keyField}`);
  }
  const keySpec = cfg.fields[info.keyField];
  if (typeof keySpec === 'object' && keySpec.truncate) {
    // two long keys cut to one would make two ERP records feed one Infoplus record
    add(
      `fields.${info.keyField}.truncate`,
      `truncate is not allowed on the key field ${info.keyField}: two keys could be cut to one. Remove truncate (a key longer than maxLength is then reported for that record)`,
    );
  }
  for (const req of info.required) {
    if (!req.split('|').some((r) => mapped.has(r))) {
      add(
        `fields.${req.split('|')[0]}`,
        `required by Infoplus to create ${tp}: map ${req.split('|').join(' or ')}`,
      );
    }
  }
  if (info.lines && cfg.lines) {
    checkFields(profile, cfg.lines.fields, info.lines.model, 'lines.fields', models, add);
    checkCustomFields(profile, cfg.lines.customFields, 'lines.customFields', add);
    for (const req of info.lines.required) {
      if (!(req in cfg.lines.fields))
        add(`lines.fields.${req}`, `required by Infoplus on every line: map ${req}`);
    }
  }
  if (cfg.afterPush) {
    const known = new Set(['key', ...Object.keys(models[info.model] ?? {})]);
    varsShadowing(profile, known, `touchpoints.${tp}.afterPush`, out);
    checkStatements(profile, cfg.afterPush, 'afterPush', new Set([...known, ...vars]), add);
  }
  out.push(...checkLifecycle(tp, cfg, models));
  return out;
}

/** Problems of one pull touchpoint's write-back statements. */
export function checkPullTouchpoint(
  profile: Profile,
  tp: PullTouchpoint,
  cfg: PullTouchpointProfile,
  models: ModelTable,
): ProfileProblem[] {
  const out: ProfileProblem[] = [];
  const add: Add = (path, message) => out.push({ path: `touchpoints.${tp}.${path}`, message });
  const model = models[PULL_MODELS[tp].model] ?? {};
  const engineParams = new Set([...Object.keys(model), ...ENGINE_RECORD_PARAMS[tp].map((p) => p.name)]);
  varsShadowing(profile, engineParams, `touchpoints.${tp}.writeBack`, out);
  const recordParams = new Set([...engineParams, ...Object.keys(profile.vars ?? {})]);
  if (cfg.writeBack.record.length === 0 && !cfg.writeBack.lines)
    add('writeBack.record', 'add at least one statement');
  checkStatements(profile, cfg.writeBack.record, 'writeBack.record', recordParams, add);
  if (cfg.writeBack.afterLines)
    checkStatements(profile, cfg.writeBack.afterLines, 'writeBack.afterLines', recordParams, add);
  const lines = cfg.writeBack.lines;
  if (lines && /^customFields\.[^.]+$/.test(lines.from)) {
    // a custom field's elements have no schema: any @line_<name> is allowed
    const known = new Set([...recordParams, 'line_index', 'line_value']);
    checkStatements(profile, lines.statements, 'writeBack.lines.statements', known, add, (n) =>
      n.startsWith('line_'),
    );
  } else if (lines) {
    const engine = engineLineSource(tp, lines.from);
    const meta = model[lines.from];
    if (!meta && !engine) {
      const offered = ENGINE_LINE_SOURCES[tp].map((s) => s.from);
      add(
        'writeBack.lines.from',
        `"${lines.from}" is not a field of Infoplus ${PULL_MODELS[tp].model}` +
          (offered.length > 0 ? ` nor one the engine adds (${offered.join(', ')})` : '') +
          ' (a custom field is written customFields.<name>)',
      );
      return out;
    }
    const lineModel = engine ? models[engine.model] : meta?.items ? models[meta.items] : undefined;
    const lineParams = new Set(recordParams);
    lineParams.add('line_index');
    if (lineModel) for (const f of Object.keys(lineModel)) lineParams.add(`line_${f}`);
    else lineParams.add('line_value');
    for (const f of engine?.extra ?? []) lineParams.add(`line_${f.name}`);
    checkStatements(profile, lines.statements, 'writeBack.lines.statements', lineParams, add);
  }
  return out;
}

function checkStatements(
  profile: Profile,
  list: readonly Statement[],
  path: string,
  known: ReadonlySet<string>,
  add: Add,
  alsoKnown: (name: string) => boolean = () => false,
): void {
  const names = new Set<string>();
  list.forEach((st, i) => {
    if (names.has(st.name))
      add(`${path}[${i}].name`, `statement name "${st.name}" is used twice; names must be unique`);
    names.add(st.name);
    const used = 'sql' in st ? [...sqlParamNames(st.sql)] : st.args;
    const where = 'sql' in st ? `${path}[${i}].sql` : `${path}[${i}].args`;
    for (const p of used) {
      if (!known.has(p) && !p.startsWith('customFields_') && !alsoKnown(p)) {
        add(where, `unknown parameter @${p} in statement "${st.name}"; available: ${suggest(p, known)}`);
      }
    }
    if (st.when !== undefined) {
      try {
        for (const p of conditionNames(parseCondition(st.when))) {
          if (!known.has(p) && !p.startsWith('customFields_') && !alsoKnown(p))
            add(
              `${path}[${i}].when`,
              `unknown parameter ${p} in statement "${st.name}"; available: ${suggest(p, known)}`,
            );
        }
      } catch (e) {
        add(`${path}[${i}].when`, `${(e as Error).message}; e.g. when: "receivedQuantity > 0"`);
      }
    }
    if ('procedure' in st && profile.connections?.erp?.driver === 'sqlite') {
      add(`${path}[${i}].procedure`, 'SQLite has no stored procedures; write the statement as sql');
    }
  });
}

function suggest(name: string, known: ReadonlySet<string>): string {
  const lower = name.toLowerCase();
  const close = [...known].filter((k) => k.toLowerCase().includes(lower) || lower.includes(k.toLowerCase()));
  const list = (close.length > 0 ? close : [...known]).slice(0, 12).map((k) => `@${k}`);
  return list.join(', ') + (close.length === 0 && known.size > 12 ? ', ...' : '');
}

function checkFields(
  profile: Profile,
  fields: Readonly<Record<string, FieldSpec>>,
  model: string,
  path: string,
  models: ModelTable,
  add: Add,
): void {
  const table = models[model];
  for (const [name, spec] of Object.entries(fields)) {
    const meta = table?.[name];
    if (!meta) {
      add(
        `${path}.${name}`,
        `"${name}" is not a field of Infoplus ${model}; check the spelling (field names are case-sensitive)`,
      );
      continue;
    }
    if (!isWritable(meta))
      add(`${path}.${name}`, `"${name}" is read-only in Infoplus ${model} (set by Infoplus); remove it`);
    if (valueKind(meta) === 'other')
      add(`${path}.${name}`, `"${name}" is a list or object; it cannot be mapped from one column`);
    checkSpec(profile, spec, `${path}.${name}`, add, valueKind(meta));
  }
}

function checkCustomFields(
  profile: Profile,
  fields: Readonly<Record<string, FieldSpec>> | undefined,
  path: string,
  add: Add,
): void {
  for (const [name, spec] of Object.entries(fields ?? {})) checkSpec(profile, spec, `${path}.${name}`, add);
}

function checkSpec(profile: Profile, spec: FieldSpec, path: string, add: Add, inferred?: string): void {
  if (typeof spec === 'string') return;
  if (spec.column === undefined && spec.const === undefined && spec.default === undefined) {
    add(`${path}.column`, 'required: set column (the ERP column to read) or const');
  }
  if (spec.column !== undefined && spec.const !== undefined)
    add(`${path}.const`, 'set either column or const, not both');
  if (spec.lookup !== undefined && !profile.lookups?.[spec.lookup]) {
    const known = Object.keys(profile.lookups ?? {});
    add(
      `${path}.lookup`,
      `lookup table "${spec.lookup}" is not defined under lookups${known.length ? ` (defined: ${known.join(', ')})` : ''}`,
    );
  }
  if (spec.truncate && spec.maxLength === undefined) add(`${path}.truncate`, 'truncate needs maxLength');
  checkTransforms(spec, spec.type ?? (inferred === 'other' ? undefined : inferred), path, add);
}

/** The transform options (issue 11): a zone that exists, a fractional policy on a whole-number field. */
function checkTransforms(
  spec: Exclude<FieldSpec, string>,
  type: string | undefined,
  path: string,
  add: Add,
): void {
  if (spec.zone !== undefined && !isValidTimeZone(spec.zone))
    add(`${path}.zone`, `"${spec.zone}" is not an IANA time zone; write e.g. UTC or America/Chicago`);
  else if (spec.zone !== undefined && type !== undefined && type !== 'date' && type !== 'datetime')
    add(`${path}.zone`, `zone applies to date and datetime values; this field is ${type}`);
  if (spec.fractional !== undefined && type !== 'int')
    add(
      `${path}.fractional`,
      `fractional applies to whole-number (int) fields; this field is ${type ?? 'untyped'}`,
    );
}

/** A var named like a parameter the engine gives these statements would be silently overridden: refused. */
function varsShadowing(
  profile: Profile,
  params: ReadonlySet<string>,
  where: string,
  out: ProfileProblem[],
): void {
  for (const name of Object.keys(profile.vars ?? {})) {
    if (params.has(name))
      out.push({
        path: `vars.${name}`,
        message: `"${name}" is also the parameter @${name} of the statements in ${where}; rename the var`,
      });
  }
}
