/**
 * The ONE place for Infoplus wire decisions that no Infoplus source confirms. The client and the simulator
 * both import from here, so changing a guess changes both sides at once.
 *
 * Unconfirmed behaviours chosen (see ../shared/infoplus-api/API.md §3, §4, §11):
 * 1. Dates: written as ISO-8601 UTC with milliseconds and `Z` (`2024-01-31T12:00:00.000Z`); read tolerantly
 *    (any ISO-8601 with offset, or a bare `YYYY-MM-DD` taken as UTC midnight).
 * 2. Error body: unpublished (API.md §12), so it is only ever read for people, never to decide anything. It
 *    may be empty, plain text or JSON; `{"errors": ["field: message", ...]}` is read best (the simulator's
 *    errorBody=errors), entries may also be objects `{field, message}`; `{message}` / `{error}` / a bare
 *    string / a bare array are read too. A `word: text` prefix counts as a field only when `word` looks like
 *    a JSON property (starts lower-case), so `Error: boom` stays a general message.
 * 3. Status codes decide: 401 and 403 are both an API-key problem (a wrong key may get either), 404 an
 *    unknown id (also for getBySKU / getByCustomerNo with no match), any other 4xx a refusal (400 and the
 *    spec's 405 alike), 429 + `Retry-After` (seconds) rate limited; any 2xx is success (create: 200 per the
 *    spec or 201 per the KB, with the record), PUT/DELETE answer no body.
 * 4. Retry-After: seconds (integer or decimal) or an HTTP date; both are honoured by the client.
 * 5. Search: `page` 1-based, `limit` default 20 and max 250; the client never asks for more than 250 (what
 *    the server does with more, refuse or cap, is unpublished; a silent cap would make "stop at a short
 *    page" paging stop early, so it must never be relied on).
 * 6. Filter grammar (filter.ts): `and` only, `gte`/`lte` emitted (the only published spelling; `ge`/`le` when
 *    a probe found only those accepted; the parser reads both), single-quoted
 *    strings with `''`, `in (a, b)`, `like` with `%`, dates compared as quoted ISO strings.
 * 7. Sort: `sort=field` ascending, `sort=!field` descending, one field only.
 * 8. Update (PUT) identifies the record by its key in the body: `orderNo` for order, `id` elsewhere. Whether
 *    a PUT replaces or merges is unpublished, so the client never sends a partial body: it GETs the record,
 *    overlays the mapped fields (lines matched by their Infoplus id, else SKU) and PUTs the whole record.
 * 9. Header names: `API-Key` for the key (confirmed), `Retry-After` for 429 back-off (standard HTTP).
 * 10. What an answer means for a write (client policy, transport.ts / answer-errors.ts / retry.ts):
 *     - 429: refused, nothing applied → retried (also for writes), waiting at least Retry-After.
 *     - 500 / 503 (and other 5xx): Infoplus itself answered, so its transaction failed → ServerError, not
 *       applied; reads are retried, writes are NOT re-sent automatically (the caller decides).
 *     - 502 / 504 on a write: a gateway gave up waiting, the server behind it may have committed →
 *       OutcomeUnknownError (look the record up before re-sending).
 *     - no answer after the socket connected (reset, timeout): reads retried, writes OutcomeUnknownError.
 *     - no connection at all (refused, DNS failure, connect timeout): nothing left → retried, also writes.
 *     - 2xx to a create without a JSON record: OutcomeUnknownError (applied, but the key is unknown).
 * 11. iterate() sorts by the resource key (`orderNo` / `id`) when no sort is given, so records added during
 *     a walk do not shift pages; it stops at the first page shorter than its limit (250).
 * 12. getBySKU / getByCustomerNo: 404 or an empty 200 body means "no such record" (null).
 */

/** Header carrying the API key (confirmed by every Infoplus client library). */
export const API_KEY_HEADER = 'API-Key';
/** Standard back-off header read on 429 / 503. */
export const RETRY_AFTER_HEADER = 'Retry-After';
/** Path under the tenant host where the API lives. */
export const API_BASE_PATH = '/infoplus-wms/api';
/** API versions this product speaks. */
export type ApiVersion = 'v3.0' | 'beta';
/** Versions accepted in the URL path. */
export const API_VERSIONS: readonly ApiVersion[] = ['v3.0', 'beta'];

/** Search paging. */
export const FIRST_PAGE = 1;
export const DEFAULT_SEARCH_LIMIT = 20;
export const MAX_SEARCH_LIMIT = 250;
/** Sort prefix meaning descending. */
export const SORT_DESCENDING_PREFIX = '!';

/** Resource path names (`/{version}/{resource}`). */
export type ResourcePath =
  | 'order'
  | 'asn'
  | 'item'
  | 'vendor'
  | 'customer'
  | 'lineOfBusiness'
  | 'warehouse'
  | 'shipment'
  | 'itemReceipt'
  | 'inventoryAdjustment'
  | 'quickReceipt'
  | 'quickAdjustment'
  | 'orderLine'
  | 'cartonContent'
  | 'itemCategory'
  | 'itemSubCategory'
  | 'receivingCriteriaScheme'
  | 'carrier'
  | 'customField';

