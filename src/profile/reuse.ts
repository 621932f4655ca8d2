/**
 * Reuse in a profile (pure): `vars` (constants bound as @name in any statement) and one header query with a
 * `{{filter}}` placeholder that the engine fills for the watermark read and for the read by keys.
 *
 * `{{filter}}` is replaced by text the profile itself gives (source.filter.since / .keys, in parentheses) or by
 * `1 = 1`; values are never spliced into SQL: they stay bound parameters (@since, @keys, @vars), so the same
 * query works in SQL Server, PostgreSQL, MySQL/MariaDB and SQLite.
 */
import type { PushTouchpoint } from '../contract/touchpoints.js';
import type { ProfileProblem } from './problems.js';
import type { Profile, PushTouchpointProfile } from './schema.js';
import { sqlParamNames } from './sql-params.js';

/** The placeholder of the header query. */
export const FILTER_TOKEN = '{{filter}}';

/** Names the engine binds itself: a var may not take them. */
const RESERVED = new Set(['since', 'keys', 'key']);

/** The profile's vars as parameters (empty without any). */
export function varsOf(profile: Pick<Profile, 'vars'>): Readonly<Record<string, string | number>> {
  return profile.vars ?? {};
}

/** Problems of the vars themselves (reserved names). */
export function checkVars(profile: Profile): ProfileProblem[] {
  const out: ProfileProblem[] = [];
  for (const name of Object.keys(profile.vars ?? {})) {
    const low = name.toLowerCase();
    if (
      RESERVED.has(low) ||
      low.startsWith('line_') ||
      low.startsWith('customfields_') ||
      low.startsWith('keys_')
    )
      out.push({
        path: `vars.${name}`,
        message: `"${name}" is a parameter the engine binds itself (@since, @keys, @key, @line_..., @customFields_...); choose another name`,
      });
  }
  return out;
}

/** The var names some statement of the profile uses (SQL parameters or procedure args). */
export function usedVarNames(profile: Profile): Set<string> {
  const vars = new Set(Object.keys(profile.vars ?? {}));
  const used = new Set<string>();
  const scan = (sql: string | undefined): void => {
    if (!sql) return;
    for (const n of sqlParamNames(sql)) if (vars.has(n)) used.add(n);
  };
  for (const cfg of Object.values(profile.touchpoints)) {
    if (!cfg) continue;
    if ('source' in cfg) {
      const s = cfg.source;
      for (const sql of [s.header, s.headerByKeys, s.fingerprints, s.lines, s.flat]) scan(sql);
      for (const st of cfg.afterPush ?? []) if ('sql' in st) scan(st.sql);
      for (const st of cfg.afterPush ?? [])
        if ('args' in st) for (const a of st.args) if (vars.has(a)) used.add(a);
    } else {
      const wb = cfg.writeBack;
      for (const st of [...wb.record, ...(wb.lines?.statements ?? []), ...(wb.afterLines ?? [])]) {
        if ('sql' in st) scan(st.sql);
        else for (const a of st.args) if (vars.has(a)) used.add(a);
      }
    }
  }
  return used;
}

/** The vars no statement uses (`check` reports them). */
export function unusedVars(profile: Profile): string[] {
  const used = usedVarNames(profile);
  return Object.keys(profile.vars ?? {}).filter((n) => !used.has(n));
}

const occurrences = (text: string): number => text.split(FILTER_TOKEN).length - 1;

/**
 * Fills `{{filter}}` of one push touchpoint's header query: `header` gets the watermark condition (or 1 = 1
 * in hash mode), `headerByKeys` the keys condition. Problems name what to fix; the section is returned as it
 * was when there is any.
 */
export function expandFilter(
  tp: PushTouchpoint,
  cfg: PushTouchpointProfile,
): { cfg: PushTouchpointProfile; problems: ProfileProblem[] } {
  const problems: ProfileProblem[] = [];
  const add = (path: string, message: string): void => {
    problems.push({ path: `touchpoints.${tp}.source.${path}`, message });
  };
  const src = cfg.source;
  const filter = src.filter;
  const inHeader = src.header ? occurrences(src.header) : 0;
  for (const part of ['flat', 'headerByKeys', 'lines', 'fingerprints'] as const) {
    if (src[part]?.includes(FILTER_TOKEN))
      add(part, `${FILTER_TOKEN} is filled in source.header only; write this query's condition out`);
  }
  if (inHeader === 0) {
    if (filter)
      add(
        'filter',
        `the header query has no ${FILTER_TOKEN}: write WHERE ${FILTER_TOKEN} where the engine fills in the condition`,
      );
    return { cfg, problems };
  }
  if (inHeader > 1) add('header', `${FILTER_TOKEN} may appear once (found ${inHeader} times)`);
  if (!filter) {
    add(
      'header',
      `${FILTER_TOKEN} needs source.filter: since (watermark mode, e.g. "o.updated_at >= @since") and keys (e.g. "o.order_no IN (@keys)")`,
    );
    return { cfg, problems };
  }
  const watermark = cfg.changeDetection.mode === 'watermark';
  if (watermark && !filter.since)
    add(
      'filter.since',
      'required in watermark mode: the condition for changed rows, e.g. "o.updated_at >= @since"',
    );
  if (!watermark && filter.since)
    add('filter.since', 'read only in watermark mode (hash mode reads every record); remove it');
  if (filter.since && !sqlParamNames(filter.since).has('since'))
    add('filter.since', 'must compare with @since, e.g. "o.updated_at >= @since"');
  if (filter.keys && !sqlParamNames(filter.keys).has('keys'))
    add('filter.keys', 'must select the given records with IN (@keys), e.g. "o.order_no IN (@keys)"');
  if (filter.keys && src.headerByKeys)
    add('filter.keys', 'filter.keys makes the headerByKeys query from the header query; remove one of them');
  if (problems.length > 0) return { cfg, problems };
  const header = src.header!;
  const fill = (cond: string): string => header.replace(FILTER_TOKEN, () => `(${cond})`);
  const { filter: _filter, ...rest } = src;
  const source = {
    ...rest,
    header: fill(watermark ? filter.since! : '1 = 1'),
    ...(filter.keys ? { headerByKeys: fill(filter.keys) } : {}),
  };
  return { cfg: { ...cfg, source }, problems };
}
