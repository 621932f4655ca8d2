/** `check`: every tenant id an item mapping can send (constants and lookup values) exists in the tenant. */
import { describeList, TENANT_ID_FIELDS, type TenantLists } from '../infoplus/tenant-lists.js';
import type { CheckProblem } from './probe-erp.js';
import type { Profile } from '../profile/schema.js';

/** The constant or lookup values a field mapping can produce; null when they come from ERP data. */
function possibleValues(profile: Profile, spec: unknown): unknown[] | null {
  if (spec === undefined || typeof spec === 'string') return null;
  const m = spec as { const?: unknown; lookup?: string; default?: unknown };
  if (m.const !== undefined) return [m.const];
  if (m.lookup !== undefined) {
    const table = profile.lookups?.[m.lookup];
    if (!table) return null;
    return [...Object.values(table.values ?? {}), ...(table.default !== undefined ? [table.default] : [])];
  }
  return m.default !== undefined ? [m.default] : null;
}

/** Problems with the items touchpoint's tenant ids; `notes` gets what was verified. */
export function checkTenantIds(profile: Profile, lists: TenantLists, notes: string[]): CheckProblem[] {
  const items = profile.touchpoints.items;
  if (!items || items.enabled === false) return [];
  const fields = (items as { fields?: Record<string, unknown> }).fields ?? {};
  const out: CheckProblem[] = [];
  for (const { field, list, label } of TENANT_ID_FIELDS) {
    const path = `touchpoints.items.fields.${field}`;
    const known = lists[list];
    if ('error' in known) {
      out.push({
        path,
        message: `could not list the tenant's ${label}s to verify it: ${known.error}`,
        severity: 'warning',
      });
      continue;
    }
    const spec = fields[field];
    if (spec === undefined) {
      out.push({
        path,
        message: `required by Infoplus: map it to one of the tenant's ${label} ids: ${describeList(known)}`,
        severity: 'error',
      });
      continue;
    }
    const values = possibleValues(profile, spec);
    if (values === null) {
      notes.push(`Infoplus: ${field} comes from ERP data; each value must be one of ${describeList(known)}`);
      continue;
    }
    const ids = new Set(known.map((e) => e.id));
    const bad = values.filter((v) => !ids.has(Number(v)));
    if (bad.length > 0) {
      out.push({
        path,
        message: `${bad.map(String).join(', ')} ${bad.length > 1 ? 'are' : 'is'} not the id of any ${label} of this tenant; pick one of ${describeList(known)}`,
        severity: 'error',
      });
    } else notes.push(`Infoplus: ${field} ${values.map(String).join(', ')} exists in the tenant`);
  }
  return out;
}
