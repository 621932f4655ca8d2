/**
 * Item receipts: Infoplus ItemReceipt rows -> the ERP's purchase orders. Each row is written with the ASN line
 * it belongs to (pull-receipt-lines.ts).
 */
import type { ReadableResource } from '../../infoplus/index.js';
import { receiptUnits } from '../pull-receipt-lines.js';
import { definePull } from './define.js';
import type { PulledRecord } from './types.js';

const resource = 'itemReceipt';

export const itemReceipts = definePull('item-receipts', {
  resource,
  cursor: 'modify-date',
  records: (c) => c[resource] as unknown as ReadableResource<PulledRecord>,
  units: async (c, lobId, records) => {
    const rows = await receiptUnits(c, lobId, records);
    return new Map([...rows].map(([id, row]) => [id, [row]]));
  },
  erpSide: { field: 'poNo', one: 'ERP purchase order', many: 'ERP purchase orders' },
});
