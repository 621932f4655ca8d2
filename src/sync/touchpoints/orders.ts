/** Sales orders -> Infoplus Orders, keyed by customerOrderNo; Infoplus's own id is orderNo. Needs items first. */
import { f, RESOURCE_KEY } from '../../infoplus/index.js';
import { PUSH_MODELS } from '../../profile/touchpoint-models.js';
import { definePush } from './define.js';
import { lowest, searchIn, writesOf } from './lookups.js';

const resource = 'order';
const { keyField } = PUSH_MODELS.orders;

/** Order statuses in which Infoplus lets an order change (API.md §7: Pending, On Order; later ones are work). */
const EDITABLE_ORDER_STATUSES = new Set(['PENDING', 'ON ORDER']);

export const orders = definePush('orders', {
  resource,
  label: 'sales order',
  editable: 'until-processed',
  ...writesOf(resource),
  lookupMany: searchIn(
    (c) => c[resource],
    keyField,
    (k) => k,
  ),
  stillEditable: (r) => EDITABLE_ORDER_STATUSES.has(String(r.status ?? 'Pending').toUpperCase()),
  lookup: async (c, lobId, key) =>
    lowest(RESOURCE_KEY[resource])(
      await c[resource].search({
        filter: f.and(f.eq('lobId', lobId), f.eq(keyField, String(key))),
        sort: RESOURCE_KEY[resource],
        limit: 20,
      }),
    ),
});
