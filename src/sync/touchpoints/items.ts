/** Items: ERP items -> Infoplus Item, keyed by sku (Infoplus upper-cases SKUs on create). */
import { PUSH_MODELS } from '../../profile/touchpoint-models.js';
import { definePush } from './define.js';
import { asRecord, searchIn, writesOf } from './lookups.js';

const resource = 'item';
const { keyField } = PUSH_MODELS.items;

export const items = definePush('items', {
  resource,
  label: 'item',
  editable: 'always',
  ...writesOf(resource),
  lookupMany: searchIn(
    (c) => c[resource],
    keyField,
    (k) => k.trim().toUpperCase(),
  ),
  stillEditable: () => true,
  // Infoplus upper-cases SKUs on create.
  lookup: async (c, lobId, key) => {
    const item = await c[resource].getBySKU(lobId, String(key).trim().toUpperCase());
    return item ? asRecord(item) : null;
  },
});