/** Key field names: `orderNo` for orders, `internalId` for item (sub-)categories, `carrier`, else `id`. */
export type ResourceKeyField = 'orderNo' | 'id' | 'internalId' | 'carrier';

/** The key field that identifies a record of each resource (path id, and the body key on update). */
export const RESOURCE_KEY: Readonly<Record<ResourcePath, ResourceKeyField>> = {
  order: 'orderNo',
  asn: 'id',
  item: 'id',
  vendor: 'id',
  customer: 'id',
  lineOfBusiness: 'id',
  warehouse: 'id',
  shipment: 'id',
  itemReceipt: 'id',
  inventoryAdjustment: 'id',
  quickReceipt: 'id',
  quickAdjustment: 'id',
  orderLine: 'id',
  cartonContent: 'id',
  itemCategory: 'internalId',
  itemSubCategory: 'internalId',
  receivingCriteriaScheme: 'id',
  carrier: 'carrier',
  customField: 'id',
};

/** Date as written on the wire: ISO-8601 UTC with milliseconds and Z. */
export function formatWireDate(date: Date): string {
  if (Number.isNaN(date.getTime())) throw new RangeError('Invalid Date cannot be sent to Infoplus');
  return date.toISOString();
}

const ISO_DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

/** Reads a wire date tolerantly (offset or Z, any precision, or a bare date = UTC midnight); null if not a date. */
export function parseWireDate(text: string): Date | null {
  if (ISO_DATE_ONLY.test(text)) {
    const d = new Date(`${text}T00:00:00.000Z`);
    return Number.isNaN(d.getTime()) ? null : d;
  }
  if (!ISO_DATE_TIME.test(text)) return null;
  // JS Date reads at most milliseconds; trim extra fraction digits and normalise +hhmm to +hh:mm.
  const normalised = text.replace(/(\.\d{3})\d+/, '$1').replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  const d = new Date(normalised);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** Error body as the simulator writes it. */
export interface WireErrorBody {
  errors: string[];
}

/** `field: message` for a message about one field. */
export function fieldMessage(field: string, message: string): string {
  return `${field}: ${message}`;
}

/** Builds the error body `{"errors": [...]}`. */
export function formatErrorBody(messages: readonly string[]): WireErrorBody {
  return { errors: [...messages] };
}

/** Messages and per-field messages read from an error body. */
export interface ParsedErrorBody {
  messages: string[];
  fieldErrors: Record<string, string[]>;
}

const FIELD_PREFIX = /^([a-z][A-Za-z0-9_.[\]]*):\s+([\s\S]+)$/;

/** Reads any plausible Infoplus error body; never throws. */
export function parseErrorBody(body: unknown): ParsedErrorBody {
  const out: ParsedErrorBody = { messages: [], fieldErrors: {} };
  const addField = (field: string, message: string): void => {
    (out.fieldErrors[field] ??= []).push(message);
  };
  const add = (entry: unknown): void => {
    if (typeof entry === 'string') {
      const text = entry.trim();
      if (text === '') return;
      out.messages.push(text);
      const m = FIELD_PREFIX.exec(text);
      if (m?.[1] !== undefined && m[2] !== undefined) addField(m[1], m[2]);
    } else if (entry !== null && typeof entry === 'object') {
      const o = entry as Record<string, unknown>;
      const message = [o.message, o.error, o.msg, o.description].find((v) => typeof v === 'string') as
        string | undefined;
      const field = [o.field, o.property, o.path].find((v) => typeof v === 'string') as string | undefined;
      if (message === undefined) return;
      if (field !== undefined) {
        out.messages.push(fieldMessage(field, message));
        addField(field, message);
      } else add(message);
    }
  };
  if (typeof body === 'string') {
    const trimmed = body.trim();
    if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
      try {
        return parseErrorBody(JSON.parse(trimmed));
      } catch {
        // not JSON after all; fall through and keep the text
      }
    }
    // An HTML error page from a proxy is not a useful message.
    if (trimmed !== '' && !trimmed.startsWith('<')) add(trimmed.slice(0, 500));
    return out;
  }
  if (Array.isArray(body)) body.forEach(add);
  else if (body !== null && typeof body === 'object') {
    const o = body as Record<string, unknown>;
    if (Array.isArray(o.errors)) o.errors.forEach(add);
    else if (typeof o.errors === 'string') add(o.errors);
    else add(o);
  }
  return out;
}

/** Milliseconds to wait from a Retry-After value (seconds or HTTP date); undefined if absent or unreadable. */
export function parseRetryAfter(value: unknown, now: number = Date.now()): number | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  if (typeof text === 'number') return Number.isFinite(text) && text >= 0 ? text * 1000 : undefined;
  if (typeof text !== 'string' || text.trim() === '') return undefined;
  const trimmed = text.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now);
}

/** Reads a sort parameter. */
export function parseSort(sort: string): { field: string; descending: boolean } {
  const descending = sort.startsWith(SORT_DESCENDING_PREFIX);
  return { field: descending ? sort.slice(1) : sort, descending };
}
