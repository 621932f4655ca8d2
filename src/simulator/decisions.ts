/**
 * The ONE place that says which Infoplus behaviours of the simulator are EVIDENCE (settled by Infoplus's own
 * material, API.md §12: the five generated clients and the KB) and which are CHOICES (unconfirmed; API.md
 * labels them "unconfirmed" or "inference"). Every choice that a client could plausibly meet the other way
 * is a VARIANT (table `VARIANTS` below): the simulator can be started under each value, the default is the
 * strictest reading, and the product must be right under all of them. Wire details shared with the client
 * (date format, error body parsing) live in `src/infoplus/wire-format.ts`.
 *
 * EVIDENCE (followed, not switchable):
 * E1. Shipment has no line items or quantities (java Shipment.java, js docs/Shipment.md). Per-line shipped
 *     quantities live in `orderLine` (search + get; shippedQty/backorderQty/allowedQty) and the order's
 *     `lineItems`; per-carton contents in `cartonContent` (search).
 * E2. A shipment row exists from the moment a label is printed (`shipped: false`, a future `shipDate`) and
 *     changes later (`shipped`, `status`, `deliveredDate`), each change bumping `modifyDate`. `orderNoList`
 *     is a decimal[]: one shipment can carry several orders; `orderNo` is the first of them.
 * E3. Updates are whole-record PUTs with the key in the body; the key is read-only (Order.java, Item.java).
 * E4. Item create requires majorGroupId, subGroupId, receivingCriteriaSchemeId: ids of the tenant's own
 *     records (php Item.php listInvalidProperties). The simulator never invents them; an id the tenant
 *     lacks is refused. majorGroupId/subGroupId name an itemCategory/itemSubCategory by its numeric
 *     `internalId` (ItemCategory.id is a string code; inference from the types, and a third-party plugin
 *     that looks subgroups up "by internalId").
 * E5. Required on create: Order lobId, warehouseId, lineItems; OrderLine sku, orderedQty; Asn lobId, poNo,
 *     vendorId, warehouseId, orderDate, type; Vendor vendorNo, lobId, name, street, city, state, zipCode,
 *     inactive (php models).
 * E6. orderNo is a decimal; Order has backOrderStatus, parentKODOrderId: back-orders may be further orders
 *     with the same customerOrderNo and a fractional orderNo.
 * E7. A new ASN's lines are itemReceipt rows with receivedQuantity 0 (ItemReceipt has asnLine, lineNo).
 * E8. Custom fields are defined per account (`customField`: name, fieldType, recordType).
 * E9. Search: bare JSON array, page 1-based, limit default 20, maximum 250, empty result = 200 + [].
 * E10. KB SKU rule: A-Z 0-9 # _ - up to 20 characters, lower case upper-cased.
 *
 * CHOICES that are not switchable (no plausible client would notice the other way):
 * C1. Search `sort`: one field, `!field` descending; an unknown field is a 400. Ties (and the default order)
 *     are broken by the key (`id`, `orderNo` for orders) ascending, so paging is stable.
 * C2. Filter: parsed with the client's parser (`src/infoplus/filter.ts`); unknown fields are a 400 naming the
 *     field; `customFields.<name>` is accepted without a check; a dotted path into an array
 *     (`lineItems.sku`) matches when any element matches. Dates compare chronologically; date literals are
 *     accepted as `'2024-01-31T12:00:00.000Z'`, `'2024-01-31T12:00:00Z'` or `'2024-01-31'`. `eq`/`ne`/`in`
 *     on strings are case-sensitive; `like` is case-insensitive with `%` as the only wildcard; `x eq null`
 *     matches absent fields. A number literal against a string field compares as text.
 * C3. Create: readOnly fields (not also required) are ignored, so a record read from the API can be sent
 *     back; required+readOnly fields (ASN line `sku`, `orderQuantity`) are accepted on create and frozen.
 * C4. Defaults for spec-required fields the KB minimal examples omit (`defaults.ts`): order line `lobId`;
 *     ASN line `lobId/warehouseId/vendorId/unitCode/wrapCode/unitsPerWrap/chargeFreight/distDate/
 *     maxOvers/maxUnders`; item rule/flag fields (KB values) but NOT the category / receiving-criteria ids
 *     (E4); vendor `inactive` ("No"); customer `packageCarrierId`/`truckCarrierId` (1), `weightBreak` (0),
 *     `residential` ("No"); warehouse `client` and the pack/ship-station booleans (false).
 * C5. Edit rule (inference): an order can be updated only while `Pending` or `On Order`; an ASN only while
 *     nothing on it was received (asnEdits=after-receipts: also after; received quantities stay). DELETE: an
 *     order only while `Pending` (deletes=editable: also `On Order`), an ASN only while nothing was received.
 *     Otherwise a validation refusal.
 * C6. Statuses: new order `Pending`; shipped order `Shipped`. New ASN `Open`, `Partially Received`,
 *     `Received`. Shipment rows: `Label Printed` (shipped false) -> `Shipped` -> `Delivered`.
 * C7. orderNo: whole decimals from 1000 upwards; a back-order child is `parent + 0.001 * n`.
 * C8. QuickReceipt execute creates an ASN (type `Quick Receipt`) with one already received line.
 * C9. Dates: `createDate`/`modifyDate` from the real clock, never going backwards; two writes in the same
 *     tick (millisecond or second, see datePrecision) share a modifyDate.
 * C10. SKU: trimmed, upper-cased, 1..20 characters of `A-Z 0-9 # _ - . /` (`.` `/` tolerated); unique per
 *     lobId. poNo 1..40 characters, unique per lobId; customerNo, vendorNo unique per lobId; itemDescription
 *     at most 40 characters.
 * C11. Duplicate customerOrderNo: accepted unless `rejectDuplicateCustomerOrderNo` (then refused per lobId).
 * C12. References: order/ASN `lobId`, `warehouseId`, ASN `vendorId`, every line SKU, item `majorGroupId`/
 *     `subGroupId`/`receivingCriteriaSchemeId` must exist in the tenant.
 * C13. Operations not simulated (tags, files, audits, order process endpoints) answer 404;
 *     `GET /{R}/duplicate/{id}` answers a copy without key and dates and stores nothing;
 *     `PUT /{R}/customFields` merges the map.
 * C14. Faults: the API-Key is checked before any fault; `/__sim/` control requests are never faulted. A
 *     rate-limited request answers 429 with `Retry-After` in whole seconds (at least 1), token bucket of
 *     `rateLimit` tokens refilled at `rateLimit`/s. 5xx answers are 500, 502 or 503 and apply nothing.
 * C15. `seedShipments` (benchmarks) spreads modifyDates over the last count/4 milliseconds, four records
 *     per millisecond; the records reference synthetic orderNos from 900000.
 * C16. Fields that exist only in beta (`betaOnly` in MODEL_FIELDS) are unknown fields on v3.0 paths.
 * C17. Item stock follows receipts, shipments and adjustments; it does not bump the item's modifyDate.
 * C18. Warehouse shipping (`shipOrders`): each picked order is packed into 1..3 cartons; every third order
 *     picked in one call shares its first carton with the order before it (same LOB and warehouse), giving a
 *     shipment whose orderNoList has two orders. Each carton first becomes a label row (E2) with its
 *     cartonContent rows and the order turns `Processed`; unless `labelOnly`, the rows then ship in the same
 *     call (shipped true, shipDate now) and the order lines count them. An order whose rows all shipped is
 *     `Shipped`; its unshipped rest is a back-order (backorders variant). `deliver` stamps deliveredDate.
 * C19. Tenant lists (itemCategory, itemSubCategory, receivingCriteriaScheme, carrier, customField) are seeded
 *     and read-only through the API.
 */

