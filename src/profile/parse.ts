/** Reading a mapping profile: YAML/JSON text -> validated, normalized Profile, or a ProfileError naming each field. */
import { readFile } from 'node:fs/promises';
import { parseDocument } from 'yaml';
import {
  isPushTouchpoint,
  TOUCHPOINTS,
  type PullTouchpoint,
  type PushTouchpoint,
} from '../contract/touchpoints.js';
import { cronProblem } from '../contract/cron.js';
import { isValidTimeZone } from './cron.js';
import { writeBackDdlProblems } from './ddl-guard.js';
import { INFOPLUS_MODELS } from './infoplus-models.js';
import { issuesToProblems, ProfileError, type ProfileProblem } from './problems.js';
import {
  profileSchema,
  type FieldMapping,
  type FieldSpec,
  type Profile,
  type PullTouchpointProfile,
  type PushTouchpointProfile,
} from './schema.js';
import { PUSH_MODELS, valueKind, type ModelTable } from './touchpoint-models.js';
import { checkVars, expandFilter } from './reuse.js';
import { checkPullTouchpoint, checkPushTouchpoint } from './validate-touchpoint.js';

const SECRET_KEYS = /^(password|passwd|pwd|apikey|api_key|api-key|secret|token|clientsecret)$/i;

/** Options for validation; `models` defaults to the generated Infoplus model table. */
export interface ParseOptions {
  readonly models?: ModelTable;
}

/** Parses and validates profile text (YAML or JSON). Throws ProfileError listing every problem. */
export function parseProfile(text: string, origin?: string, opts: ParseOptions = {}): Profile {
  const doc = parseDocument(text, { prettyErrors: false });
  if (doc.errors.length > 0) {
    throw new ProfileError(
      doc.errors.map((e) => ({
        path: '',
        message: `not valid YAML/JSON: ${e.message.split('\n')[0] ?? ''}`,
      })),
      origin,
    );
  }
  return validateProfile(doc.toJS() as unknown, origin, opts);
}

/** Reads and parses a profile file. */
export async function loadProfile(file: string, opts: ParseOptions = {}): Promise<Profile> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new ProfileError([{ path: '', message: unreadableProfile(file, error) }], file);
  }
  return parseProfile(text, file, opts);
}

const READ_FAILURES: Readonly<Record<string, string>> = {
  ENOENT: 'file not found',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a folder, not a file',
  ENOTDIR: 'a part of the path is not a folder',
};

/** Why a profile file cannot be read, in plain words (the same for `check`, `run` and the app). */
export function unreadableProfile(file: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  const why = code ? READ_FAILURES[code] : undefined;
  return `cannot read ${file}${why ? `: ${why}` : ''}${code ? ` (${code})` : ''}`;
}

/** Validates an already-parsed document and returns the normalized profile. */
export function validateProfile(input: unknown, origin?: string, opts: ParseOptions = {}): Profile {
  const models = opts.models ?? INFOPLUS_MODELS;
  const secretProblems: ProfileProblem[] = [];
  const cleaned = stripSecrets(input, [], secretProblems);
  const parsed = profileSchema.safeParse(cleaned, { reportInput: true });
  if (!parsed.success)
    throw new ProfileError([...secretProblems, ...issuesToProblems(parsed.error.issues)], origin);
  const { profile, problems: reuseProblems } = withFilledQueries(parsed.data);
  // a query whose {{filter}} could not be filled would only add noise to the checks below
  if (reuseProblems.length > 0) throw new ProfileError([...secretProblems, ...reuseProblems], origin);
  const problems = [...secretProblems, ...checkVars(profile), ...semanticProblems(profile, models)];
  if (problems.length > 0) throw new ProfileError(problems, origin);
  return normalize(profile, models);
}

/** The profile with each header query's {{filter}} filled in (reuse.ts), and the problems of the filters. */
function withFilledQueries(profile: Profile): { profile: Profile; problems: ProfileProblem[] } {
  const problems: ProfileProblem[] = [];
  const touchpoints: Profile['touchpoints'] = { ...profile.touchpoints };
  for (const tp of Object.keys(PUSH_MODELS) as PushTouchpoint[]) {
    const cfg = touchpoints[tp];
    if (!cfg || !('source' in cfg)) continue;
    const filled = expandFilter(tp, cfg);
    problems.push(...filled.problems);
    touchpoints[tp] = filled.cfg;
  }
  return { profile: { ...profile, touchpoints }, problems };
}

