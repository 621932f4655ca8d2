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

/** Things only the engine can answer, e.g. the Infoplus vendor id of an ERP vendor number. */
export type ResolveKind = 'infoplusVendorId';

/** Context the engine passes to buildPayload. */
export interface MappingContext {
  /** Returns the resolved value, or undefined when it is not known (yet). Must be synchronous: prefetch. */
  readonly resolve?: (kind: ResolveKind, value: string) => number | string | undefined;
}

/** The Infoplus payload built from one record. */
export interface BuiltPayload {
  readonly key: string;
  readonly payload: Record<string, unknown>;
  readonly problems: readonly MappingProblem[];
}
