/** Purchase orders -> Infoplus ASNs, keyed by poNo; lines are ItemReceipts. Needs vendors and items first. */
import { f, RESOURCE_KEY } from '../../infoplus/index.js';
import { PUSH_MODELS } from '../../profile/touchpoint-models.js';
import type { InfoplusRecord } from '../push-resources.js';
import { definePush } from './define.js';
import { lowest, searchIn, writesOf } from './lookups.js';

const resource = 'asn';
const { keyField } = PUSH_MODELS.asns;

export const asns = definePush('asns', {
  resource,
  label: 'purchase order (ASN)',
  editable: 'until-processed',
  ...writesOf(resource),
  lookupMany: searchIn(
    (c) => c[resource],
    keyField,
    (k) => k,
  ),
  // An ASN stops taking edits once receiving began (a line with a received quantity) or it left Open.
  stillEditable: (r) =>
    (r.status === undefined || String(r.status).toUpperCase() === 'OPEN') &&
    !(Array.isArray(r.lineItems) ? r.lineItems : []).some(
      (l) => Number((l as InfoplusRecord).receivedQuantity ?? 0) > 0,
    ),
  lookup: async (c, lobId, key) =>
    lowest(RESOURCE_KEY[resource])(
      await c[resource].search({
        filter: f.and(f.eq('lobId', lobId), f.eq(keyField, String(key))),
        limit: 20,
      }),
    ),
});
