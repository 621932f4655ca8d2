/**
 * The tenant's own lists an item must reference by id (API.md §12: majorGroupId, subGroupId and
 * receivingCriteriaSchemeId are ids of account records): loaded from Infoplus so Settings can offer them and
 * `check` can verify a profile's ids, instead of anyone typing or inventing a number.
 */
import type { InfoplusClient, ReadableResource } from './types.js';

/** One entry of a list: the id an item sends, and a name people recognise. */
export interface TenantListEntry {
  readonly id: number;
  readonly name: string;
}

/** The item fields that take a tenant id, the resource listing the ids, and the field holding the id. */
export const TENANT_ID_FIELDS = [
  { field: 'majorGroupId', list: 'itemCategories', label: 'item category' },
  { field: 'subGroupId', list: 'itemSubCategories', label: 'item sub-category' },
  {
    field: 'receivingCriteriaSchemeId',
    list: 'receivingCriteriaSchemes',
    label: 'receiving criteria scheme',
  },
] as const;

/** Name of one list. */
export type TenantListName = (typeof TENANT_ID_FIELDS)[number]['list'];

/** Every list, or for each list the reason it could not be read. */
export type TenantLists = {
  readonly [L in TenantListName]: readonly TenantListEntry[] | { readonly error: string };
};

async function readAll(
  resource: ReadableResource<Record<string, unknown>>,
  idField: string,
  lobId: number | undefined,
): Promise<TenantListEntry[]> {
  const out: TenantListEntry[] = [];
  for await (const row of resource.iterate({ sort: idField })) {
    const id = row[idField];
    if (typeof id !== 'number') continue;
    if (lobId !== undefined && typeof row.lobId === 'number' && row.lobId !== lobId) continue;
    const code = typeof row.id === 'string' ? `${row.id} ` : '';
    out.push({ id, name: `${code}${typeof row.name === 'string' ? row.name : ''}`.trim() });
  }
  return out;
}

/** Loads the lists (of one line of business when given). A list that cannot be read says why. */
export async function loadTenantLists(client: InfoplusClient, lobId?: number): Promise<TenantLists> {
  const one = async (
    resource: ReadableResource<Record<string, unknown>>,
    idField: string,
  ): Promise<readonly TenantListEntry[] | { error: string }> => {
    try {
      return await readAll(resource, idField, lobId);
    } catch (e) {
      return { error: (e as Error).message };
    }
  };
  const as = (r: unknown): ReadableResource<Record<string, unknown>> =>
    r as ReadableResource<Record<string, unknown>>;
  return {
    // Item categories are keyed by their numeric internalId (their `id` is a short code).
    itemCategories: await one(as(client.itemCategory), 'internalId'),
    itemSubCategories: await one(as(client.itemSubCategory), 'internalId'),
    receivingCriteriaSchemes: await one(as(client.receivingCriteriaScheme), 'id'),
  };
}

/** `1 General, 2 Parts` (first few), for messages that help pick a value. */
export function describeList(list: readonly TenantListEntry[]): string {
  const shown = list.slice(0, 8).map((e) => `${e.id}${e.name ? ` (${e.name})` : ''}`);
  return list.length === 0
    ? 'none'
    : shown.join(', ') + (list.length > 8 ? ` and ${list.length - 8} more` : '');
}

/** One entry of a list a profile lookup can load (lookups.<name>.fromTenant): its id and the names it matches. */
export interface LookupListEntry {
  readonly id: number;
  readonly names: readonly string[];
}

/**
 * The tenant's warehouses (id; name, address) or carriers (carrier number; label, SCAC), for profile lookups
 * that translate an ERP code into the tenant's id.
 */
export async function loadLookupList(
  client: InfoplusClient,
  list: 'warehouses' | 'carriers',
): Promise<LookupListEntry[]> {
  const out: LookupListEntry[] = [];
  const text = (v: unknown): string[] => (typeof v === 'string' && v.trim() !== '' ? [v.trim()] : []);
  if (list === 'warehouses') {
    for await (const w of client.warehouse.iterate({ sort: 'id' })) {
      if (typeof w.id === 'number') out.push({ id: w.id, names: [...text(w.name), ...text(w.address)] });
    }
  } else {
    for await (const c of client.carrier.iterate({ sort: 'carrier' })) {
      if (typeof c.carrier === 'number')
        out.push({ id: c.carrier, names: [...text(c.label), ...text(c.scac)] });
    }
  }
  return out;
}
