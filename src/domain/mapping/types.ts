/** Shapes shared by the pure mapping functions and the ERP reader. */

/** One ERP result row keyed by column name. */
export type SourceRow = Readonly<Record<string, unknown>>;

/** One push record as read from the ERP: its header row, its line rows and its change time. */
export interface PushSourceRecord {
  /** The ERP key as text (order id, PO number, SKU, vendor number). */
  readonly key: string;
  readonly header: SourceRow;
  readonly lines: readonly SourceRow[];
  /** Watermark column value as an instant (watermark mode), else null. */
  readonly watermark: Date | null;
  /** The fingerprint column's value as text (changeDetection.fingerprint), null when not configured or empty. */
  readonly fingerprint?: string | null;
  /**
   * Set when the reader found the record's fingerprint unchanged in the journal and so read no lines: the
   * record must be counted unchanged, never built into a payload.
   */
  readonly unchangedByFingerprint?: true;
}

/** What is wrong with one record's data or mapping; the record goes to the error inbox. */
export interface MappingProblem {
  /** Infoplus field path, e.g. `orderDate` or `lineItems[2].orderedQty`. */
  readonly field: string;
  readonly message: string;
  /** ERP column the value came from. */
  readonly column?: string;
  /** erp-data: an ERP user must fix the record; mapping: an admin must fix the profile. */
  readonly category: 'erp-data' | 'mapping';
}

/**
 * Things only the engine can answer: the Infoplus vendor id of an ERP vendor code, the stable whole vendor
 * number of an ERP vendor code (vendorNumber), and (tenantList, value = the list's name) a tenant list to load.
 */
export type ResolveKind = 'infoplusVendorId' | 'vendorNumber' | 'tenantList';

/** Names of the tenant lists a lookup table can be loaded from (lookups.<name>.fromTenant). */
export type TenantLookupList = 'warehouses' | 'carriers';

/** One entry of a tenant list: the id a payload sends and the names an ERP code may match (any case). */
export interface TenantLookupEntry {
  readonly id: number;
  readonly names: readonly string[];
}

/** Context the engine passes to buildPayload. */
export interface MappingContext {
  /** Returns the resolved value, or undefined when it is not known (yet). Must be synchronous: prefetch. */
  readonly resolve?: (kind: ResolveKind, value: string) => number | string | undefined;
  /**
   * A tenant list loaded by the engine (prefetched through resolveRequests), or a string saying why it could
   * not be loaded; left out where Infoplus cannot be asked.
   */
  readonly tenantList?: (list: TenantLookupList) => readonly TenantLookupEntry[] | string | undefined;
  /** Set where Infoplus is not asked (check's sample): every tenant code is taken as found, with this id. */
  readonly tenantStandIn?: number;
}

/** The Infoplus payload built from one record. */
export interface BuiltPayload {
  readonly key: string;
  readonly payload: Record<string, unknown>;
  readonly problems: readonly MappingProblem[];
}
