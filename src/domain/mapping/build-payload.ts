/** ERP record -> Infoplus payload, driven by the profile. Pure: no I/O. */
import type { PushTouchpoint } from '../../contract/touchpoints.js';
import type { FieldMapping, FieldSpec, Profile, PushTouchpointProfile } from '../../profile/schema.js';
import { PUSH_MODELS } from '../../profile/touchpoint-models.js';
import { isPlainVendorNo } from '../vendor-number.js';
import { mapField, type FieldEnv } from './map-field.js';
import type {
  BuiltPayload,
  MappingContext,
  MappingProblem,
  PushSourceRecord,
  ResolveKind,
  SourceRow,
  TenantLookupList,
} from './types.js';

/** The push touchpoint's profile section, or an error naming what is missing. */
export function pushConfig(profile: Profile, tp: PushTouchpoint): PushTouchpointProfile {
  const cfg = profile.touchpoints[tp];
  if (!cfg || !('source' in cfg)) throw new Error(`The mapping profile has no section touchpoints.${tp}`);
  return cfg;
}

/** Builds the Infoplus payload of one ERP record; data and mapping problems are returned, not thrown. */
export function buildPayload(
  profile: Profile,
  tp: PushTouchpoint,
  rec: PushSourceRecord,
  ctx: MappingContext = {},
): BuiltPayload {
  const cfg = pushConfig(profile, tp);
  const info = PUSH_MODELS[tp];
  const env: FieldEnv = { zone: profile.timezone, lookups: profile.lookups ?? {}, ctx };
  const problems: MappingProblem[] = [];
  const payload: Record<string, unknown> = {};

  for (const f of info.fromDefaults) payload[f] = profile.infoplus[f];
  mapInto(payload, rec.header, cfg.fields, cfg.customFields, '', env, problems);

  if (info.lines && cfg.lines) {
    const lineCfg = cfg.lines;
    const lines = rec.lines.map((row, i) => {
      const line: Record<string, unknown> = {};
      for (const f of info.lineFromDefaults) line[f] = profile.infoplus[f];
      mapInto(line, row, lineCfg.fields, lineCfg.customFields, `${info.lines!.field}[${i}].`, env, problems);
      return line;
    });
    if (lines.length === 0) {
      problems.push({
        field: info.lines.field,
        message: `${tp} record ${rec.key} has no lines; Infoplus needs at least one`,
        category: 'erp-data',
      });
    }
    payload[info.lines.field] = lines;
  }
  return { key: rec.key, payload, problems };
}

function mapInto(
  target: Record<string, unknown>,
  row: SourceRow,
  fields: Readonly<Record<string, FieldSpec>>,
  customFields: Readonly<Record<string, FieldSpec>> | undefined,
  prefix: string,
  env: FieldEnv,
  problems: MappingProblem[],
): void {
  // for-in with hasOwn visits what Object.entries would, in the same order, without an array per record
  for (const name in fields) {
    if (!Object.hasOwn(fields, name)) continue;
    const r = mapField(row, fields[name]!, `${prefix}${name}`, env);
    if (r.problem) problems.push(r.problem);
    else if (r.value !== undefined) target[name] = r.value;
  }
  if (!customFields) return;
  const custom: Record<string, unknown> = {};
  for (const name in customFields) {
    if (!Object.hasOwn(customFields, name)) continue;
    const r = mapField(row, customFields[name]!, `${prefix}customFields.${name}`, env);
    if (r.problem) problems.push(r.problem);
    else if (r.value !== undefined) custom[name] = r.value;
  }
  if (Object.keys(custom).length > 0) target['customFields'] = custom;
}

/** The engine lookups a record needs (e.g. vendor numbers to resolve to Infoplus vendor ids), for prefetching. */
export function resolveRequests(
  profile: Profile,
  tp: PushTouchpoint,
  rec: PushSourceRecord,
): { kind: ResolveKind; value: string }[] {
  const cfg = pushConfig(profile, tp);
  const out = new Map<string, { kind: ResolveKind; value: string }>();
  const headerResolves = resolvingFields(cfg.fields);
  const lineResolves = resolvingFields(cfg.lines?.fields);
  const lists = tenantListsUsed(profile, cfg);
  // most touchpoints resolve nothing: skip the per-row work (this runs for every record of a full scan)
  if (headerResolves.length === 0 && lineResolves.length === 0 && lists.length === 0) return [];
  for (const list of lists) out.set(`tenantList:${list}`, { kind: 'tenantList', value: list });
  scanResolves(rec.header, headerResolves, profile, out);
  if (lineResolves.length > 0) for (const line of rec.lines) scanResolves(line, lineResolves, profile, out);
  return [...out.values()];
}

const tenantListCache = new WeakMap<object, TenantLookupList[]>();

/** The tenant lists (lookups with fromTenant) the touchpoint's field mappings use, once per profile section. */
function tenantListsUsed(profile: Profile, cfg: PushTouchpointProfile): TenantLookupList[] {
  let lists = tenantListCache.get(cfg);
  if (lists === undefined) {
    const found = new Set<TenantLookupList>();
    const scan = (fields: Readonly<Record<string, FieldSpec>> | undefined): void => {
      for (const spec of Object.values(fields ?? {})) {
        if (typeof spec === 'string' || spec.lookup === undefined) continue;
        const from = profile.lookups?.[spec.lookup]?.fromTenant;
        if (from !== undefined) found.add(from);
      }
    };
    scan(cfg.fields);
    scan(cfg.customFields);
    scan(cfg.lines?.fields);
    scan(cfg.lines?.customFields);
    tenantListCache.set(cfg, (lists = [...found]));
  }
  return lists;
}

type ResolvingField = readonly [name: string, spec: FieldMapping & { resolve: ResolveKind }];

/** Per field map (a profile is immutable once parsed): a full scan asks for every record. */
const resolvingCache = new WeakMap<object, ResolvingField[]>();

function resolvingFields(fields: Readonly<Record<string, FieldSpec>> | undefined): ResolvingField[] {
  if (fields === undefined) return [];
  let list = resolvingCache.get(fields);
  if (list === undefined) resolvingCache.set(fields, (list = findResolvingFields(fields)));
  return list;
}

function findResolvingFields(fields: Readonly<Record<string, FieldSpec>>): ResolvingField[] {
  const list: ResolvingField[] = [];
  // the common case (nothing to resolve) without building the entries array for every record
  let any = false;
  for (const name in fields) {
    const spec = fields[name];
    if (Object.hasOwn(fields, name) && typeof spec === 'object' && spec.resolve !== undefined) any = true;
  }
  if (!any) return list;
  for (const [name, spec] of Object.entries(fields ?? {})) {
    if (typeof spec === 'string' || spec.resolve === undefined) continue;
    list.push([name, spec as FieldMapping & { resolve: ResolveKind }]);
  }
  return list;
}

function scanResolves(
  row: SourceRow,
  fields: readonly ResolvingField[],
  profile: Profile,
  out: Map<string, { kind: ResolveKind; value: string }>,
): void {
  for (const [name, spec] of fields) {
    // map without the resolver: the value it would resolve is what we need
    const r = mapField(row, { ...spec, resolve: undefined, type: 'string', maxLength: undefined }, name, {
      zone: profile.timezone,
      lookups: profile.lookups ?? {},
      ctx: {},
    });
    // a plain whole-number vendor code needs no number from the engine (the mapping sends it as it is)
    if (r.value !== undefined && !(spec.resolve === 'vendorNumber' && isPlainVendorNo(String(r.value))))
      out.set(`${spec.resolve}:${String(r.value)}`, { kind: spec.resolve, value: String(r.value) });
  }
}
