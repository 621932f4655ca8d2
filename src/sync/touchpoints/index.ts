/**
 * The touchpoint registry: one definition per touchpoint (src/sync/touchpoints/<name>.ts). Jobs, dry run,
 * preview, reconcile and `check` read a touchpoint's facts and operations from here. A contract touchpoint
 * without a definition does not compile (the tables are keyed by the contract's names).
 */
import type { PullTouchpoint, PushTouchpoint, TouchpointName } from '../../contract/index.js';
import { isPushTouchpoint } from '../../contract/index.js';
import { asns } from './asns.js';
import { inventoryAdjustments } from './inventory-adjustments.js';
import { itemReceipts } from './item-receipts.js';
import { items } from './items.js';
import { orders } from './orders.js';
import { shipments } from './shipments.js';
import type { PullTouchpointDefinition, PushTouchpointDefinition, TouchpointDefinition } from './types.js';
import { vendors } from './vendors.js';

export type {
  ErpSide,
  PulledRecord,
  PullTouchpointDefinition,
  PushTouchpointDefinition,
  TouchpointDefinition,
} from './types.js';

/** Push touchpoints (ERP -> Infoplus). */
export const PUSH_DEFINITIONS: Readonly<Record<PushTouchpoint, PushTouchpointDefinition>> = {
  vendors,
  items,
  asns,
  orders,
};

/** Pull touchpoints (Infoplus -> ERP). */
export const PULL_DEFINITIONS: Readonly<Record<PullTouchpoint, PullTouchpointDefinition>> = {
  shipments,
  'item-receipts': itemReceipts,
  'inventory-adjustments': inventoryAdjustments,
};

/** The definition of any touchpoint. */
export function definitionOf(tp: TouchpointName): TouchpointDefinition {
  return isPushTouchpoint(tp) ? PUSH_DEFINITIONS[tp] : PULL_DEFINITIONS[tp];
}
