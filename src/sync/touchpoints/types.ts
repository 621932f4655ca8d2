/**
 * What one touchpoint definition says (src/sync/touchpoints/<name>.ts). The facts lower layers need are stated
 * once in their own table and only read here: the name, display name and dependencies in src/contract
 * (touchpoints.ts), the Infoplus model, key field, lines and required fields in src/profile
 * (touchpoint-models.ts), the id field of each Infoplus resource in src/infoplus (wire-format.ts RESOURCE_KEY).
 */
import type { PullTouchpoint, PushTouchpoint, TouchpointName } from '../../contract/index.js';
import type { CursorKind } from '../../domain/cursor.js';
import type {
  InfoplusClient,
  ReadableResource,
  ResourceKeyField,
  ResourcePath,
} from '../../infoplus/index.js';
import type { PullModelInfo, PushModelInfo } from '../../profile/touchpoint-models.js';
import type { PushResource } from '../push-resources.js';

/** A record as a pull reads it from Infoplus. */
export type PulledRecord = { id: number; modifyDate?: string | null } & Record<string, unknown>;

/** The facts every touchpoint definition carries. */
interface TouchpointFacts {
  /** The contract's name (src/contract/touchpoints.ts). */
  readonly name: TouchpointName;
  /** The contract's display name ("Sales orders → Orders"). */
  readonly displayName: string;
  /** Touchpoints brought up to date before this one runs (the contract's TOUCHPOINT_DEPENDENCIES). */
  readonly dependsOn: readonly TouchpointName[];
  /** The Infoplus REST resource (`/{version}/{resource}`). */
  readonly resource: ResourcePath;
  /** Infoplus field carrying the record's own id: RESOURCE_KEY of the resource (orderNo for orders, else id). */
  readonly idField: ResourceKeyField;
}

/** A push touchpoint (ERP -> Infoplus): the profile's model facts, and create/update/lookup/list. */
export interface PushTouchpointDefinition extends TouchpointFacts, PushModelInfo, PushResource {
  readonly direction: 'push';
  readonly name: PushTouchpoint;
  readonly idField: ResourceKeyField;
}

/** The operations and facts a push touchpoint file states itself (the rest comes from the lower tables). */
export type PushOwnFacts = Omit<PushResource, 'keyField' | 'idField'> & { readonly resource: ResourcePath };

/** The field of a write-back unit that names the ERP record, and how that record is called. */
export interface ErpSide {
  readonly field: string;
  readonly one: string;
  readonly many: string;
}

/** A pull touchpoint (Infoplus -> ERP): how its records are searched, its cursor, what the ERP side is. */
export interface PullTouchpointDefinition extends TouchpointFacts, PullModelInfo {
  readonly direction: 'pull';
  readonly name: PullTouchpoint;
  /** How the pull keeps its place: `modify-date` (with id ties), or `id` when the model has no modifyDate. */
  readonly cursor: CursorKind;
  /** The search (and get by id) of this touchpoint's records. */
  records(client: InfoplusClient): ReadableResource<PulledRecord>;
  /**
   * What the engine adds before the write-back (see src/profile/pull-params.ts): the write-back units of each
   * record by its id; a record missing from the map is written as it is. Absent: every record is one unit.
   */
  units?(
    client: InfoplusClient,
    lobId: number,
    records: readonly PulledRecord[],
  ): Promise<ReadonlyMap<unknown, readonly object[]>>;
  /** Which field of a written unit names the ERP record, for the run history. */
  readonly erpSide: ErpSide;
}

/** The operations and facts a pull touchpoint file states itself. */
export type PullOwnFacts = Pick<
  PullTouchpointDefinition,
  'resource' | 'cursor' | 'records' | 'units' | 'erpSide'
>;

/** Either kind of definition. */
export type TouchpointDefinition = PushTouchpointDefinition | PullTouchpointDefinition;