export { DEFAULT_SEARCH_LIMIT, MAX_SEARCH_LIMIT, FIRST_PAGE } from '../infoplus/wire-format.js';
/** First orderNo handed out. */
export const FIRST_ORDER_NO = 1000;
/** Order statuses in which an order may still be edited. */
export const EDITABLE_ORDER_STATUSES: readonly string[] = ['Pending', 'On Order'];
/** Characters allowed in a SKU after upper-casing. */
export const SKU_PATTERN = /^[A-Z0-9#_\-./]{1,20}$/;
/** Longest poNo. */
export const MAX_PO_NO = 40;
/** Longest item description. */
export const MAX_ITEM_DESCRIPTION = 40;
/** The API key when none is given. */
export const DEFAULT_API_KEY = 'sim-demo-key';

/** Status of a shipment row that has a label but has not left the building. */
export const SHIPMENT_LABEL_STATUS = 'Label Printed';
/** Status of a shipment row once it shipped / was delivered. */
export const SHIPMENT_SHIPPED_STATUS = 'Shipped';
export const SHIPMENT_DELIVERED_STATUS = 'Delivered';

/**
 * The switchable choices. `values[0]` is the default: the STRICTEST reading (the one a client is least
 * likely to get right by accident). `evidence` says what is known and why the switch exists.
 */
export const VARIANTS = {
  errorBody: {
    values: ['empty', 'errors', 'text'],
    evidence:
      'ApiResponse has no properties in any client, so the error body is unpublished: empty, a JSON {"errors": [...]}, or plain text',
  },
  createStatus: {
    values: ['200', '201'],
    evidence: 'spec (php OrderApi.php) declares 200 + model for every add; the KB API-log article says 201',
  },
  validationStatus: {
    values: ['405', '400'],
    evidence: 'spec declares 405 (Invalid input) for writes; the KB names 400 Bad Request',
  },
  authStatus: {
    values: ['403', '401'],
    evidence: 'no status is declared for a wrong API key; 401 and 403 are both plausible',
  },
  put: {
    values: ['replace', 'merge'],
    evidence:
      'PUT is whole-record in every client; whether absent fields are cleared (and lines without id added) is unpublished',
  },
  filterOps: {
    values: ['gte', 'ge', 'both'],
    evidence: 'the only operator list anywhere (third-party) spells gte/lte; ge/le is an older guess',
  },
  datePrecision: {
    values: ['s', 'ms'],
    evidence: 'the stored precision of modifyDate is unpublished',
  },
  limitOver250: {
    values: ['clamp', 'error'],
    evidence: 'limit maximum 250 is documented; what a larger limit does is not',
  },
  unknownFields: {
    values: ['reject', 'ignore'],
    evidence:
      'fields (and custom fields) the model or the tenant does not define may be refused or silently dropped',
  },
  receipts: {
    values: ['rows', 'cumulative'],
    evidence:
      'itemReceipt has asnLine/receiptNo/lineNo: a receipt may add a row per receipt, or raise the ASN line row',
  },
  backorders: {
    values: ['child', 'none'],
    evidence:
      'Order has backOrderStatus, parentKODOrderId and a decimal orderNo: a partial ship may create a child order',
  },
  asnEdits: {
    values: ['until-received', 'after-receipts'],
    evidence:
      'whether an ASN still takes updates once receiving began is unpublished; ERP admins report re-sent line ' +
      'quantities overwriting received ASNs, so it may',
  },
  deletes: {
    values: ['pending', 'editable'],
    evidence:
      'DELETE /order/{id} and /asn/{id} exist, but in which states Infoplus allows them is unpublished: only a ' +
      'Pending order (strict), or any order it still lets change (Pending, On Order); an ASN only with nothing received',
  },
} as const satisfies Record<string, { values: readonly string[]; evidence: string }>;

/** Name of a switch. */
export type VariantKey = keyof typeof VARIANTS;
/** One value of every switch. */
export type Variants = { readonly [K in VariantKey]: (typeof VARIANTS)[K]['values'][number] };
/** Every switch name, in the table's order. */
export const VARIANT_KEYS = Object.keys(VARIANTS) as VariantKey[];

/** The default of every switch (the strictest reading). */
export const STRICT_VARIANTS: Variants = Object.fromEntries(
  VARIANT_KEYS.map((k) => [k, VARIANTS[k].values[0]]),
) as unknown as Variants;
