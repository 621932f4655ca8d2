/**
 * Server defaults for spec-required fields that the knowledge-base minimal examples omit (decisions.ts §7).
 * Values are the ones the KB examples send.
 */
import type { SimRecord } from './types.js';

/** Item: rule and flag fields of the KB "all required fields" example, plus category ids. */
export const ITEM_DEFAULTS: Readonly<SimRecord> = {
  status: 'Active',
  backorder: 'Yes',
  chargeCode: 'Not Chargeable',
  maxCycle: 999999,
  maxInterim: 999999,
  seasonalItem: 'No',
  secure: 'No',
  unitCode: 'EACH',
  wrapCode: 'EACH',
  unitsPerWrap: 1,
  forwardLotMixingRule: 'SKU',
  storageLotMixingRule: 'SKU',
  forwardItemMixingRule: 'Multi',
  storageItemMixingRule: 'Multi',
  allocationRule: 'Labor Optimized',
  hazmat: 'No',
  criticalAmount: 0,
  serialCode: 'None',
};

/**
 * The demo tenant's own lists (seeded with the default LOB 1). Items must name a category, a sub-category
 * and a receiving criteria scheme from these by id; the seed's items get the first of each when they give none.
 */
export const DEFAULT_TENANT_LISTS = {
  itemCategory: [
    { internalId: 1, lobId: 1, id: 'GEN', name: 'General merchandise' },
    { internalId: 2, lobId: 1, id: 'PARTS', name: 'Parts' },
  ],
  itemSubCategory: [
    { internalId: 1, lobId: 1, id: 'STD', name: 'Standard' },
    { internalId: 2, lobId: 1, id: 'BULK', name: 'Bulk' },
  ],
  receivingCriteriaScheme: [
    { id: 1, lobId: 1, name: 'Standard receiving' },
    { id: 2, lobId: 1, name: 'Lot controlled' },
  ],
  customField: [] as SimRecord[],
} as const;

/** Vendor. */
export const VENDOR_DEFAULTS: Readonly<SimRecord> = { inactive: 'No' };

/** Customer (also used for customers created from an order's bill-to). */
export const CUSTOMER_DEFAULTS: Readonly<SimRecord> = {
  packageCarrierId: 1,
  truckCarrierId: 1,
  weightBreak: 0,
  residential: 'No',
};

/** Warehouse: the required+readOnly `client` and the pack/ship-station switches. */
export const WAREHOUSE_DEFAULTS: Readonly<SimRecord> = {
  client: 1,
  packStationAllowPackingBeforePickWorkIsComplete: false,
  packStationSkipCartonLPN: false,
  packStationRequireConfirmOnError: false,
  packStationAllowScanningSKUToIdentifyOrders: false,
  packStationAllowEntryOfItemQuantities: false,
  shipStationWeightCheckPackedOrders: false,
  shipStationShowUserWeightCheckExceptions: false,
  shipStationAutoPrintPreGeneratedLabels: false,
  shipStationAllowScanningSKUToIdentifyOrders: false,
};

/** ASN line defaults that do not come from the ASN or the item. */
export const ASN_LINE_DEFAULTS: Readonly<SimRecord> = {
  chargeFreight: 'No',
  maxOvers: 0,
  maxUnders: 0,
};

/** Carriers of the default seed and of generated shipments (Infoplus carrier ids are account data). */
export const CARRIERS: readonly {
  id: number;
  company: string;
  serviceId: number;
  service: string;
  scac: string;
}[] = [
  { id: 100, company: 'UPS', serviceId: 1, service: 'UPS Ground', scac: 'UPSN' },
  { id: 101, company: 'FedEx', serviceId: 2, service: 'FedEx Ground', scac: 'FDEG' },
  { id: 102, company: 'USPS', serviceId: 3, service: 'USPS Priority Mail', scac: 'USPS' },
];

/** The default seed (demo constants of interfaces.md). */
export const DEFAULT_LOB: Readonly<SimRecord> = {
  id: 1,
  code: 'DEMO',
  name: 'Demo Company',
  label: 'Demo Company',
};
export const DEFAULT_WAREHOUSE: Readonly<SimRecord> = {
  id: 1,
  name: 'Main Warehouse',
  company: 'Demo Company',
  street1: '100 Industrial Way',
  city: 'Madison',
  state: 'WI',
  zip: '53703',
  country: 'US',
  phone: '608-555-0100',
  timeZone: 'America/Chicago',
};
/** The demo tenant's second warehouse (the sample ERP ships some orders from its EAST warehouse). */
export const SECOND_WAREHOUSE: Readonly<SimRecord> = {
  id: 2,
  name: 'East Warehouse',
  company: 'Demo Company',
  street1: '5 Harbor Road',
  city: 'Boston',
  state: 'MA',
  zip: '02110',
  country: 'US',
  phone: '617-555-0100',
  timeZone: 'America/New_York',
};
