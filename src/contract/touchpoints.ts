/** The seven touchpoints, in dependency order: vendors and items are pushed before the ASNs and orders that use them. */
export const PUSH_TOUCHPOINTS = ['vendors', 'items', 'asns', 'orders'] as const;
/** Touchpoints that poll Infoplus and write back into the ERP. */
export const PULL_TOUCHPOINTS = ['shipments', 'item-receipts', 'inventory-adjustments'] as const;
/** Every touchpoint, pushes first (dependency order), then pulls. */
export const TOUCHPOINTS = [...PUSH_TOUCHPOINTS, ...PULL_TOUCHPOINTS] as const;

export type PushTouchpoint = (typeof PUSH_TOUCHPOINTS)[number];
export type PullTouchpoint = (typeof PULL_TOUCHPOINTS)[number];
export type TouchpointName = (typeof TOUCHPOINTS)[number];

/** Human labels for the UI and for messages. */
export const TOUCHPOINT_LABELS: Readonly<Record<TouchpointName, string>> = {
  vendors: 'Vendors',
  items: 'Items',
  asns: 'Purchase orders → ASNs',
  orders: 'Sales orders → Orders',
  shipments: 'Shipments',
  'item-receipts': 'Item receipts',
  'inventory-adjustments': 'Inventory adjustments',
};

/**
 * What each touchpoint needs in Infoplus first: an ASN names its vendor and items, an order names its items.
 * Any run of a touchpoint first brings these up to date.
 */
export const TOUCHPOINT_DEPENDENCIES: Readonly<Record<TouchpointName, readonly TouchpointName[]>> = {
  vendors: [],
  items: [],
  asns: ['vendors', 'items'],
  orders: ['items'],
  shipments: [],
  'item-receipts': [],
  'inventory-adjustments': [],
};

/** True when the name is one of the seven touchpoints. */
export function isTouchpoint(name: string): name is TouchpointName {
  return (TOUCHPOINTS as readonly string[]).includes(name);
}

/** True for a push (ERP -> Infoplus) touchpoint. */
export function isPushTouchpoint(name: TouchpointName): name is PushTouchpoint {
  return (PUSH_TOUCHPOINTS as readonly string[]).includes(name);
}
