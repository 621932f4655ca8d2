/** Items: ERP items -> Infoplus Item, keyed by sku (Infoplus upper-cases SKUs on create). */
import { f, RESOURCE_KEY } from '../../infoplus/index.js';
import { PUSH_MODELS } from '../../profile/touchpoint-models.js';
import type { InfoplusRecord } from '../push-resources.js';
import { definePush } from './define.js';
import { asRecord, searchIn } from './lookups.js';

const resource = 'item';
const { keyField } = PUSH_MODELS.items;

export const items = definePush('items', {
  resource,
  label: 'item',
  editable: 'always',
  create: async (c, p) => asRecord(await c[resource].create(p)),
  update: (c, p) => c[resource].update(p),
  list: (c, lobId) =>
    c[resource].iterate({
      filter: f.eq('lobId', lobId),
      sort: RESOURCE_KEY[resource],
    }) as AsyncIterable<InfoplusRecord>,
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
