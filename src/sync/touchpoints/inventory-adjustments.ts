/** Inventory adjustments: Infoplus InventoryAdjustment -> the ERP's items. The model has no modifyDate: id cursor. */
import type { ReadableResource } from '../../infoplus/index.js';
import { definePull } from './define.js';
import type { PulledRecord } from './types.js';

const resource = 'inventoryAdjustment';

export const inventoryAdjustments = definePull('inventory-adjustments', {
  resource,
  cursor: 'id',
  records: (c) => c[resource] as unknown as ReadableResource<PulledRecord>,
  erpSide: { field: 'sku', one: 'item', many: 'items' },
});