// Secrets are reported (never echoed) and removed so zod does not report them a second time.
function stripSecrets(value: unknown, path: string[], out: ProfileProblem[]): unknown {
  if (Array.isArray(value)) return value.map((v, i) => stripSecrets(v, [...path, String(i)], out));
  if (value === null || typeof value !== 'object') return value;
  const result: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    const here = [...path, key];
    if (SECRET_KEYS.test(key) && (typeof v === 'string' || typeof v === 'number')) {
      const env = /key|token/i.test(key)
        ? 'apiKeyEnv (default INFOPLUS_API_KEY)'
        : 'passwordEnv (default ERP_PASSWORD)';
      out.push({
        path: here.join('.'),
        message: `secrets never live in a profile: remove "${key}" and put the value in the environment variable named by ${env}, or in the app's secret store`,
      });
      continue;
    }
    if (key === 'url' && typeof v === 'string' && /^[a-z][a-z0-9+.-]*:\/\/[^/@\s]*:[^/@\s]+@/i.test(v)) {
      out.push({
        path: here.join('.'),
        message: 'the URL contains a password; remove it from the URL and use passwordEnv',
      });
      result[key] = v.replace(/^([a-z][a-z0-9+.-]*:\/\/[^/@\s:]*):[^/@\s]+@/i, '$1@');
      continue;
    }
    result[key] = stripSecrets(v, here, out);
  }
  return result;
}

function semanticProblems(profile: Profile, models: ModelTable): ProfileProblem[] {
  const out: ProfileProblem[] = [];
  if (!isValidTimeZone(profile.timezone)) {
    out.push({
      path: 'timezone',
      message: `"${profile.timezone}" is not an IANA time zone; write e.g. America/Chicago or Europe/Berlin`,
    });
  }
  const inf = profile.connections?.infoplus;
  if (inf && !inf.domain && !inf.baseUrl)
    out.push({
      path: 'connections.infoplus.domain',
      message: 'required: set domain (tenant name) or baseUrl',
    });
  if (inf?.domain && inf.baseUrl)
    out.push({ path: 'connections.infoplus.baseUrl', message: 'set either domain or baseUrl, not both' });
  const erp = profile.connections?.erp;
  if (erp && erp.driver !== 'sqlserver' && !erp.url)
    out.push({ path: 'connections.erp.url', message: `required for ${erp.driver}` });
  if (erp?.driver === 'sqlserver' && !erp.url && !erp.server) {
    out.push({
      path: 'connections.erp.server',
      message: 'required: set server (host or host\\instance) or url',
    });
  }
  for (const tp of TOUCHPOINTS) {
    const cfg = profile.touchpoints[tp];
    if (!cfg) continue;
    if (cfg.schedule && 'cron' in cfg.schedule) {
      const p = cronProblem(cfg.schedule.cron);
      if (p) out.push({ path: `touchpoints.${tp}.schedule.cron`, message: p });
    }
    if (cfg.schedule && 'continuous' in cfg.schedule) {
      const p = continuousProblem(cfg);
      if (p) out.push({ path: `touchpoints.${tp}.schedule.continuous`, message: p });
    }
    if (isPushTouchpoint(tp)) {
      if (!('source' in cfg)) continue;
      out.push(...checkPushTouchpoint(profile, tp, cfg, models));
    } else if ('writeBack' in cfg) {
      out.push(...checkPullTouchpoint(profile, tp as PullTouchpoint, cfg, models));
    }
  }
  out.push(...writeBackDdlProblems(profile.touchpoints));
  return out;
}

// Field shorthands become objects; missing types are taken from the Infoplus model.
function normalize(profile: Profile, models: ModelTable): Profile {
  const touchpoints: Profile['touchpoints'] = { ...profile.touchpoints };
  for (const tp of Object.keys(PUSH_MODELS) as PushTouchpoint[]) {
    const cfg = touchpoints[tp];
    if (!cfg || !('source' in cfg)) continue;
    const info = PUSH_MODELS[tp];
    const next: PushTouchpointProfile = { ...cfg, fields: typed(cfg.fields, models[info.model]) };
    if (cfg.customFields) next.customFields = typed(cfg.customFields, undefined);
    if (cfg.lines && info.lines) {
      next.lines = { ...cfg.lines, fields: typed(cfg.lines.fields, models[info.lines.model]) };
      if (cfg.lines.customFields) next.lines.customFields = typed(cfg.lines.customFields, undefined);
    }
    touchpoints[tp] = next;
  }
  return { ...profile, touchpoints };
}

function typed(
  fields: Readonly<Record<string, FieldSpec>>,
  model: ModelTable[string] | undefined,
): Record<string, FieldMapping> {
  const out: Record<string, FieldMapping> = {};
  for (const [name, spec] of Object.entries(fields)) {
    const m: FieldMapping = typeof spec === 'string' ? { column: spec } : { ...spec };
    if (m.type === undefined && model?.[name]) {
      const kind = valueKind(model[name]);
      if (kind !== 'other') m.type = kind;
    }
    if (m.required === undefined && model?.[name]?.required) m.required = true;
    out[name] = m;
  }
  return out;
}

/** Why a touchpoint cannot be checked for changes cheaply (continuous schedule), or null. */
function continuousProblem(cfg: PushTouchpointProfile | PullTouchpointProfile): string | null {
  if (!('source' in cfg)) {
    return 'continuous runs are for push touchpoints; schedule pulls with cron or intervalMinutes';
  }
  const cd = cfg.changeDetection;
  if (cd.mode === 'watermark' || cd.fingerprint !== undefined) return null;
  return 'continuous runs need a cheap change check: set changeDetection.mode: watermark, or a changeDetection.fingerprint column';
}
