/** Vendors: ERP suppliers -> Infoplus Vendor, keyed by vendorNo (a whole number). */
import { f, RESOURCE_KEY } from '../../infoplus/index.js';
import { PUSH_MODELS } from '../../profile/touchpoint-models.js';
import { definePush } from './define.js';
import { lowest, searchIn, writesOf } from './lookups.js';

const resource = 'vendor';
const { keyField } = PUSH_MODELS.vendors;

export const vendors = definePush('vendors', {
  resource,
  label: 'vendor',
  editable: 'always',
  ...writesOf(resource),
  lookupMany: searchIn(
    (c) => c[resource],
    keyField,
    (k) => Number(k),
  ),
  stillEditable: () => true,
  lookup: async (c, lobId, key) =>
    lowest(RESOURCE_KEY[resource])(
      await c[resource].search({
        filter: f.and(f.eq('lobId', lobId), f.eq(keyField, Number(key))),
        limit: 20,
      }),
    ),
});
