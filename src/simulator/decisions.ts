/**
 * Unconfirmed Infoplus behaviours the simulator had to choose (API.md labels them "unconfirmed" or
 * "inference"). This is the ONE place they are written down; the code below and the modules that use these
 * constants follow it. Wire details shared with the client (date format, error body) live in
 * `src/infoplus/wire-format.ts`.
 *
 * 1.  Auth: a missing or wrong `API-Key` header answers 401 `{"errors":["..."]}` (API.md §10 guess).
 * 2.  Errors: `{"errors": ["field: message", ...]}` with 400 (validation), 404 (unknown id / path),
 *     405 (operation the resource does not have, per API.md §2.1), 409 is never used (duplicates are 400).
 * 3.  Search `limit`: default 20, 1..250; a value outside that range is a 400, NOT clamped, because a client
 *     that asked for 500 and silently got 250 would stop paging early and lose rows (same choice as
 *     wire-format.ts §5). `page` starts at 1; page < 1 is a 400.
 * 4.  Search `sort`: one field, `!field` descending; an unknown field is a 400. Ties (and the default order)
 *     are broken by the key (`id`, `orderNo` for orders) ascending, so paging is stable.
 * 5.  Filter: parsed with the client's parser (`src/infoplus/filter.ts`). Unknown fields are a 400 naming the
 *     field; `customFields.<name>` is accepted without a check; a dotted path into an array
 *     (`lineItems.sku`) matches when any element matches. Dates compare chronologically (literals are
 *     normalised to ISO-8601). `eq`/`ne`/`in` on strings are case-sensitive; `like` is case-insensitive
 *     with `%` as the only wildcard. `x eq null` matches absent fields. A number literal against a string
 *     field compares as text (`customerOrderNo eq 123`).
 * 6.  Create: fields the model marks readOnly (and not also required) are ignored, not rejected, so a
 *     record read from the API can be sent back. Unknown fields are a 400 naming the field. Fields that are
 *     required AND readOnly (ASN line `sku`, `orderQuantity`) are accepted on create and frozen afterwards.
 * 7.  Defaults for spec-required fields the knowledge-base minimal examples omit (API.md §6/§7), see
 *     `defaults.ts`: order line `lobId`; ASN line `lobId/warehouseId/vendorId/unitCode/wrapCode/unitsPerWrap/
 *     chargeFreight/distDate/maxOvers/maxUnders`; item rule/flag fields (KB values) and the category ids
 *     `majorGroupId`/`subGroupId`/`receivingCriteriaSchemeId` (1); vendor `inactive` ("No"); customer
 *     `packageCarrierId`/`truckCarrierId` (1), `weightBreak` (0), `residential` ("No"); warehouse `client`
 *     and the pack/ship-station booleans (false); line of business nothing.
 * 8.  Update (PUT): the key in the body (`id`, `orderNo` for orders) names the record; it is a merge: fields
 *     present replace, absent fields are kept; `lineItems`, when present, replaces the lines (a line with
 *     a known `id`, or else the same `sku`, keeps its id). readOnly fields in the body are ignored.
 * 9.  Edit rule (inference): an order can be updated or deleted only while its status is `Pending` or
 *     `On Order`; an ASN only while nothing on it was received. Otherwise 400, e.g.
 *     "order 1005 is Shipped and can no longer be edited".
 * 10. Statuses: new order `Pending`; shipped order `Shipped` (a partial shipment ships once and records the
 *     rest as `backorderQty` on the line; no back-order record is created). New ASN `Open`, then
 *     `Partially Received`, `Received`.
 * 11. orderNo: decimal numbers without fraction, from 1000 upwards, strictly increasing.
 * 12. ASN lines are itemReceipt records (`Asn.lineItems[].id` = itemReceipt id, `poNoId` = ASN id).
 *     Receiving raises the line's `receivedQuantity` (cumulative, partial receipts raise it in steps),
 *     sets `receivedDate` and bumps `modifyDate`. QuickReceipt execute creates an ASN (type `Quick Receipt`)
 *     with one already received line.
 * 13. Shipments: one record per carton; the Shipment model has no line items, so each record carries
 *     `customFields.lineItems = [{ lineItemId, sku, quantity }]` (the quantities in that carton) and
 *     `orderNo` / `orderNoList`. The order's lines get `shippedQty` / `backorderQty`.
 * 14. Dates: `createDate`/`modifyDate` are set from the real clock with millisecond resolution, never
 *     going backwards; two writes in the same millisecond share a modifyDate (cursors need an id
 *     tie-breaker). Models without these fields (InventoryAdjustment; Customer has no createDate) get none.
 * 15. SKU: trimmed, upper-cased, 1..20 characters of `A-Z 0-9 # _ - . /`; unique per lobId. poNo 1..40
 *     characters, unique per lobId. customerNo unique per lobId, vendorNo unique per lobId.
 *     itemDescription at most 40 characters.
 * 16. Duplicate customerOrderNo: accepted unless `rejectDuplicateCustomerOrderNo` (then 400 per lobId).
 * 17. References: order/ASN `lobId`, `warehouseId`, ASN `vendorId` and every line SKU must exist (400).
 * 18. Operations not simulated (tags, files, audits, order process endpoints) answer 404 with a message;
 *     `GET /{R}/duplicate/{id}` answers a copy without key and dates and stores nothing; `PUT /{R}/customFields`
 *     merges the map.
 * 19. Faults: the API-Key is checked before any fault; `/__sim/` control requests are never faulted. A
 *     rate-limited request answers 429 with `Retry-After` in whole seconds (at least 1) and a token bucket
 *     of `rateLimit` tokens refilled at `rateLimit`/s. 5xx answers are 500, 502 or 503 (seeded mix) and apply
 *     nothing. A slow answer is processed (the write lands) but answered only after `slowMs`.
 * 20. `seedShipments` (benchmarks) spreads modifyDates over the last count/4 milliseconds, four records
 *     per millisecond, so a cursor sees ties; the records reference synthetic orderNos from 900000.
 * 21. Fields that exist only in beta (`betaOnly` in MODEL_FIELDS) are unknown fields on v3.0 paths.
 * 22. Item stock (`onHandQuantity`, `availableQuantity`, `orderableQuantity`) follows receipts, shipments and
 *     adjustments and sets `inventoryUpdateTimestamp`, but does not bump the item's modifyDate.
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
