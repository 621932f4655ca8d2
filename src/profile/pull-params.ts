/**
 * Parameters the engine adds to a pulled record before its write-back runs (beside the Infoplus model's own
 * fields): the single description used by profile validation, `check`'s write-back probe and the generated
 * parameter reference of src/profile/README.md.
 */
import type { PullTouchpoint } from '../contract/touchpoints.js';

/** One engine-added parameter. */
export interface EngineParam {
  readonly name: string;
  readonly type: string;
  readonly description: string;
}

/** An array the engine adds to a record, usable as `writeBack.lines.from`, and the model of its elements. */
export interface EngineLineSource {
  readonly from: string;
  readonly model: string;
  readonly description: string;
  /** Fields the engine adds to each element beside the model's. */
  readonly extra: readonly EngineParam[];
}

const ERP_KEY: EngineParam = {
  name: 'erpKey',
  type: 'string',
  description: 'The ERP record the Infoplus record belongs to, when the engine knows it (else NULL)',
};

/** Engine-added record parameters per pull touchpoint. */
export const ENGINE_RECORD_PARAMS: Readonly<Record<PullTouchpoint, readonly EngineParam[]>> = {
  shipments: [
    ERP_KEY,
    {
      name: 'orderNo',
      type: 'decimal',
      description:
        'Replaced by the ERP order this write-back is for: the first order of its customerOrderNo family (a ' +
        'back-order child such as 1005.001 is credited to 1005). A shipment of several orders (orderNoList) ' +
        'is written once per order.',
    },
    {
      name: 'shipmentOrderNo',
      type: 'decimal',
      description: 'The order number as the shipment names it (a back-order child, or one of orderNoList)',
    },
    {
      name: 'customerOrderNo',
      type: 'string',
      description:
        'The ERP order number (customerOrderNo of the Infoplus order), NULL when Infoplus has no such order',
    },
    {
      name: 'isShipped',
      type: 'integer',
      description:
        '1 only when the carton has left: shipped is true, or status is Shipped/Delivered; 0 for a label row ' +
        '(shipped false, printed before the order ships)',
    },
    {
      name: 'unitIndex',
      type: 'integer',
      description:
        '0 when writing the first ERP order of the shipment, 1 for the second... (once-per-shipment rows)',
    },
    {
      name: 'orderLines',
      type: 'OrderLine[]',
      description: 'The lines of the ERP order (see lines.from: orderLines); as a parameter, JSON text',
    },
  ],
  'item-receipts': [
    ERP_KEY,
    {
      name: 'asnLineId',
      type: 'integer',
      description:
        'The Infoplus ASN line this receipt row belongs to: asnLine, or the row id when the row is the line itself',
    },
    {
      name: 'asnLineIndex',
      type: 'integer',
      description:
        'Position of that ASN line among the lines of its ASN with the same SKU (0 = first), in line id order: ' +
        'the n-th such line is the n-th ERP purchase order line of the SKU',
    },
  ],
  'inventory-adjustments': [ERP_KEY],
};

/** Engine-added line sources per pull touchpoint. */
export const ENGINE_LINE_SOURCES: Readonly<Record<PullTouchpoint, readonly EngineLineSource[]>> = {
  shipments: [
    {
      from: 'orderLines',
      model: 'OrderLine',
      description:
        "Infoplus's lines of the ERP order (orderLine / the order's lineItems), one element per line, keyed by " +
        'the Infoplus line id (@line_id, @line_lineItemId). @line_shippedQty is the quantity shipped on that ' +
        'line so far, back-order children included: write it, never add it up.',
      extra: [
        {
          name: 'shippedQty',
          type: 'integer',
          description: 'Shipped so far on this line, including the back-order child lines credited to it',
        },
        {
          name: 'lineIndex',
          type: 'integer',
          description: 'Position of the line among the order lines of its SKU (0 = first), in line id order',
        },
      ],
    },
  ],
  'item-receipts': [],
  'inventory-adjustments': [],
};

/** The engine line source named by `from`, if any. */
export function engineLineSource(tp: PullTouchpoint, from: string): EngineLineSource | undefined {
  return ENGINE_LINE_SOURCES[tp].find((s) => s.from === from);
}
