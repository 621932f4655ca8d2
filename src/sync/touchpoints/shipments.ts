/**
 * Shipments: Infoplus Shipment -> the ERP's sales orders. A shipment carries no lines, so each one is written
 * once per ERP order it names, with that order's lines (pull-shipment-orders.ts).
 */
import type { ReadableResource } from '../../infoplus/index.js';
import { shipmentUnits } from '../pull-shipment-orders.js';
import { definePull } from './define.js';
import type { PulledRecord } from './types.js';

const resource = 'shipment';

export const shipments = definePull('shipments', {
  resource,
  cursor: 'modify-date',
  records: (c) => c[resource] as unknown as ReadableResource<PulledRecord>,
  units: (c, lobId, records) => shipmentUnits(c, lobId, records),
  erpSide: { field: 'customerOrderNo', one: 'ERP order', many: 'ERP orders' },
});
