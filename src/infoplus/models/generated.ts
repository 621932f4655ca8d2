// GENERATED FILE - do not edit. Regenerate with `npm run generate:models`.
// Source: infoplus-models-derived.json (derived from Infoplus's generated clients, v3.0 + beta).
// Every field is optional in TypeScript: the spec's "required" is stricter than what Infoplus demands.

/** Kind of a model field, as used by MODEL_FIELDS. */
export type FieldType = 'integer' | 'decimal' | 'string' | 'date-time' | 'boolean' | 'map' | 'array' | 'any';

/** Runtime description of one model field. */
export interface FieldSpec {
  readonly type: FieldType;
  readonly required: boolean;
  readonly readOnly: boolean;
  /** Element type of an array: a model name or a FieldType. */
  readonly items?: string;
  /** Element model of an array of objects. */
  readonly itemsModel?: ModelName;
  /** Present only in the beta API. */
  readonly betaOnly?: boolean;
}

/** Every generated model name. */
export type ModelName =
  | 'Order'
  | 'OrderLine'
  | 'ReqParcelAccessoryData'
  | 'OrderExtraOrderData'
  | 'OrderExtraLineItemData'
  | 'DynamicKitComponentLine'
  | 'OverrideReceiptsForFulfillment'
  | 'Asn'
  | 'ItemReceipt'
  | 'Item'
  | 'Vendor'
  | 'Shipment'
  | 'InventoryAdjustment'
  | 'LineOfBusiness'
  | 'Warehouse'
  | 'Customer'
  | 'RecordFile'
  | 'QuickAdjustment'
  | 'QuickReceipt'
  | 'ExecuteQuickAdjustmentInputAPIModel'
  | 'ExecuteQuickReceiptInputAPIModel'
  | 'ProcessOutputAPIModel';

/** Infoplus Order (131 fields). */
export interface Order {
  /** decimal; read-only */
  orderNo?: number;
  customerOrderNo?: string;
  /** required in spec */
  lobId?: number;
  /** required in spec */
  warehouseId?: number;
  /** ISO-8601 date-time */
  orderDate?: string;
  customerNo?: string;
  useOrderNoRoot?: number;
  shippingMethod?: string;
  /** ISO-8601 date-time */
  firstShipDate?: string;
  /** ISO-8601 date-time */
  lastShipDate?: string;
  /** ISO-8601 date-time */
  deliverOnDate?: string;
  /** ISO-8601 date-time */
  needByDate?: string;
  carrierId?: number;
  shipVia?: string;
  mediaCode?: string;
  legacyRestrictionType?: string;
  alcoholOrderType?: string;
  alternateUsage?: string;
  /** decimal; read-only */
  authorizationAmount?: number;
  authorizedBy?: string;
  /** decimal; read-only */
  balanceDue?: number;
  batchNo?: string;
  billToAttention?: string;
  billToCompany?: string;
  billToStreet?: string;
  billToStreet2?: string;
  billToStreet3?: string;
  billToCity?: string;
  billToState?: string;
  billToZip?: string;
  billToCountry?: string;
  billToPhone?: string;
  billToEmail?: string;
  /** read-only */
  numberOfCartons?: number;
  /** read-only */
  numberOfPallets?: number;
  /** read-only */
  completionStatus?: string;
  /** read-only */
  parcelAccountId?: number;
  thirdPartyParcelAccountId?: number;
  costCenter?: string;
  /** ISO-8601 date-time; read-only */
  createDate?: string;
  customerPONo?: string;
  distributionChannel?: string;
  /** decimal; read-only */
  distributionCharges?: number;
  division?: number;
  /** read-only */
  enteredBy?: string;
  /** decimal; read-only */
  preAllocationEstimatedWeight?: number;
  /** decimal; read-only */
  estimatedWeightLbs?: number;
  /** decimal; read-only */
  freight?: number;
  /** read-only */
  fulfillabilityDetails?: string;
  giftMessageTo?: string;
  giftMessageFrom?: string;
  giftMessage?: string;
  /** decimal; read-only */
  groupOrderId?: number;
  /** decimal; read-only */
  parentKODOrderId?: number;
  holdCode?: string;
  integrationPartnerId?: number;
  /** read-only */
  numberOfLineItems?: number;
  /** read-only */
  estimatedNumberOfPicks?: number;
  /** ISO-8601 date-time; read-only */
  modifyDate?: string;
  /** read-only */
  omsOrderID?: number;
  /** read-only */
  omsOrderNo?: number;
  /** read-only */
  omsCustomerId?: number;
  orderLoadProgramId?: number;
  orderMessage?: string;
  /** read-only */
  orderReason?: number;
  orderSourceId?: number;
  packingSlipTemplateId?: number;
  orderInvoiceTemplateId?: number;
  orderEmailTemplateId?: number;
  shipmentEmailTemplateId?: number;
  outForDeliveryEmailTemplateId?: number;
  deliveredEmailTemplateId?: number;
  priceLevel?: string;
  priceMode?: string;
  priorityCode?: number;
  /** read-only */
  fulfillmentProcessId?: number;
  /** ISO-8601 date-time; read-only */
  shipBy?: string;
  shipCode?: string;
  /** ISO-8601 date-time; read-only */
  shipDate?: string;
  /** ISO-8601 date-time; read-only */
  shippedDate?: string;
  shipToAttention?: string;
  shipToCompany?: string;
  shipToStreet?: string;
  shipToStreet2?: string;
  shipToStreet3?: string;
  shipToCity?: string;
  shipToState?: string;
  shipToZip?: string;
  shipToCountry?: string;
  shipToPhone?: string;
  shipToEmail?: string;
  /** decimal */
  shippingCharge?: number;
  /** read-only */
  status?: string;
  /** read-only */
  stopBackOrders?: string;
  /** decimal */
  subtotal?: number;
  /** decimal */
  tax?: number;
  /** decimal */
  total?: number;
  /** decimal */
  totalDiscount?: number;
  /** decimal; read-only */
  totalPaid?: number;
  /** read-only */
  totalQty?: number;
  /** decimal; read-only */
  weightLbs?: number;
  orderAssemblyInstructions?: string;
  parcelLabelRef1?: string;
  parcelLabelRef2?: string;
  parcelLabelRef3?: string;
  /** required in spec */
  lineItems?: OrderLine[];
  requestedParcelAccessories?: ReqParcelAccessoryData[];
  extraOrderData?: OrderExtraOrderData[];
  extraLineItemData?: OrderExtraLineItemData[];
  /** read-only */
  externalShippingSystemId?: number;
  serviceTypeId?: string;
  warehouseServiceTypeId?: number;
  warehouseServiceLevelId?: number;
  /** ISO-8601 date-time; read-only */
  slaDate?: string;
  /** read-only */
  slaStatus?: string;
  /** read-only */
  productionType?: string;
  /** read-only */
  backOrderStatus?: string;
  /** ISO-8601 date-time; read-only */
  backOrderReleaseDate?: string;
  /** read-only */
  estimatedNumberOfCartons?: number;
  estimatedCartonizationPlan?: string;
  manifestScriptId?: number;
  storeNo?: string;
  storeName?: string;
  departmentNo?: string;
  departmentName?: string;
  vendorNo?: string;
  internalUse91?: string;
  /** read-only; beta only (absent in v3.0) */
  deliveryDays?: number;
  /** read-only; beta only (absent in v3.0) */
  deliveryDateGuaranteed?: boolean;
  /** read-only */
  fulfillability?: string;
  customFields?: Record<string, unknown>;
}

/** Infoplus OrderLine (46 fields). */
export interface OrderLine {
  /** read-only */
  id?: number;
  /** read-only */
  lineItemId?: number;
  /** read-only */
  customerLineItemNo?: string;
  /** decimal; read-only */
  orderNo?: number;
  /** required in spec; read-only */
  lobId?: number;
  /** required in spec */
  sku?: string;
  /** read-only */
  poNoId?: number;
  /** required in spec */
  orderedQty?: number;
  /** read-only */
  allowedQty?: number;
  /** read-only */
  shippedQty?: number;
  /** read-only */
  backorderQty?: number;
  /** read-only */
  numberOfWraps?: number;
  /** read-only */
  numberOfCases?: number;
  /** read-only */
  numberOfInnerPacks?: number;
  /** read-only */
  revDate?: string;
  /** read-only */
  chargeCode?: string;
  /** read-only */
  distributionCode?: string;
  /** read-only */
  upc?: string;
  /** read-only */
  vendorSKU?: string;
  /** read-only */
  orderSourceSKU?: string;
  /** decimal; read-only */
  unitCost?: number;
  /** decimal; read-only */
  unitSell?: number;
  /** decimal; read-only */
  unitDiscount?: number;
  /** decimal; read-only */
  unitDeclaredValueOverride?: number;
  /** decimal; read-only */
  extendedCost?: number;
  /** decimal; read-only */
  extendedSell?: number;
  /** decimal; read-only */
  extendedDiscount?: number;
  /** decimal; read-only */
  ncExtendedSell?: number;
  /** decimal; read-only */
  extendedDeclaredValueOverride?: number;
  /** decimal; read-only */
  itemWeight?: number;
  /** read-only */
  productionLot?: string;
  /** read-only */
  productIdTag?: string;
  /** ISO-8601 date-time; read-only */
  expirationDate?: string;
  /** decimal; read-only */
  weightPerWrap?: number;
  /** read-only */
  sector?: string;
  orderAssemblyInstructions?: string;
  itemAccountCodeId?: number;
  itemLegacyLowStockContactId?: number;
  itemMajorGroupId?: number;
  itemSubGroupId?: number;
  itemProductCodeId?: number;
  itemSummaryCodeId?: number;
  fulfillmentChannel?: string;
  dynamicKitComponentList?: DynamicKitComponentLine[];
  overrideReceiptsForFulfillmentList?: OverrideReceiptsForFulfillment[];
  customFields?: Record<string, unknown>;
}

/** Infoplus ReqParcelAccessoryData (3 fields). */
export interface ReqParcelAccessoryData {
  /** required in spec */
  accessory?: string;
  /** decimal */
  amount?: number;
  customFields?: Record<string, unknown>;
}

/** Infoplus OrderExtraOrderData (5 fields). */
export interface OrderExtraOrderData {
  sequence?: string;
  category?: string;
  code?: string;
  value?: string;
  customFields?: Record<string, unknown>;
}

/** Infoplus OrderExtraLineItemData (5 fields). */
export interface OrderExtraLineItemData {
  sku?: string;
  category?: string;
  code?: string;
  value?: string;
  customFields?: Record<string, unknown>;
}

/** Infoplus DynamicKitComponentLine (4 fields). */
export interface DynamicKitComponentLine {
  /** required in spec; read-only */
  lobId?: number;
  /** required in spec */
  sku?: string;
  perKitQuantity?: number;
  customFields?: Record<string, unknown>;
}

/** Infoplus OverrideReceiptsForFulfillment (2 fields). */
export interface OverrideReceiptsForFulfillment {
  /** required in spec; read-only */
  itemReceiptId?: number;
  customFields?: Record<string, unknown>;
}

/** Infoplus Asn (47 fields). */
export interface Asn {
  /** read-only */
  id?: number;
  /** ISO-8601 date-time; read-only */
  createDate?: string;
  /** ISO-8601 date-time; read-only */
  modifyDate?: string;
  /** required in spec */
  lobId?: number;
  /** required in spec */
  poNo?: string;
  /** required in spec */
  vendorId?: number;
  /** required in spec */
  warehouseId?: number;
  /** ISO-8601 date-time; required in spec */
  orderDate?: string;
  /** required in spec */
  type?: string;
  billingName?: string;
  billingAttention?: string;
  billingStreet1?: string;
  billingStreet2?: string;
  billingCity?: string;
  billingState?: string;
  billingZipCode?: string;
  billingPhone?: string;
  shipToName?: string;
  shipToAddress?: string;
  shipToStreet1?: string;
  shipToStreet2?: string;
  shipToCity?: string;
  shipToState?: string;
  shipToZipCode?: string;
  shipToPhone?: string;
  corporateName?: string;
  corporateAttention?: string;
  corporateStreet1?: string;
  corporateStreet2?: string;
  corporateCity?: string;
  corporateState?: string;
  corporateZipCode?: string;
  accountCode?: string;
  buyer?: number;
  carrier?: number;
  confTo?: string;
  fob?: string;
  /** read-only */
  printed?: string;
  projectNo?: number;
  remarks?: string;
  requestBy?: string;
  terms?: string;
  usedBy?: string;
  lineItems?: ItemReceipt[];
  /** read-only */
  status?: string;
  /** decimal; read-only */
  transferOrderId?: number;
  customFields?: Record<string, unknown>;
}

/** Infoplus ItemReceipt (77 fields). */
export interface ItemReceipt {
  /** read-only */
  id?: number;
  /** read-only */
  poNoId?: number;
  /** required in spec; read-only */
  lobId?: number;
  /** read-only */
  legacyPoNo?: string;
  /** required in spec; read-only */
  warehouseId?: number;
  /** ISO-8601 date-time; read-only */
  orderDate?: string;
  fullDescription?: string;
  /** decimal */
  factCost?: number;
  /** decimal */
  mlCost?: number;
  /** required in spec; read-only */
  sku?: string;
  /** required in spec; read-only */
  orderQuantity?: number;
  /** ISO-8601 date-time */
  requestedDeliveryDate?: string;
  /** required in spec */
  unitCode?: string;
  /** required in spec */
  wrapCode?: string;
  /** required in spec */
  unitsPerWrap?: number;
  /** decimal */
  cost?: number;
  /** decimal */
  sellPrice?: number;
  pricingPer?: string;
  /** decimal */
  maxFreight?: number;
  /** required in spec */
  chargeFreight?: string;
  /** decimal */
  maxOther?: number;
  /** ISO-8601 date-time; required in spec */
  distDate?: string;
  /** ISO-8601 date-time */
  voidDate?: string;
  freezeAction?: string;
  revDate?: string;
  /** ISO-8601 date-time */
  expirationDate?: string;
  artBack?: string;
  origin?: string;
  sample?: number;
  sampleTo?: string;
  /** required in spec; read-only */
  maxOvers?: number;
  /** required in spec; read-only */
  maxUnders?: number;
  receivedSfp?: number;
  budgetCode?: string;
  accountingCode?: string;
  taxExempt?: string;
  capitalize?: string;
  accrual?: string;
  oddQuantity?: number;
  /** decimal */
  freightCost?: number;
  /** ISO-8601 date-time */
  receivedDate?: string;
  /** read-only */
  receivedQuantity?: number;
  fromProd?: number;
  sfpComplete?: string;
  endQuantity?: number;
  /** decimal */
  endVal?: number;
  /** decimal */
  endFact?: number;
  interimQuantity?: number;
  /** decimal */
  interimVal?: number;
  /** decimal */
  interimFact?: number;
  /** ISO-8601 date-time */
  lastAct?: string;
  /** decimal */
  weightPerWrap?: number;
  norcs?: string;
  /** required in spec */
  vendorId?: number;
  bsVendor?: number;
  mlVendor?: number;
  receiptNo?: number;
  paidFull?: string;
  /** read-only */
  enteredBy?: string;
  /** read-only */
  receivedBy?: string;
  lineNo?: number;
  prodLot?: string;
  productIdTag?: string;
  unitsPerInnerPack?: number;
  unitsPerCase?: number;
  unitsPerPallet?: number;
  /** decimal */
  caseWeight?: number;
  /** decimal */
  height?: number;
  /** decimal */
  width?: number;
  /** decimal */
  length?: number;
  /** ISO-8601 date-time */
  dockDate?: string;
  /** ISO-8601 date-time; read-only */
  modifyDate?: string;
  impressions?: number;
  asnLine?: number;
  /** read-only */
  upc?: string;
  /** read-only */
  vendorSKU?: string;
  customFields?: Record<string, unknown>;
}

/** Infoplus Item (308 fields). */
export interface Item {
  /** read-only */
  id?: number;
  accountCodeId?: number;
  lowStockContactId?: number;
  legacyLowLevelContactId?: number;
  lowStockCodeId?: number;
  /** required in spec */
  majorGroupId?: number;
  /** required in spec */
  subGroupId?: number;
  productCodeId?: number;
  summaryCodeId?: number;
  buyerId?: number;
  /** required in spec */
  lobId?: number;
  /** required in spec */
  sku?: string;
  vendorSKU?: string;
  upc?: string;
  /** required in spec */
  itemDescription?: string;
  packingSlipDescription?: string;
  absoluteMax?: string;
  additionalDescription?: string;
  /** required in spec */
  backorder?: string;
  /** required in spec */
  chargeCode?: string;
  commodityCodeId?: number;
  companionCode?: number;
  /** ISO-8601 date-time; read-only */
  createDate?: string;
  criticalAmount?: number;
  overallFixedReorderPoint?: number;
  overallLeadTime?: number;
  /** decimal */
  sellPrice?: number;
  pricingPer?: string;
  lotControlFlag?: string;
  /** required in spec */
  maxCycle?: number;
  /** required in spec */
  maxInterim?: number;
  numericSortOrder?: number;
  outsideVendorId?: number;
  pickCode?: string;
  podOrderSuffix?: number;
  podRevDate?: string;
  /** required in spec */
  status?: string;
  /** required in spec */
  seasonalItem?: string;
  requiresProductionLot?: string;
  sector?: string;
  /** required in spec */
  secure?: string;
  serialCode?: string;
  /** required in spec */
  unitCode?: string;
  unitsPerWrap?: number;
  /** decimal */
  weightPerWrap?: number;
  quantityPerInnerPack?: number;
  quantityPerCase?: number;
  quantityPerPallet?: number;
  innerPackBarcode?: string;
  caseBarcode?: string;
  palletBarcode?: string;
  /** ISO-8601 date-time; read-only */
  voidDate?: string;
  wrapCode?: string;
  extrinsicText1?: string;
  extrinsicText2?: string;
  extrinsicText3?: string;
  extrinsicNumber1?: number;
  extrinsicNumber2?: number;
  /** decimal */
  extrinsicDecimal1?: number;
  /** decimal */
  extrinsicDecimal2?: number;
  casebreakEnabled?: string;
  vendorId?: number;
  /** decimal */
  vendorPrice?: number;
  vendorPer?: string;
  /** ISO-8601 date-time; read-only */
  modifyDate?: string;
  /** read-only */
  primaryImage?: string;
  /** read-only */
  pickImage?: string;
  behaviorType?: string;
  assemblyInstructions?: string;
  /** required in spec */
  forwardLotMixingRule?: string;
  /** required in spec */
  storageLotMixingRule?: string;
  /** required in spec */
  forwardItemMixingRule?: string;
  /** required in spec */
  storageItemMixingRule?: string;
  /** required in spec */
  allocationRule?: string;
  allocationSort?: string;
  allocationField?: string;
  barcodeField?: string;
  warehouseDisplayField?: string;
  productIdTagSchemeId?: number;
  itemSerialSchemeId?: number;
  /** required in spec */
  receivingCriteriaSchemeId?: number;
  asnRule?: string;
  quantityType?: string;
  /** required in spec */
  hazmat?: string;
  /** beta only (absent in v3.0) */
  uspsHazmatTypeId?: number;
  isAlcohol?: boolean;
  alcoholType?: string;
  /** decimal */
  alcoholContent?: number;
  alcoholContainer?: string;
  alcoholVintageYear?: string;
  alcoholCountry?: string;
  alcoholState?: string;
  alcoholRegion?: string;
  alcoholBrand?: string;
  alcoholUPCCode?: string;
  alcoholNAMBCACode?: string;
  alcoholUNIMERCCode?: string;
  alcoholSCCCode?: string;
  /** decimal */
  length?: number;
  /** decimal */
  width?: number;
  /** decimal */
  height?: number;
  topUp?: boolean;
  shipSolo?: boolean;
  /** ISO-8601 date-time; read-only */
  inventoryUpdateTimestamp?: string;
  /** read-only */
  availableQuantity?: number;
  /** read-only */
  damagedQuantity?: number;
  /** read-only */
  inFulfillmentProcessQuantity?: number;
  /** read-only */
  onHandQuantity?: number;
  /** read-only */
  openOrderQuantity?: number;
  /** read-only */
  openPOQuantity?: number;
  /** read-only */
  orderableQuantity?: number;
  /** read-only */
  unallocatableQuantity?: number;
  /** read-only */
  unavailableQuantity?: number;
  /** read-only */
  totalDemand?: number;
  /** read-only */
  availableQuantityInnerPacks?: number;
  /** read-only */
  damagedQuantityInnerPacks?: number;
  /** read-only */
  inFulfillmentProcessQuantityInnerPacks?: number;
  /** read-only */
  onHandQuantityInnerPacks?: number;
  /** read-only */
  openOrderQuantityInnerPacks?: number;
  /** read-only */
  openPOQuantityInnerPacks?: number;
  /** read-only */
  orderableQuantityInnerPacks?: number;
  /** read-only */
  unallocatableQuantityInnerPacks?: number;
  /** read-only */
  unavailableQuantityInnerPacks?: number;
  /** read-only */
  availableQuantityCases?: number;
  /** read-only */
  damagedQuantityCases?: number;
  /** read-only */
  inFulfillmentProcessQuantityCases?: number;
  /** read-only */
  onHandQuantityCases?: number;
  /** read-only */
  openOrderQuantityCases?: number;
  /** read-only */
  openPOQuantityCases?: number;
  /** read-only */
  orderableQuantityCases?: number;
  /** read-only */
  unallocatableQuantityCases?: number;
  /** read-only */
  unavailableQuantityCases?: number;
  /** read-only */
  availableQuantityPallets?: number;
  /** read-only */
  damagedQuantityPallets?: number;
  /** read-only */
  inFulfillmentProcessQuantityPallets?: number;
  /** read-only */
  onHandQuantityPallets?: number;
  /** read-only */
  openOrderQuantityPallets?: number;
  /** read-only */
  openPOQuantityPallets?: number;
  /** read-only */
  orderableQuantityPallets?: number;
  /** read-only */
  unallocatableQuantityPallets?: number;
  /** read-only */
  unavailableQuantityPallets?: number;
  /** read-only */
  overallDaysOnHand?: number;
  /** read-only */
  overallStockStatus?: string;
  /** read-only */
  estimatedPallets?: number;
  /** read-only */
  estimatedCases?: number;
  /** read-only */
  estimatedInnerPacks?: number;
  /** ISO-8601 date-time; read-only */
  nextRequestedDeliveryDate?: string;
  /** read-only */
  warehouse1Id?: number;
  /** read-only */
  w1AvailableQuantity?: number;
  /** read-only */
  w1DamagedQuantity?: number;
  /** read-only */
  w1InFulfillmentProcessQuantity?: number;
  /** read-only */
  w1OnHandQuantity?: number;
  /** read-only */
  w1OpenOrderQuantity?: number;
  /** read-only */
  w1OpenPOQuantity?: number;
  /** read-only */
  w1OrderableQuantity?: number;
  /** read-only */
  w1UnallocatableQuantity?: number;
  /** read-only */
  w1UnavailableQuantity?: number;
  /** read-only */
  w1DaysOnHand?: number;
  /** read-only */
  w1StockStatus?: string;
  /** read-only */
  w1EstimatedPallets?: number;
  /** read-only */
  w1EstimatedCases?: number;
  /** read-only */
  w1EstimatedInnerPacks?: number;
  /** ISO-8601 date-time; read-only */
  w1NextRequestedDeliveryDate?: string;
  /** read-only */
  warehouse2Id?: number;
  /** read-only */
  w2AvailableQuantity?: number;
  /** read-only */
  w2DamagedQuantity?: number;
  /** read-only */
  w2InFulfillmentProcessQuantity?: number;
  /** read-only */
  w2OnHandQuantity?: number;
  /** read-only */
  w2OpenOrderQuantity?: number;
  /** read-only */
  w2OpenPOQuantity?: number;
  /** read-only */
  w2OrderableQuantity?: number;
  /** read-only */
  w2UnallocatableQuantity?: number;
  /** read-only */
  w2UnavailableQuantity?: number;
  /** read-only */
  w2DaysOnHand?: number;
  /** read-only */
  w2StockStatus?: string;
  /** read-only */
  w2EstimatedPallets?: number;
  /** read-only */
  w2EstimatedCases?: number;
  /** read-only */
  w2EstimatedInnerPacks?: number;
  /** ISO-8601 date-time; read-only */
  w2NextRequestedDeliveryDate?: string;
  /** read-only */
  warehouse3Id?: number;
  /** read-only */
  w3AvailableQuantity?: number;
  /** read-only */
  w3DamagedQuantity?: number;
  /** read-only */
  w3InFulfillmentProcessQuantity?: number;
  /** read-only */
  w3OnHandQuantity?: number;
  /** read-only */
  w3OpenOrderQuantity?: number;
  /** read-only */
  w3OpenPOQuantity?: number;
  /** read-only */
  w3OrderableQuantity?: number;
  /** read-only */
  w3UnallocatableQuantity?: number;
  /** read-only */
  w3UnavailableQuantity?: number;
  /** read-only */
  w3DaysOnHand?: number;
  /** read-only */
  w3StockStatus?: string;
  /** read-only */
  w3EstimatedPallets?: number;
  /** read-only */
  w3EstimatedCases?: number;
  /** read-only */
  w3EstimatedInnerPacks?: number;
  /** ISO-8601 date-time; read-only */
  w3NextRequestedDeliveryDate?: string;
  /** read-only */
  warehouse4Id?: number;
  /** read-only */
  w4AvailableQuantity?: number;
  /** read-only */
  w4DamagedQuantity?: number;
  /** read-only */
  w4InFulfillmentProcessQuantity?: number;
  /** read-only */
  w4OnHandQuantity?: number;
  /** read-only */
  w4OpenOrderQuantity?: number;
  /** read-only */
  w4OpenPOQuantity?: number;
  /** read-only */
  w4OrderableQuantity?: number;
  /** read-only */
  w4UnallocatableQuantity?: number;
  /** read-only */
  w4UnavailableQuantity?: number;
  /** read-only */
  w4DaysOnHand?: number;
  /** read-only */
  w4StockStatus?: string;
  /** read-only */
  w4EstimatedPallets?: number;
  /** read-only */
  w4EstimatedCases?: number;
  /** read-only */
  w4EstimatedInnerPacks?: number;
  /** ISO-8601 date-time; read-only */
  w4NextRequestedDeliveryDate?: string;
  /** read-only */
  warehouse5Id?: number;
  /** read-only */
  w5AvailableQuantity?: number;
  /** read-only */
  w5DamagedQuantity?: number;
  /** read-only */
  w5InFulfillmentProcessQuantity?: number;
  /** read-only */
  w5OnHandQuantity?: number;
  /** read-only */
  w5OpenOrderQuantity?: number;
  /** read-only */
  w5OpenPOQuantity?: number;
  /** read-only */
  w5OrderableQuantity?: number;
  /** read-only */
  w5UnallocatableQuantity?: number;
  /** read-only */
  w5UnavailableQuantity?: number;
  /** read-only */
  w5DaysOnHand?: number;
  /** read-only */
  w5StockStatus?: string;
  /** read-only */
  w5EstimatedPallets?: number;
  /** read-only */
  w5EstimatedCases?: number;
  /** read-only */
  w5EstimatedInnerPacks?: number;
  /** ISO-8601 date-time; read-only */
  w5NextRequestedDeliveryDate?: string;
  /** read-only */
  warehouse6Id?: number;
  /** read-only */
  w6AvailableQuantity?: number;
  /** read-only */
  w6DamagedQuantity?: number;
  /** read-only */
  w6InFulfillmentProcessQuantity?: number;
  /** read-only */
  w6OnHandQuantity?: number;
  /** read-only */
  w6OpenOrderQuantity?: number;
  /** read-only */
  w6OpenPOQuantity?: number;
  /** read-only */
  w6OrderableQuantity?: number;
  /** read-only */
  w6UnallocatableQuantity?: number;
  /** read-only */
  w6UnavailableQuantity?: number;
  /** read-only */
  w6DaysOnHand?: number;
  /** read-only */
  w6StockStatus?: string;
  /** read-only */
  w6EstimatedPallets?: number;
  /** read-only */
  w6EstimatedCases?: number;
  /** read-only */
  w6EstimatedInnerPacks?: number;
  /** ISO-8601 date-time; read-only */
  w6NextRequestedDeliveryDate?: string;
  /** read-only */
  warehouse7Id?: number;
  /** read-only */
  w7AvailableQuantity?: number;
  /** read-only */
  w7DamagedQuantity?: number;
  /** read-only */
  w7InFulfillmentProcessQuantity?: number;
  /** read-only */
  w7OnHandQuantity?: number;
  /** read-only */
  w7OpenOrderQuantity?: number;
  /** read-only */
  w7OpenPOQuantity?: number;
  /** read-only */
  w7OrderableQuantity?: number;
  /** read-only */
  w7UnallocatableQuantity?: number;
  /** read-only */
  w7UnavailableQuantity?: number;
  /** read-only */
  w7DaysOnHand?: number;
  /** read-only */
  w7StockStatus?: string;
  /** read-only */
  w7EstimatedPallets?: number;
  /** read-only */
  w7EstimatedCases?: number;
  /** read-only */
  w7EstimatedInnerPacks?: number;
  /** ISO-8601 date-time; read-only */
  w7NextRequestedDeliveryDate?: string;
  /** read-only */
  warehouse8Id?: number;
  /** read-only */
  w8AvailableQuantity?: number;
  /** read-only */
  w8DamagedQuantity?: number;
  /** read-only */
  w8InFulfillmentProcessQuantity?: number;
  /** read-only */
  w8OnHandQuantity?: number;
  /** read-only */
  w8OpenOrderQuantity?: number;
  /** read-only */
  w8OpenPOQuantity?: number;
  /** read-only */
  w8OrderableQuantity?: number;
  /** read-only */
  w8UnallocatableQuantity?: number;
  /** read-only */
  w8UnavailableQuantity?: number;
  /** read-only */
  w8DaysOnHand?: number;
  /** read-only */
  w8StockStatus?: string;
  /** read-only */
  w8EstimatedPallets?: number;
  /** read-only */
  w8EstimatedCases?: number;
  /** read-only */
  w8EstimatedInnerPacks?: number;
  /** ISO-8601 date-time; read-only */
  w8NextRequestedDeliveryDate?: string;
  /** read-only */
  warehouse9Id?: number;
  /** read-only */
  w9AvailableQuantity?: number;
  /** read-only */
  w9DamagedQuantity?: number;
  /** read-only */
  w9InFulfillmentProcessQuantity?: number;
  /** read-only */
  w9OnHandQuantity?: number;
  /** read-only */
  w9OpenOrderQuantity?: number;
  /** read-only */
  w9OpenPOQuantity?: number;
  /** read-only */
  w9OrderableQuantity?: number;
  /** read-only */
  w9UnallocatableQuantity?: number;
  /** read-only */
  w9UnavailableQuantity?: number;
  /** read-only */
  w9DaysOnHand?: number;
  /** read-only */
  w9StockStatus?: string;
  /** read-only */
  w9EstimatedPallets?: number;
  /** read-only */
  w9EstimatedCases?: number;
  /** read-only */
  w9EstimatedInnerPacks?: number;
  /** ISO-8601 date-time; read-only */
  w9NextRequestedDeliveryDate?: string;
  /** read-only */
  warehouse10Id?: number;
  /** read-only */
  w10AvailableQuantity?: number;
  /** read-only */
  w10DamagedQuantity?: number;
  /** read-only */
  w10InFulfillmentProcessQuantity?: number;
  /** read-only */
  w10OnHandQuantity?: number;
  /** read-only */
  w10OpenOrderQuantity?: number;
  /** read-only */
  w10OpenPOQuantity?: number;
  /** read-only */
  w10OrderableQuantity?: number;
  /** read-only */
  w10UnallocatableQuantity?: number;
  /** read-only */
  w10UnavailableQuantity?: number;
  /** read-only */
  w10DaysOnHand?: number;
  /** read-only */
  w10StockStatus?: string;
  /** read-only */
  w10EstimatedPallets?: number;
  /** read-only */
  w10EstimatedCases?: number;
  /** read-only */
  w10EstimatedInnerPacks?: number;
  /** ISO-8601 date-time; read-only */
  w10NextRequestedDeliveryDate?: string;
  customFields?: Record<string, unknown>;
}

/** Infoplus Vendor (43 fields). */
export interface Vendor {
  /** read-only */
  id?: number;
  /** required in spec */
  vendorNo?: number;
  /** required in spec */
  lobId?: number;
  /** required in spec */
  name?: string;
  /** required in spec */
  street?: string;
  street2?: string;
  /** required in spec */
  city?: string;
  /** required in spec */
  state?: string;
  country?: string;
  /** required in spec */
  zipCode?: string;
  contact?: string;
  phone?: string;
  fax?: string;
  externalId?: string;
  terms?: string;
  fob?: string;
  shipVia?: number;
  requestDays?: number;
  actualDays?: number;
  salesTaxCode?: string;
  product1?: number;
  product2?: number;
  product3?: number;
  product4?: number;
  product5?: number;
  product6?: number;
  product7?: number;
  product8?: number;
  product9?: number;
  podDays?: number;
  chargeOut?: string;
  arEmail?: string;
  orderEmail?: string;
  orderAttach?: string;
  sendQuantityType?: string;
  minority?: string;
  sendOutside?: string;
  podOrderSuffix?: number;
  podEmail?: string;
  /** ISO-8601 date-time */
  createDate?: string;
  /** ISO-8601 date-time */
  modifyDate?: string;
  /** required in spec */
  inactive?: string;
  customFields?: Record<string, unknown>;
}

/** Infoplus Shipment (43 fields). */
export interface Shipment {
  id?: number;
  /** ISO-8601 date-time; read-only */
  createDate?: string;
  /** ISO-8601 date-time; read-only */
  modifyDate?: string;
  /** ISO-8601 date-time; read-only */
  shipDate?: string;
  /** ISO-8601 date-time; read-only */
  deliveredDate?: string;
  /** read-only */
  trackingNo?: string;
  /** required in spec */
  warehouseId?: number;
  /** read-only */
  lobId?: number;
  /** decimal; read-only */
  orderNo?: number;
  orderNoList?: number[];
  cartonNo?: number;
  numberOfCartons?: number;
  /** read-only */
  status?: string;
  shipped?: boolean;
  casebreak?: boolean;
  carrierServiceId?: number;
  /** decimal */
  dim1In?: number;
  /** decimal */
  dim2In?: number;
  /** decimal */
  dim3In?: number;
  estimatedZone?: string;
  /** read-only */
  parcelAccountNo?: string;
  /** read-only */
  thirdPartyParcelAccountNo?: string;
  /** read-only */
  shipmentId?: string;
  /** read-only; beta only (absent in v3.0) */
  manifestPartnerOrderId?: string;
  /** read-only */
  manifestId?: number;
  /** read-only */
  residential?: boolean;
  /** read-only */
  billingOption?: string;
  /** decimal; read-only */
  weightLbs?: number;
  /** decimal; read-only */
  dimWeight?: number;
  /** read-only */
  licensePlateNumber?: string;
  /** decimal; read-only */
  chargedFreightAmount?: number;
  /** decimal; read-only */
  publishedFreightAmount?: number;
  /** decimal; read-only */
  retailFreightAmount?: number;
  /** read-only */
  externalShippingSystemId?: number;
  /** read-only */
  shipmentType?: string;
  /** required in spec */
  carrierCompany?: string;
  cartonId?: number;
  cartonTypeId?: number;
  /** read-only */
  deliveryMessage?: string;
  /** read-only */
  loadId?: number;
  /** read-only */
  omsOrderNo?: number;
  /** read-only */
  carrier?: number;
  customFields?: Record<string, unknown>;
}

/** Infoplus InventoryAdjustment (14 fields). */
export interface InventoryAdjustment {
  id?: number;
  lobId?: number;
  sku?: string;
  poNoId?: number;
  /** ISO-8601 date-time */
  adjustmentDate?: string;
  adjustmentTime?: string;
  location?: string;
  qty?: number;
  note?: string;
  authorizedBy?: string;
  printed?: string;
  /** decimal */
  orderNo?: number;
  adjustmentCode?: string;
  customFields?: Record<string, unknown>;
}

/** Infoplus LineOfBusiness (13 fields). */
export interface LineOfBusiness {
  /** read-only */
  id?: number;
  /** required in spec */
  name?: string;
  /** required in spec */
  code?: string;
  label?: string;
  defaultWarehouseServiceTypeId?: number;
  defaultSLAServiceDays?: number;
  defaultSLACutoffTime?: string;
  onHold?: boolean;
  onHoldReason?: string;
  gs1CompanyPrefix?: string;
  /** ISO-8601 date-time; read-only */
  createDate?: string;
  /** ISO-8601 date-time; read-only */
  modifyDate?: string;
  customFields?: Record<string, unknown>;
}

/** Infoplus Warehouse (29 fields). */
export interface Warehouse {
  /** read-only */
  id?: number;
  /** required in spec; read-only */
  client?: number;
  /** required in spec */
  name?: string;
  address?: string;
  /** required in spec */
  company?: string;
  /** required in spec */
  street1?: string;
  street2?: string;
  street3?: string;
  /** required in spec */
  city?: string;
  state?: string;
  /** required in spec */
  zip?: string;
  /** required in spec */
  country?: string;
  /** required in spec */
  phone?: string;
  locationBarcodePrefix?: string;
  lpnPrefix?: string;
  timeZone?: string;
  /** required in spec */
  packStationAllowPackingBeforePickWorkIsComplete?: boolean;
  /** required in spec */
  packStationSkipCartonLPN?: boolean;
  /** required in spec */
  packStationRequireConfirmOnError?: boolean;
  /** required in spec */
  packStationAllowScanningSKUToIdentifyOrders?: boolean;
  /** required in spec */
  packStationAllowEntryOfItemQuantities?: boolean;
  /** beta only (absent in v3.0) */
  packStationAllowAddAllItems?: boolean;
  /** required in spec */
  shipStationWeightCheckPackedOrders?: boolean;
  /** required in spec */
  shipStationShowUserWeightCheckExceptions?: boolean;
  /** required in spec */
  shipStationAutoPrintPreGeneratedLabels?: boolean;
  /** required in spec */
  shipStationAllowScanningSKUToIdentifyOrders?: boolean;
  /** ISO-8601 date-time; read-only */
  createDate?: string;
  /** ISO-8601 date-time; read-only */
  modifyDate?: string;
  customFields?: Record<string, unknown>;
}

/** Infoplus Customer (49 fields). */
export interface Customer {
  /** read-only */
  id?: number;
  /** required in spec */
  lobId?: number;
  /** required in spec */
  customerNo?: string;
  /** required in spec */
  name?: string;
  attention?: string;
  /** required in spec */
  street?: string;
  street2?: string;
  street3Province?: string;
  /** required in spec */
  city?: string;
  state?: string;
  /** required in spec */
  zipCode?: string;
  /** required in spec */
  country?: string;
  phone?: string;
  fax?: string;
  email?: string;
  bossBranch?: string;
  /** required in spec */
  packageCarrierId?: number;
  /** required in spec */
  truckCarrierId?: number;
  /** required in spec */
  weightBreak?: number;
  sector?: string;
  division?: number;
  costCenter?: string;
  county?: string;
  area?: string;
  customerType?: string;
  massLevel?: string;
  /** decimal */
  massFactor?: number;
  priceLevel?: string;
  /** ISO-8601 date-time; read-only */
  openDate?: string;
  /** ISO-8601 date-time */
  closeDate?: string;
  restrictionPercent?: number;
  externalId?: string;
  /** ISO-8601 date-time */
  cycleDate?: string;
  manager?: string;
  alternateInventory?: number;
  pin?: string;
  faxGone?: string;
  /** required in spec */
  residential?: string;
  csrBranch?: string;
  extrinsicText1?: string;
  extrinsicText2?: string;
  extrinsicText3?: string;
  extrinsicNumber1?: number;
  extrinsicNumber2?: number;
  /** decimal */
  extrinsicDecimal1?: number;
  /** decimal */
  extrinsicDecimal2?: number;
  /** ISO-8601 date-time */
  modifyDate?: string;
  /** read-only */
  omsCustomerId?: number;
  customFields?: Record<string, unknown>;
}

/** Infoplus RecordFile (9 fields). */
export interface RecordFile {
  id?: number;
  fileName?: string;
  extension?: string;
  url?: string;
  roleName?: string;
  label?: string;
  /** ISO-8601 date-time */
  modifyDate?: string;
  printerTypeId?: number;
  userFullName?: string;
}

/** Infoplus QuickAdjustment (14 fields). */
export interface QuickAdjustment {
  /** read-only */
  id?: number;
  /** required in spec */
  warehouseId?: number;
  /** required in spec */
  locationId?: number;
  lobId?: number;
  /** required in spec */
  adjustmentCode?: string;
  totalQuantity?: number;
  changeQuantity?: number;
  message?: string;
  /** read-only */
  status?: string;
  productIdTag?: string;
  /** ISO-8601 date-time; read-only */
  createDate?: string;
  /** ISO-8601 date-time; read-only */
  modifyDate?: string;
  customFields?: Record<string, unknown>;
  sku?: string;
}

/** Infoplus QuickReceipt (36 fields). */
export interface QuickReceipt {
  /** read-only */
  id?: number;
  /** read-only */
  createdBy?: string;
  /** ISO-8601 date-time; read-only */
  createDate?: string;
  /** ISO-8601 date-time; read-only */
  modifyDate?: string;
  /** required in spec */
  warehouseId?: number;
  /** required in spec */
  lobId?: number;
  /** required in spec */
  sku?: string;
  /** required in spec */
  locationId?: number;
  /** required in spec */
  quantity?: number;
  /** beta only (absent in v3.0) */
  itemSerials?: string[];
  vendorId?: number;
  carrier?: string;
  /** read-only */
  status?: string;
  /** read-only */
  unitCode?: string;
  wrapCode?: string;
  /** decimal; required in spec */
  weightPerWrap?: number;
  unitsPerWrap?: number;
  quantityPerInnerPack?: number;
  unitsPerCase?: number;
  quantityPerPallet?: number;
  /** decimal */
  caseWeight?: number;
  productionLot?: string;
  revisionDate?: string;
  origin?: string;
  /** decimal */
  cartonLength?: number;
  /** decimal */
  cartonWidth?: number;
  /** decimal */
  cartonHeight?: number;
  /** decimal */
  cost?: number;
  /** decimal */
  sellPrice?: number;
  pricingPer?: string;
  /** read-only */
  generatedItemReceiptId?: number;
  /** read-only */
  generatedASNId?: number;
  /** ISO-8601 date-time */
  dockDate?: string;
  productIdTag?: string;
  /** ISO-8601 date-time */
  expirationDate?: string;
  customFields?: Record<string, unknown>;
}

/** Infoplus ExecuteQuickAdjustmentInputAPIModel (1 fields). */
export interface ExecuteQuickAdjustmentInputAPIModel {
  idList?: number[];
}

/** Infoplus ExecuteQuickReceiptInputAPIModel (1 fields). */
export interface ExecuteQuickReceiptInputAPIModel {
  idList?: number[];
}

/** Infoplus ProcessOutputAPIModel (4 fields). */
export interface ProcessOutputAPIModel {
  id?: unknown;
  status?: string;
  entity?: unknown;
  messageList?: string[];
}

/** model -> field -> spec (beta superset; betaOnly marks fields absent in v3.0). */
export const MODEL_FIELDS: { readonly [M in ModelName]: Readonly<Record<string, FieldSpec>> } = {
  Order: {
    orderNo: { type: 'decimal', required: false, readOnly: true },
    customerOrderNo: { type: 'string', required: false, readOnly: false },
    lobId: { type: 'integer', required: true, readOnly: false },
    warehouseId: { type: 'integer', required: true, readOnly: false },
    orderDate: { type: 'date-time', required: false, readOnly: false },
    customerNo: { type: 'string', required: false, readOnly: false },
    useOrderNoRoot: { type: 'integer', required: false, readOnly: false },
    shippingMethod: { type: 'string', required: false, readOnly: false },
    firstShipDate: { type: 'date-time', required: false, readOnly: false },
    lastShipDate: { type: 'date-time', required: false, readOnly: false },
    deliverOnDate: { type: 'date-time', required: false, readOnly: false },
    needByDate: { type: 'date-time', required: false, readOnly: false },
    carrierId: { type: 'integer', required: false, readOnly: false },
    shipVia: { type: 'string', required: false, readOnly: false },
    mediaCode: { type: 'string', required: false, readOnly: false },
    legacyRestrictionType: { type: 'string', required: false, readOnly: false },
    alcoholOrderType: { type: 'string', required: false, readOnly: false },
    alternateUsage: { type: 'string', required: false, readOnly: false },
    authorizationAmount: { type: 'decimal', required: false, readOnly: true },
    authorizedBy: { type: 'string', required: false, readOnly: false },
    balanceDue: { type: 'decimal', required: false, readOnly: true },
    batchNo: { type: 'string', required: false, readOnly: false },
    billToAttention: { type: 'string', required: false, readOnly: false },
    billToCompany: { type: 'string', required: false, readOnly: false },
    billToStreet: { type: 'string', required: false, readOnly: false },
    billToStreet2: { type: 'string', required: false, readOnly: false },
    billToStreet3: { type: 'string', required: false, readOnly: false },
    billToCity: { type: 'string', required: false, readOnly: false },
    billToState: { type: 'string', required: false, readOnly: false },
    billToZip: { type: 'string', required: false, readOnly: false },
    billToCountry: { type: 'string', required: false, readOnly: false },
    billToPhone: { type: 'string', required: false, readOnly: false },
    billToEmail: { type: 'string', required: false, readOnly: false },
    numberOfCartons: { type: 'integer', required: false, readOnly: true },
    numberOfPallets: { type: 'integer', required: false, readOnly: true },
    completionStatus: { type: 'string', required: false, readOnly: true },
    parcelAccountId: { type: 'integer', required: false, readOnly: true },
    thirdPartyParcelAccountId: { type: 'integer', required: false, readOnly: false },
    costCenter: { type: 'string', required: false, readOnly: false },
    createDate: { type: 'date-time', required: false, readOnly: true },
    customerPONo: { type: 'string', required: false, readOnly: false },
    distributionChannel: { type: 'string', required: false, readOnly: false },
    distributionCharges: { type: 'decimal', required: false, readOnly: true },
    division: { type: 'integer', required: false, readOnly: false },
    enteredBy: { type: 'string', required: false, readOnly: true },
    preAllocationEstimatedWeight: { type: 'decimal', required: false, readOnly: true },
    estimatedWeightLbs: { type: 'decimal', required: false, readOnly: true },
    freight: { type: 'decimal', required: false, readOnly: true },
    fulfillabilityDetails: { type: 'string', required: false, readOnly: true },
    giftMessageTo: { type: 'string', required: false, readOnly: false },
    giftMessageFrom: { type: 'string', required: false, readOnly: false },
    giftMessage: { type: 'string', required: false, readOnly: false },
    groupOrderId: { type: 'decimal', required: false, readOnly: true },
    parentKODOrderId: { type: 'decimal', required: false, readOnly: true },
    holdCode: { type: 'string', required: false, readOnly: false },
    integrationPartnerId: { type: 'integer', required: false, readOnly: false },
    numberOfLineItems: { type: 'integer', required: false, readOnly: true },
    estimatedNumberOfPicks: { type: 'integer', required: false, readOnly: true },
    modifyDate: { type: 'date-time', required: false, readOnly: true },
    omsOrderID: { type: 'integer', required: false, readOnly: true },
    omsOrderNo: { type: 'integer', required: false, readOnly: true },
    omsCustomerId: { type: 'integer', required: false, readOnly: true },
    orderLoadProgramId: { type: 'integer', required: false, readOnly: false },
    orderMessage: { type: 'string', required: false, readOnly: false },
    orderReason: { type: 'integer', required: false, readOnly: true },
    orderSourceId: { type: 'integer', required: false, readOnly: false },
    packingSlipTemplateId: { type: 'integer', required: false, readOnly: false },
    orderInvoiceTemplateId: { type: 'integer', required: false, readOnly: false },
    orderEmailTemplateId: { type: 'integer', required: false, readOnly: false },
    shipmentEmailTemplateId: { type: 'integer', required: false, readOnly: false },
    outForDeliveryEmailTemplateId: { type: 'integer', required: false, readOnly: false },
    deliveredEmailTemplateId: { type: 'integer', required: false, readOnly: false },
    priceLevel: { type: 'string', required: false, readOnly: false },
    priceMode: { type: 'string', required: false, readOnly: false },
    priorityCode: { type: 'integer', required: false, readOnly: false },
    fulfillmentProcessId: { type: 'integer', required: false, readOnly: true },
    shipBy: { type: 'date-time', required: false, readOnly: true },
    shipCode: { type: 'string', required: false, readOnly: false },
    shipDate: { type: 'date-time', required: false, readOnly: true },
    shippedDate: { type: 'date-time', required: false, readOnly: true },
    shipToAttention: { type: 'string', required: false, readOnly: false },
    shipToCompany: { type: 'string', required: false, readOnly: false },
    shipToStreet: { type: 'string', required: false, readOnly: false },
    shipToStreet2: { type: 'string', required: false, readOnly: false },
    shipToStreet3: { type: 'string', required: false, readOnly: false },
    shipToCity: { type: 'string', required: false, readOnly: false },
    shipToState: { type: 'string', required: false, readOnly: false },
    shipToZip: { type: 'string', required: false, readOnly: false },
    shipToCountry: { type: 'string', required: false, readOnly: false },
    shipToPhone: { type: 'string', required: false, readOnly: false },
    shipToEmail: { type: 'string', required: false, readOnly: false },
    shippingCharge: { type: 'decimal', required: false, readOnly: false },
    status: { type: 'string', required: false, readOnly: true },
    stopBackOrders: { type: 'string', required: false, readOnly: true },
    subtotal: { type: 'decimal', required: false, readOnly: false },
    tax: { type: 'decimal', required: false, readOnly: false },
    total: { type: 'decimal', required: false, readOnly: false },
    totalDiscount: { type: 'decimal', required: false, readOnly: false },
    totalPaid: { type: 'decimal', required: false, readOnly: true },
    totalQty: { type: 'integer', required: false, readOnly: true },
    weightLbs: { type: 'decimal', required: false, readOnly: true },
    orderAssemblyInstructions: { type: 'string', required: false, readOnly: false },
    parcelLabelRef1: { type: 'string', required: false, readOnly: false },
    parcelLabelRef2: { type: 'string', required: false, readOnly: false },
    parcelLabelRef3: { type: 'string', required: false, readOnly: false },
    lineItems: { type: 'array', required: true, readOnly: false, items: 'OrderLine', itemsModel: 'OrderLine' },
    requestedParcelAccessories: { type: 'array', required: false, readOnly: false, items: 'ReqParcelAccessoryData', itemsModel: 'ReqParcelAccessoryData' },
    extraOrderData: { type: 'array', required: false, readOnly: false, items: 'OrderExtraOrderData', itemsModel: 'OrderExtraOrderData' },
    extraLineItemData: { type: 'array', required: false, readOnly: false, items: 'OrderExtraLineItemData', itemsModel: 'OrderExtraLineItemData' },
    externalShippingSystemId: { type: 'integer', required: false, readOnly: true },
    serviceTypeId: { type: 'string', required: false, readOnly: false },
    warehouseServiceTypeId: { type: 'integer', required: false, readOnly: false },
    warehouseServiceLevelId: { type: 'integer', required: false, readOnly: false },
    slaDate: { type: 'date-time', required: false, readOnly: true },
    slaStatus: { type: 'string', required: false, readOnly: true },
    productionType: { type: 'string', required: false, readOnly: true },
    backOrderStatus: { type: 'string', required: false, readOnly: true },
    backOrderReleaseDate: { type: 'date-time', required: false, readOnly: true },
    estimatedNumberOfCartons: { type: 'integer', required: false, readOnly: true },
    estimatedCartonizationPlan: { type: 'string', required: false, readOnly: false },
    manifestScriptId: { type: 'integer', required: false, readOnly: false },
    storeNo: { type: 'string', required: false, readOnly: false },
    storeName: { type: 'string', required: false, readOnly: false },
    departmentNo: { type: 'string', required: false, readOnly: false },
    departmentName: { type: 'string', required: false, readOnly: false },
    vendorNo: { type: 'string', required: false, readOnly: false },
    internalUse91: { type: 'string', required: false, readOnly: false },
    deliveryDays: { type: 'integer', required: false, readOnly: true, betaOnly: true },
    deliveryDateGuaranteed: { type: 'boolean', required: false, readOnly: true, betaOnly: true },
    fulfillability: { type: 'string', required: false, readOnly: true },
    customFields: { type: 'map', required: false, readOnly: false },
  },
  OrderLine: {
    id: { type: 'integer', required: false, readOnly: true },
    lineItemId: { type: 'integer', required: false, readOnly: true },
    customerLineItemNo: { type: 'string', required: false, readOnly: true },
    orderNo: { type: 'decimal', required: false, readOnly: true },
    lobId: { type: 'integer', required: true, readOnly: true },
    sku: { type: 'string', required: true, readOnly: false },
    poNoId: { type: 'integer', required: false, readOnly: true },
    orderedQty: { type: 'integer', required: true, readOnly: false },
    allowedQty: { type: 'integer', required: false, readOnly: true },
    shippedQty: { type: 'integer', required: false, readOnly: true },
    backorderQty: { type: 'integer', required: false, readOnly: true },
    numberOfWraps: { type: 'integer', required: false, readOnly: true },
    numberOfCases: { type: 'integer', required: false, readOnly: true },
    numberOfInnerPacks: { type: 'integer', required: false, readOnly: true },
    revDate: { type: 'string', required: false, readOnly: true },
    chargeCode: { type: 'string', required: false, readOnly: true },
    distributionCode: { type: 'string', required: false, readOnly: true },
    upc: { type: 'string', required: false, readOnly: true },
    vendorSKU: { type: 'string', required: false, readOnly: true },
    orderSourceSKU: { type: 'string', required: false, readOnly: true },
    unitCost: { type: 'decimal', required: false, readOnly: true },
    unitSell: { type: 'decimal', required: false, readOnly: true },
    unitDiscount: { type: 'decimal', required: false, readOnly: true },
    unitDeclaredValueOverride: { type: 'decimal', required: false, readOnly: true },
    extendedCost: { type: 'decimal', required: false, readOnly: true },
    extendedSell: { type: 'decimal', required: false, readOnly: true },
    extendedDiscount: { type: 'decimal', required: false, readOnly: true },
    ncExtendedSell: { type: 'decimal', required: false, readOnly: true },
    extendedDeclaredValueOverride: { type: 'decimal', required: false, readOnly: true },
    itemWeight: { type: 'decimal', required: false, readOnly: true },
    productionLot: { type: 'string', required: false, readOnly: true },
    productIdTag: { type: 'string', required: false, readOnly: true },
    expirationDate: { type: 'date-time', required: false, readOnly: true },
    weightPerWrap: { type: 'decimal', required: false, readOnly: true },
    sector: { type: 'string', required: false, readOnly: true },
    orderAssemblyInstructions: { type: 'string', required: false, readOnly: false },
    itemAccountCodeId: { type: 'integer', required: false, readOnly: false },
    itemLegacyLowStockContactId: { type: 'integer', required: false, readOnly: false },
    itemMajorGroupId: { type: 'integer', required: false, readOnly: false },
    itemSubGroupId: { type: 'integer', required: false, readOnly: false },
    itemProductCodeId: { type: 'integer', required: false, readOnly: false },
    itemSummaryCodeId: { type: 'integer', required: false, readOnly: false },
    fulfillmentChannel: { type: 'string', required: false, readOnly: false },
    dynamicKitComponentList: { type: 'array', required: false, readOnly: false, items: 'DynamicKitComponentLine', itemsModel: 'DynamicKitComponentLine' },
    overrideReceiptsForFulfillmentList: { type: 'array', required: false, readOnly: false, items: 'OverrideReceiptsForFulfillment', itemsModel: 'OverrideReceiptsForFulfillment' },
    customFields: { type: 'map', required: false, readOnly: false },
  },
  ReqParcelAccessoryData: {
    accessory: { type: 'string', required: true, readOnly: false },
    amount: { type: 'decimal', required: false, readOnly: false },
    customFields: { type: 'map', required: false, readOnly: false },
  },
  OrderExtraOrderData: {
    sequence: { type: 'string', required: false, readOnly: false },
    category: { type: 'string', required: false, readOnly: false },
    code: { type: 'string', required: false, readOnly: false },
    value: { type: 'string', required: false, readOnly: false },
    customFields: { type: 'map', required: false, readOnly: false },
  },
  OrderExtraLineItemData: {
    sku: { type: 'string', required: false, readOnly: false },
    category: { type: 'string', required: false, readOnly: false },
    code: { type: 'string', required: false, readOnly: false },
    value: { type: 'string', required: false, readOnly: false },
    customFields: { type: 'map', required: false, readOnly: false },
  },
  DynamicKitComponentLine: {
    lobId: { type: 'integer', required: true, readOnly: true },
    sku: { type: 'string', required: true, readOnly: false },
    perKitQuantity: { type: 'integer', required: false, readOnly: false },
    customFields: { type: 'map', required: false, readOnly: false },
  },
  OverrideReceiptsForFulfillment: {
    itemReceiptId: { type: 'integer', required: true, readOnly: true },
    customFields: { type: 'map', required: false, readOnly: false },
  },
  Asn: {
    id: { type: 'integer', required: false, readOnly: true },
    createDate: { type: 'date-time', required: false, readOnly: true },
    modifyDate: { type: 'date-time', required: false, readOnly: true },
    lobId: { type: 'integer', required: true, readOnly: false },
    poNo: { type: 'string', required: true, readOnly: false },
    vendorId: { type: 'integer', required: true, readOnly: false },
    warehouseId: { type: 'integer', required: true, readOnly: false },
    orderDate: { type: 'date-time', required: true, readOnly: false },
    type: { type: 'string', required: true, readOnly: false },
    billingName: { type: 'string', required: false, readOnly: false },
    billingAttention: { type: 'string', required: false, readOnly: false },
    billingStreet1: { type: 'string', required: false, readOnly: false },
    billingStreet2: { type: 'string', required: false, readOnly: false },
    billingCity: { type: 'string', required: false, readOnly: false },
    billingState: { type: 'string', required: false, readOnly: false },
    billingZipCode: { type: 'string', required: false, readOnly: false },
    billingPhone: { type: 'string', required: false, readOnly: false },
    shipToName: { type: 'string', required: false, readOnly: false },
    shipToAddress: { type: 'string', required: false, readOnly: false },
    shipToStreet1: { type: 'string', required: false, readOnly: false },
    shipToStreet2: { type: 'string', required: false, readOnly: false },
    shipToCity: { type: 'string', required: false, readOnly: false },
    shipToState: { type: 'string', required: false, readOnly: false },
    shipToZipCode: { type: 'string', required: false, readOnly: false },
    shipToPhone: { type: 'string', required: false, readOnly: false },
    corporateName: { type: 'string', required: false, readOnly: false },
    corporateAttention: { type: 'string', required: false, readOnly: false },
    corporateStreet1: { type: 'string', required: false, readOnly: false },
    corporateStreet2: { type: 'string', required: false, readOnly: false },
    corporateCity: { type: 'string', required: false, readOnly: false },
    corporateState: { type: 'string', required: false, readOnly: false },
    corporateZipCode: { type: 'string', required: false, readOnly: false },
    accountCode: { type: 'string', required: false, readOnly: false },
    buyer: { type: 'integer', required: false, readOnly: false },
    carrier: { type: 'integer', required: false, readOnly: false },
    confTo: { type: 'string', required: false, readOnly: false },
    fob: { type: 'string', required: false, readOnly: false },
    printed: { type: 'string', required: false, readOnly: true },
    projectNo: { type: 'integer', required: false, readOnly: false },
    remarks: { type: 'string', required: false, readOnly: false },
    requestBy: { type: 'string', required: false, readOnly: false },
    terms: { type: 'string', required: false, readOnly: false },
    usedBy: { type: 'string', required: false, readOnly: false },
    lineItems: { type: 'array', required: false, readOnly: false, items: 'ItemReceipt', itemsModel: 'ItemReceipt' },
    status: { type: 'string', required: false, readOnly: true },
    transferOrderId: { type: 'decimal', required: false, readOnly: true },
    customFields: { type: 'map', required: false, readOnly: false },
  },
  ItemReceipt: {
    id: { type: 'integer', required: false, readOnly: true },
    poNoId: { type: 'integer', required: false, readOnly: true },
    lobId: { type: 'integer', required: true, readOnly: true },
    legacyPoNo: { type: 'string', required: false, readOnly: true },
    warehouseId: { type: 'integer', required: true, readOnly: true },
    orderDate: { type: 'date-time', required: false, readOnly: true },
    fullDescription: { type: 'string', required: false, readOnly: false },
    factCost: { type: 'decimal', required: false, readOnly: false },
    mlCost: { type: 'decimal', required: false, readOnly: false },
    sku: { type: 'string', required: true, readOnly: true },
    orderQuantity: { type: 'integer', required: true, readOnly: true },
    requestedDeliveryDate: { type: 'date-time', required: false, readOnly: false },
    unitCode: { type: 'string', required: true, readOnly: false },
    wrapCode: { type: 'string', required: true, readOnly: false },
    unitsPerWrap: { type: 'integer', required: true, readOnly: false },
    cost: { type: 'decimal', required: false, readOnly: false },
    sellPrice: { type: 'decimal', required: false, readOnly: false },
    pricingPer: { type: 'string', required: false, readOnly: false },
    maxFreight: { type: 'decimal', required: false, readOnly: false },
    chargeFreight: { type: 'string', required: true, readOnly: false },
    maxOther: { type: 'decimal', required: false, readOnly: false },
    distDate: { type: 'date-time', required: true, readOnly: false },
    voidDate: { type: 'date-time', required: false, readOnly: false },
    freezeAction: { type: 'string', required: false, readOnly: false },
    revDate: { type: 'string', required: false, readOnly: false },
    expirationDate: { type: 'date-time', required: false, readOnly: false },
    artBack: { type: 'string', required: false, readOnly: false },
    origin: { type: 'string', required: false, readOnly: false },
    sample: { type: 'integer', required: false, readOnly: false },
    sampleTo: { type: 'string', required: false, readOnly: false },
    maxOvers: { type: 'integer', required: true, readOnly: true },
    maxUnders: { type: 'integer', required: true, readOnly: true },
    receivedSfp: { type: 'integer', required: false, readOnly: false },
    budgetCode: { type: 'string', required: false, readOnly: false },
    accountingCode: { type: 'string', required: false, readOnly: false },
    taxExempt: { type: 'string', required: false, readOnly: false },
    capitalize: { type: 'string', required: false, readOnly: false },
    accrual: { type: 'string', required: false, readOnly: false },
    oddQuantity: { type: 'integer', required: false, readOnly: false },
    freightCost: { type: 'decimal', required: false, readOnly: false },
    receivedDate: { type: 'date-time', required: false, readOnly: false },
    receivedQuantity: { type: 'integer', required: false, readOnly: true },
    fromProd: { type: 'integer', required: false, readOnly: false },
    sfpComplete: { type: 'string', required: false, readOnly: false },
    endQuantity: { type: 'integer', required: false, readOnly: false },
    endVal: { type: 'decimal', required: false, readOnly: false },
    endFact: { type: 'decimal', required: false, readOnly: false },
    interimQuantity: { type: 'integer', required: false, readOnly: false },
    interimVal: { type: 'decimal', required: false, readOnly: false },
    interimFact: { type: 'decimal', required: false, readOnly: false },
    lastAct: { type: 'date-time', required: false, readOnly: false },
    weightPerWrap: { type: 'decimal', required: false, readOnly: false },
    norcs: { type: 'string', required: false, readOnly: false },
    vendorId: { type: 'integer', required: true, readOnly: false },
    bsVendor: { type: 'integer', required: false, readOnly: false },
    mlVendor: { type: 'integer', required: false, readOnly: false },
    receiptNo: { type: 'integer', required: false, readOnly: false },
    paidFull: { type: 'string', required: false, readOnly: false },
    enteredBy: { type: 'string', required: false, readOnly: true },
    receivedBy: { type: 'string', required: false, readOnly: true },
    lineNo: { type: 'integer', required: false, readOnly: false },
    prodLot: { type: 'string', required: false, readOnly: false },
    productIdTag: { type: 'string', required: false, readOnly: false },
    unitsPerInnerPack: { type: 'integer', required: false, readOnly: false },
    unitsPerCase: { type: 'integer', required: false, readOnly: false },
    unitsPerPallet: { type: 'integer', required: false, readOnly: false },
    caseWeight: { type: 'decimal', required: false, readOnly: false },
    height: { type: 'decimal', required: false, readOnly: false },
    width: { type: 'decimal', required: false, readOnly: false },
    length: { type: 'decimal', required: false, readOnly: false },
    dockDate: { type: 'date-time', required: false, readOnly: false },
    modifyDate: { type: 'date-time', required: false, readOnly: true },
    impressions: { type: 'integer', required: false, readOnly: false },
    asnLine: { type: 'integer', required: false, readOnly: false },
    upc: { type: 'string', required: false, readOnly: true },
    vendorSKU: { type: 'string', required: false, readOnly: true },
    customFields: { type: 'map', required: false, readOnly: false },
  },
  Item: {
    id: { type: 'integer', required: false, readOnly: true },
    accountCodeId: { type: 'integer', required: false, readOnly: false },
    lowStockContactId: { type: 'integer', required: false, readOnly: false },
    legacyLowLevelContactId: { type: 'integer', required: false, readOnly: false },
    lowStockCodeId: { type: 'integer', required: false, readOnly: false },
    majorGroupId: { type: 'integer', required: true, readOnly: false },
    subGroupId: { type: 'integer', required: true, readOnly: false },
    productCodeId: { type: 'integer', required: false, readOnly: false },
    summaryCodeId: { type: 'integer', required: false, readOnly: false },
    buyerId: { type: 'integer', required: false, readOnly: false },
    lobId: { type: 'integer', required: true, readOnly: false },
    sku: { type: 'string', required: true, readOnly: false },
    vendorSKU: { type: 'string', required: false, readOnly: false },
    upc: { type: 'string', required: false, readOnly: false },
    itemDescription: { type: 'string', required: true, readOnly: false },
    packingSlipDescription: { type: 'string', required: false, readOnly: false },
    absoluteMax: { type: 'string', required: false, readOnly: false },
    additionalDescription: { type: 'string', required: false, readOnly: false },
    backorder: { type: 'string', required: true, readOnly: false },
    chargeCode: { type: 'string', required: true, readOnly: false },
    commodityCodeId: { type: 'integer', required: false, readOnly: false },
    companionCode: { type: 'integer', required: false, readOnly: false },
    createDate: { type: 'date-time', required: false, readOnly: true },
    criticalAmount: { type: 'integer', required: false, readOnly: false },
    overallFixedReorderPoint: { type: 'integer', required: false, readOnly: false },
    overallLeadTime: { type: 'integer', required: false, readOnly: false },
    sellPrice: { type: 'decimal', required: false, readOnly: false },
    pricingPer: { type: 'string', required: false, readOnly: false },
    lotControlFlag: { type: 'string', required: false, readOnly: false },
    maxCycle: { type: 'integer', required: true, readOnly: false },
    maxInterim: { type: 'integer', required: true, readOnly: false },
    numericSortOrder: { type: 'integer', required: false, readOnly: false },
    outsideVendorId: { type: 'integer', required: false, readOnly: false },
    pickCode: { type: 'string', required: false, readOnly: false },
    podOrderSuffix: { type: 'integer', required: false, readOnly: false },
    podRevDate: { type: 'string', required: false, readOnly: false },
    status: { type: 'string', required: true, readOnly: false },
    seasonalItem: { type: 'string', required: true, readOnly: false },
    requiresProductionLot: { type: 'string', required: false, readOnly: false },
    sector: { type: 'string', required: false, readOnly: false },
    secure: { type: 'string', required: true, readOnly: false },
    serialCode: { type: 'string', required: false, readOnly: false },
    unitCode: { type: 'string', required: true, readOnly: false },
    unitsPerWrap: { type: 'integer', required: false, readOnly: false },
    weightPerWrap: { type: 'decimal', required: false, readOnly: false },
    quantityPerInnerPack: { type: 'integer', required: false, readOnly: false },
    quantityPerCase: { type: 'integer', required: false, readOnly: false },
    quantityPerPallet: { type: 'integer', required: false, readOnly: false },
    innerPackBarcode: { type: 'string', required: false, readOnly: false },
    caseBarcode: { type: 'string', required: false, readOnly: false },
    palletBarcode: { type: 'string', required: false, readOnly: false },
    voidDate: { type: 'date-time', required: false, readOnly: true },
    wrapCode: { type: 'string', required: false, readOnly: false },
    extrinsicText1: { type: 'string', required: false, readOnly: false },
    extrinsicText2: { type: 'string', required: false, readOnly: false },
    extrinsicText3: { type: 'string', required: false, readOnly: false },
    extrinsicNumber1: { type: 'integer', required: false, readOnly: false },
    extrinsicNumber2: { type: 'integer', required: false, readOnly: false },
    extrinsicDecimal1: { type: 'decimal', required: false, readOnly: false },
    extrinsicDecimal2: { type: 'decimal', required: false, readOnly: false },
    casebreakEnabled: { type: 'string', required: false, readOnly: false },
    vendorId: { type: 'integer', required: false, readOnly: false },
    vendorPrice: { type: 'decimal', required: false, readOnly: false },
    vendorPer: { type: 'string', required: false, readOnly: false },
    modifyDate: { type: 'date-time', required: false, readOnly: true },
    primaryImage: { type: 'string', required: false, readOnly: true },
    pickImage: { type: 'string', required: false, readOnly: true },
    behaviorType: { type: 'string', required: false, readOnly: false },
    assemblyInstructions: { type: 'string', required: false, readOnly: false },
    forwardLotMixingRule: { type: 'string', required: true, readOnly: false },
    storageLotMixingRule: { type: 'string', required: true, readOnly: false },
    forwardItemMixingRule: { type: 'string', required: true, readOnly: false },
    storageItemMixingRule: { type: 'string', required: true, readOnly: false },
    allocationRule: { type: 'string', required: true, readOnly: false },
    allocationSort: { type: 'string', required: false, readOnly: false },
    allocationField: { type: 'string', required: false, readOnly: false },
    barcodeField: { type: 'string', required: false, readOnly: false },
    warehouseDisplayField: { type: 'string', required: false, readOnly: false },
    productIdTagSchemeId: { type: 'integer', required: false, readOnly: false },
    itemSerialSchemeId: { type: 'integer', required: false, readOnly: false },
    receivingCriteriaSchemeId: { type: 'integer', required: true, readOnly: false },
    asnRule: { type: 'string', required: false, readOnly: false },
    quantityType: { type: 'string', required: false, readOnly: false },
    hazmat: { type: 'string', required: true, readOnly: false },
    uspsHazmatTypeId: { type: 'integer', required: false, readOnly: false, betaOnly: true },
    isAlcohol: { type: 'boolean', required: false, readOnly: false },
    alcoholType: { type: 'string', required: false, readOnly: false },
    alcoholContent: { type: 'decimal', required: false, readOnly: false },
    alcoholContainer: { type: 'string', required: false, readOnly: false },
    alcoholVintageYear: { type: 'string', required: false, readOnly: false },
    alcoholCountry: { type: 'string', required: false, readOnly: false },
    alcoholState: { type: 'string', required: false, readOnly: false },
    alcoholRegion: { type: 'string', required: false, readOnly: false },
    alcoholBrand: { type: 'string', required: false, readOnly: false },
    alcoholUPCCode: { type: 'string', required: false, readOnly: false },
    alcoholNAMBCACode: { type: 'string', required: false, readOnly: false },
    alcoholUNIMERCCode: { type: 'string', required: false, readOnly: false },
    alcoholSCCCode: { type: 'string', required: false, readOnly: false },
    length: { type: 'decimal', required: false, readOnly: false },
    width: { type: 'decimal', required: false, readOnly: false },
    height: { type: 'decimal', required: false, readOnly: false },
    topUp: { type: 'boolean', required: false, readOnly: false },
    shipSolo: { type: 'boolean', required: false, readOnly: false },
    inventoryUpdateTimestamp: { type: 'date-time', required: false, readOnly: true },
    availableQuantity: { type: 'integer', required: false, readOnly: true },
    damagedQuantity: { type: 'integer', required: false, readOnly: true },
    inFulfillmentProcessQuantity: { type: 'integer', required: false, readOnly: true },
    onHandQuantity: { type: 'integer', required: false, readOnly: true },
    openOrderQuantity: { type: 'integer', required: false, readOnly: true },
    openPOQuantity: { type: 'integer', required: false, readOnly: true },
    orderableQuantity: { type: 'integer', required: false, readOnly: true },
    unallocatableQuantity: { type: 'integer', required: false, readOnly: true },
    unavailableQuantity: { type: 'integer', required: false, readOnly: true },
    totalDemand: { type: 'integer', required: false, readOnly: true },
    availableQuantityInnerPacks: { type: 'integer', required: false, readOnly: true },
    damagedQuantityInnerPacks: { type: 'integer', required: false, readOnly: true },
    inFulfillmentProcessQuantityInnerPacks: { type: 'integer', required: false, readOnly: true },
    onHandQuantityInnerPacks: { type: 'integer', required: false, readOnly: true },
    openOrderQuantityInnerPacks: { type: 'integer', required: false, readOnly: true },
    openPOQuantityInnerPacks: { type: 'integer', required: false, readOnly: true },
    orderableQuantityInnerPacks: { type: 'integer', required: false, readOnly: true },
    unallocatableQuantityInnerPacks: { type: 'integer', required: false, readOnly: true },
    unavailableQuantityInnerPacks: { type: 'integer', required: false, readOnly: true },
    availableQuantityCases: { type: 'integer', required: false, readOnly: true },
    damagedQuantityCases: { type: 'integer', required: false, readOnly: true },
    inFulfillmentProcessQuantityCases: { type: 'integer', required: false, readOnly: true },
    onHandQuantityCases: { type: 'integer', required: false, readOnly: true },
    openOrderQuantityCases: { type: 'integer', required: false, readOnly: true },
    openPOQuantityCases: { type: 'integer', required: false, readOnly: true },
    orderableQuantityCases: { type: 'integer', required: false, readOnly: true },
    unallocatableQuantityCases: { type: 'integer', required: false, readOnly: true },
    unavailableQuantityCases: { type: 'integer', required: false, readOnly: true },
    availableQuantityPallets: { type: 'integer', required: false, readOnly: true },
    damagedQuantityPallets: { type: 'integer', required: false, readOnly: true },
    inFulfillmentProcessQuantityPallets: { type: 'integer', required: false, readOnly: true },
    onHandQuantityPallets: { type: 'integer', required: false, readOnly: true },
    openOrderQuantityPallets: { type: 'integer', required: false, readOnly: true },
    openPOQuantityPallets: { type: 'integer', required: false, readOnly: true },
    orderableQuantityPallets: { type: 'integer', required: false, readOnly: true },
    unallocatableQuantityPallets: { type: 'integer', required: false, readOnly: true },
    unavailableQuantityPallets: { type: 'integer', required: false, readOnly: true },
    overallDaysOnHand: { type: 'integer', required: false, readOnly: true },
    overallStockStatus: { type: 'string', required: false, readOnly: true },
    estimatedPallets: { type: 'integer', required: false, readOnly: true },
    estimatedCases: { type: 'integer', required: false, readOnly: true },
    estimatedInnerPacks: { type: 'integer', required: false, readOnly: true },
    nextRequestedDeliveryDate: { type: 'date-time', required: false, readOnly: true },
    warehouse1Id: { type: 'integer', required: false, readOnly: true },
    w1AvailableQuantity: { type: 'integer', required: false, readOnly: true },
    w1DamagedQuantity: { type: 'integer', required: false, readOnly: true },
    w1InFulfillmentProcessQuantity: { type: 'integer', required: false, readOnly: true },
    w1OnHandQuantity: { type: 'integer', required: false, readOnly: true },
    w1OpenOrderQuantity: { type: 'integer', required: false, readOnly: true },
    w1OpenPOQuantity: { type: 'integer', required: false, readOnly: true },
    w1OrderableQuantity: { type: 'integer', required: false, readOnly: true },
    w1UnallocatableQuantity: { type: 'integer', required: false, readOnly: true },
    w1UnavailableQuantity: { type: 'integer', required: false, readOnly: true },
    w1DaysOnHand: { type: 'integer', required: false, readOnly: true },
    w1StockStatus: { type: 'string', required: false, readOnly: true },
    w1EstimatedPallets: { type: 'integer', required: false, readOnly: true },
    w1EstimatedCases: { type: 'integer', required: false, readOnly: true },
    w1EstimatedInnerPacks: { type: 'integer', required: false, readOnly: true },
    w1NextRequestedDeliveryDate: { type: 'date-time', required: false, readOnly: true },
    warehouse2Id: { type: 'integer', required: false, readOnly: true },
    w2AvailableQuantity: { type: 'integer', required: false, readOnly: true },
    w2DamagedQuantity: { type: 'integer', required: false, readOnly: true },
    w2InFulfillmentProcessQuantity: { type: 'integer', required: false, readOnly: true },
    w2OnHandQuantity: { type: 'integer', required: false, readOnly: true },
    w2OpenOrderQuantity: { type: 'integer', required: false, readOnly: true },
    w2OpenPOQuantity: { type: 'integer', required: false, readOnly: true },
    w2OrderableQuantity: { type: 'integer', required: false, readOnly: true },
    w2UnallocatableQuantity: { type: 'integer', required: false, readOnly: true },
    w2UnavailableQuantity: { type: 'integer', required: false, readOnly: true },
    w2DaysOnHand: { type: 'integer', required: false, readOnly: true },
    w2StockStatus: { type: 'string', required: false, readOnly: true },
    w2EstimatedPallets: { type: 'integer', required: false, readOnly: true },
    w2EstimatedCases: { type: 'integer', required: false, readOnly: true },
    w2EstimatedInnerPacks: { type: 'integer', required: false, readOnly: true },
    w2NextRequestedDeliveryDate: { type: 'date-time', required: false, readOnly: true },
    warehouse3Id: { type: 'integer', required: false, readOnly: true },
    w3AvailableQuantity: { type: 'integer', required: false, readOnly: true },
    w3DamagedQuantity: { type: 'integer', required: false, readOnly: true },
    w3InFulfillmentProcessQuantity: { type: 'integer', required: false, readOnly: true },
    w3OnHandQuantity: { type: 'integer', required: false, readOnly: true },
    w3OpenOrderQuantity: { type: 'integer', required: false, readOnly: true },
    w3OpenPOQuantity: { type: 'integer', required: false, readOnly: true },
    w3OrderableQuantity: { type: 'integer', required: false, readOnly: true },
    w3UnallocatableQuantity: { type: 'integer', required: false, readOnly: true },
    w3UnavailableQuantity: { type: 'integer', required: false, readOnly: true },
    w3DaysOnHand: { type: 'integer', required: false, readOnly: true },
    w3StockStatus: { type: 'string', required: false, readOnly: true },
    w3EstimatedPallets: { type: 'integer', required: false, readOnly: true },
    w3EstimatedCases: { type: 'integer', required: false, readOnly: true },
    w3EstimatedInnerPacks: { type: 'integer', required: false, readOnly: true },
    w3NextRequestedDeliveryDate: { type: 'date-time', required: false, readOnly: true },
    warehouse4Id: { type: 'integer', required: false, readOnly: true },
    w4AvailableQuantity: { type: 'integer', required: false, readOnly: true },
    w4DamagedQuantity: { type: 'integer', required: false, readOnly: true },
    w4InFulfillmentProcessQuantity: { type: 'integer', required: false, readOnly: true },
    w4OnHandQuantity: { type: 'integer', required: false, readOnly: true },
    w4OpenOrderQuantity: { type: 'integer', required: false, readOnly: true },
    w4OpenPOQuantity: { type: 'integer', required: false, readOnly: true },
    w4OrderableQuantity: { type: 'integer', required: false, readOnly: true },
    w4UnallocatableQuantity: { type: 'integer', required: false, readOnly: true },
    w4UnavailableQuantity: { type: 'integer', required: false, readOnly: true },
    w4DaysOnHand: { type: 'integer', required: false, readOnly: true },
    w4StockStatus: { type: 'string', required: false, readOnly: true },
    w4EstimatedPallets: { type: 'integer', required: false, readOnly: true },
    w4EstimatedCases: { type: 'integer', required: false, readOnly: true },
    w4EstimatedInnerPacks: { type: 'integer', required: false, readOnly: true },
    w4NextRequestedDeliveryDate: { type: 'date-time', required: false, readOnly: true },
    warehouse5Id: { type: 'integer', required: false, readOnly: true },
    w5AvailableQuantity: { type: 'integer', required: false, readOnly: true },
    w5DamagedQuantity: { type: 'integer', required: false, readOnly: true },
    w5InFulfillmentProcessQuantity: { type: 'integer', required: false, readOnly: true },
    w5OnHandQuantity: { type: 'integer', required: false, readOnly: true },
    w5OpenOrderQuantity: { type: 'integer', required: false, readOnly: true },
    w5OpenPOQuantity: { type: 'integer', required: false, readOnly: true },
    w5OrderableQuantity: { type: 'integer', required: false, readOnly: true },
    w5UnallocatableQuantity: { type: 'integer', required: false, readOnly: true },
    w5UnavailableQuantity: { type: 'integer', required: false, readOnly: true },
    w5DaysOnHand: { type: 'integer', required: false, readOnly: true },
    w5StockStatus: { type: 'string', required: false, readOnly: true },
    w5EstimatedPallets: { type: 'integer', required: false, readOnly: true },
    w5EstimatedCases: { type: 'integer', required: false, readOnly: true },
    w5EstimatedInnerPacks: { type: 'integer', required: false, readOnly: true },
    w5NextRequestedDeliveryDate: { type: 'date-time', required: false, readOnly: true },
    warehouse6Id: { type: 'integer', required: false, readOnly: true },
    w6AvailableQuantity: { type: 'integer', required: false, readOnly: true },
    w6DamagedQuantity: { type: 'integer', required: false, readOnly: true },
    w6InFulfillmentProcessQuantity: { type: 'integer', required: false, readOnly: true },
    w6OnHandQuantity: { type: 'integer', required: false, readOnly: true },
    w6OpenOrderQuantity: { type: 'integer', required: false, readOnly: true },
    w6OpenPOQuantity: { type: 'integer', required: false, readOnly: true },
    w6OrderableQuantity: { type: 'integer', required: false, readOnly: true },
    w6UnallocatableQuantity: { type: 'integer', required: false, readOnly: true },
    w6UnavailableQuantity: { type: 'integer', required: false, readOnly: true },
    w6DaysOnHand: { type: 'integer', required: false, readOnly: true },
    w6StockStatus: { type: 'string', required: false, readOnly: true },
    w6EstimatedPallets: { type: 'integer', required: false, readOnly: true },
    w6EstimatedCases: { type: 'integer', required: false, readOnly: true },
    w6EstimatedInnerPacks: { type: 'integer', required: false, readOnly: true },
    w6NextRequestedDeliveryDate: { type: 'date-time', required: false, readOnly: true },
    warehouse7Id: { type: 'integer', required: false, readOnly: true },
    w7AvailableQuantity: { type: 'integer', required: false, readOnly: true },
    w7DamagedQuantity: { type: 'integer', required: false, readOnly: true },
    w7InFulfillmentProcessQuantity: { type: 'integer', required: false, readOnly: true },
    w7OnHandQuantity: { type: 'integer', required: false, readOnly: true },
    w7OpenOrderQuantity: { type: 'integer', required: false, readOnly: true },
    w7OpenPOQuantity: { type: 'integer', required: false, readOnly: true },
    w7OrderableQuantity: { type: 'integer', required: false, readOnly: true },
    w7UnallocatableQuantity: { type: 'integer', required: false, readOnly: true },
    w7UnavailableQuantity: { type: 'integer', required: false, readOnly: true },
    w7DaysOnHand: { type: 'integer', required: false, readOnly: true },
    w7StockStatus: { type: 'string', required: false, readOnly: true },
    w7EstimatedPallets: { type: 'integer', required: false, readOnly: true },
    w7EstimatedCases: { type: 'integer', required: false, readOnly: true },
    w7EstimatedInnerPacks: { type: 'integer', required: false, readOnly: true },
    w7NextRequestedDeliveryDate: { type: 'date-time', required: false, readOnly: true },
    warehouse8Id: { type: 'integer', required: false, readOnly: true },
    w8AvailableQuantity: { type: 'integer', required: false, readOnly: true },
    w8DamagedQuantity: { type: 'integer', required: false, readOnly: true },
    w8InFulfillmentProcessQuantity: { type: 'integer', required: false, readOnly: true },
    w8OnHandQuantity: { type: 'integer', required: false, readOnly: true },
    w8OpenOrderQuantity: { type: 'integer', required: false, readOnly: true },
    w8OpenPOQuantity: { type: 'integer', required: false, readOnly: true },
    w8OrderableQuantity: { type: 'integer', required: false, readOnly: true },
    w8UnallocatableQuantity: { type: 'integer', required: false, readOnly: true },
    w8UnavailableQuantity: { type: 'integer', required: false, readOnly: true },
    w8DaysOnHand: { type: 'integer', required: false, readOnly: true },
    w8StockStatus: { type: 'string', required: false, readOnly: true },
    w8EstimatedPallets: { type: 'integer', required: false, readOnly: true },
    w8EstimatedCases: { type: 'integer', required: false, readOnly: true },
    w8EstimatedInnerPacks: { type: 'integer', required: false, readOnly: true },
    w8NextRequestedDeliveryDate: { type: 'date-time', required: false, readOnly: true },
    warehouse9Id: { type: 'integer', required: false, readOnly: true },
    w9AvailableQuantity: { type: 'integer', required: false, readOnly: true },
    w9DamagedQuantity: { type: 'integer', required: false, readOnly: true },
    w9InFulfillmentProcessQuantity: { type: 'integer', required: false, readOnly: true },
    w9OnHandQuantity: { type: 'integer', required: false, readOnly: true },
    w9OpenOrderQuantity: { type: 'integer', required: false, readOnly: true },
    w9OpenPOQuantity: { type: 'integer', required: false, readOnly: true },
    w9OrderableQuantity: { type: 'integer', required: false, readOnly: true },
    w9UnallocatableQuantity: { type: 'integer', required: false, readOnly: true },
    w9UnavailableQuantity: { type: 'integer', required: false, readOnly: true },
    w9DaysOnHand: { type: 'integer', required: false, readOnly: true },
    w9StockStatus: { type: 'string', required: false, readOnly: true },
    w9EstimatedPallets: { type: 'integer', required: false, readOnly: true },
    w9EstimatedCases: { type: 'integer', required: false, readOnly: true },
    w9EstimatedInnerPacks: { type: 'integer', required: false, readOnly: true },
    w9NextRequestedDeliveryDate: { type: 'date-time', required: false, readOnly: true },
    warehouse10Id: { type: 'integer', required: false, readOnly: true },
    w10AvailableQuantity: { type: 'integer', required: false, readOnly: true },
    w10DamagedQuantity: { type: 'integer', required: false, readOnly: true },
    w10InFulfillmentProcessQuantity: { type: 'integer', required: false, readOnly: true },
    w10OnHandQuantity: { type: 'integer', required: false, readOnly: true },
    w10OpenOrderQuantity: { type: 'integer', required: false, readOnly: true },
    w10OpenPOQuantity: { type: 'integer', required: false, readOnly: true },
    w10OrderableQuantity: { type: 'integer', required: false, readOnly: true },
    w10UnallocatableQuantity: { type: 'integer', required: false, readOnly: true },
    w10UnavailableQuantity: { type: 'integer', required: false, readOnly: true },
    w10DaysOnHand: { type: 'integer', required: false, readOnly: true },
    w10StockStatus: { type: 'string', required: false, readOnly: true },
    w10EstimatedPallets: { type: 'integer', required: false, readOnly: true },
    w10EstimatedCases: { type: 'integer', required: false, readOnly: true },
    w10EstimatedInnerPacks: { type: 'integer', required: false, readOnly: true },
    w10NextRequestedDeliveryDate: { type: 'date-time', required: false, readOnly: true },
    customFields: { type: 'map', required: false, readOnly: false },
  },
  Vendor: {
    id: { type: 'integer', required: false, readOnly: true },
    vendorNo: { type: 'integer', required: true, readOnly: false },
    lobId: { type: 'integer', required: true, readOnly: false },
    name: { type: 'string', required: true, readOnly: false },
    street: { type: 'string', required: true, readOnly: false },
    street2: { type: 'string', required: false, readOnly: false },
    city: { type: 'string', required: true, readOnly: false },
    state: { type: 'string', required: true, readOnly: false },
    country: { type: 'string', required: false, readOnly: false },
    zipCode: { type: 'string', required: true, readOnly: false },
    contact: { type: 'string', required: false, readOnly: false },
    phone: { type: 'string', required: false, readOnly: false },
    fax: { type: 'string', required: false, readOnly: false },
    externalId: { type: 'string', required: false, readOnly: false },
    terms: { type: 'string', required: false, readOnly: false },
    fob: { type: 'string', required: false, readOnly: false },
    shipVia: { type: 'integer', required: false, readOnly: false },
    requestDays: { type: 'integer', required: false, readOnly: false },
    actualDays: { type: 'integer', required: false, readOnly: false },
    salesTaxCode: { type: 'string', required: false, readOnly: false },
    product1: { type: 'integer', required: false, readOnly: false },
    product2: { type: 'integer', required: false, readOnly: false },
    product3: { type: 'integer', required: false, readOnly: false },
    product4: { type: 'integer', required: false, readOnly: false },
    product5: { type: 'integer', required: false, readOnly: false },
    product6: { type: 'integer', required: false, readOnly: false },
    product7: { type: 'integer', required: false, readOnly: false },
    product8: { type: 'integer', required: false, readOnly: false },
    product9: { type: 'integer', required: false, readOnly: false },
    podDays: { type: 'integer', required: false, readOnly: false },
    chargeOut: { type: 'string', required: false, readOnly: false },
    arEmail: { type: 'string', required: false, readOnly: false },
    orderEmail: { type: 'string', required: false, readOnly: false },
    orderAttach: { type: 'string', required: false, readOnly: false },
    sendQuantityType: { type: 'string', required: false, readOnly: false },
    minority: { type: 'string', required: false, readOnly: false },
    sendOutside: { type: 'string', required: false, readOnly: false },
    podOrderSuffix: { type: 'integer', required: false, readOnly: false },
    podEmail: { type: 'string', required: false, readOnly: false },
    createDate: { type: 'date-time', required: false, readOnly: false },
    modifyDate: { type: 'date-time', required: false, readOnly: false },
    inactive: { type: 'string', required: true, readOnly: false },
    customFields: { type: 'map', required: false, readOnly: false },
  },
  Shipment: {
    id: { type: 'integer', required: false, readOnly: false },
    createDate: { type: 'date-time', required: false, readOnly: true },
    modifyDate: { type: 'date-time', required: false, readOnly: true },
    shipDate: { type: 'date-time', required: false, readOnly: true },
    deliveredDate: { type: 'date-time', required: false, readOnly: true },
    trackingNo: { type: 'string', required: false, readOnly: true },
    warehouseId: { type: 'integer', required: true, readOnly: false },
    lobId: { type: 'integer', required: false, readOnly: true },
    orderNo: { type: 'decimal', required: false, readOnly: true },
    orderNoList: { type: 'array', required: false, readOnly: false, items: 'decimal' },
    cartonNo: { type: 'integer', required: false, readOnly: false },
    numberOfCartons: { type: 'integer', required: false, readOnly: false },
    status: { type: 'string', required: false, readOnly: true },
    shipped: { type: 'boolean', required: false, readOnly: false },
    casebreak: { type: 'boolean', required: false, readOnly: false },
    carrierServiceId: { type: 'integer', required: false, readOnly: false },
    dim1In: { type: 'decimal', required: false, readOnly: false },
    dim2In: { type: 'decimal', required: false, readOnly: false },
    dim3In: { type: 'decimal', required: false, readOnly: false },
    estimatedZone: { type: 'string', required: false, readOnly: false },
    parcelAccountNo: { type: 'string', required: false, readOnly: true },
    thirdPartyParcelAccountNo: { type: 'string', required: false, readOnly: true },
    shipmentId: { type: 'string', required: false, readOnly: true },
    manifestPartnerOrderId: { type: 'string', required: false, readOnly: true, betaOnly: true },
    manifestId: { type: 'integer', required: false, readOnly: true },
    residential: { type: 'boolean', required: false, readOnly: true },
    billingOption: { type: 'string', required: false, readOnly: true },
    weightLbs: { type: 'decimal', required: false, readOnly: true },
    dimWeight: { type: 'decimal', required: false, readOnly: true },
    licensePlateNumber: { type: 'string', required: false, readOnly: true },
    chargedFreightAmount: { type: 'decimal', required: false, readOnly: true },
    publishedFreightAmount: { type: 'decimal', required: false, readOnly: true },
    retailFreightAmount: { type: 'decimal', required: false, readOnly: true },
    externalShippingSystemId: { type: 'integer', required: false, readOnly: true },
    shipmentType: { type: 'string', required: false, readOnly: true },
    carrierCompany: { type: 'string', required: true, readOnly: false },
    cartonId: { type: 'integer', required: false, readOnly: false },
    cartonTypeId: { type: 'integer', required: false, readOnly: false },
    deliveryMessage: { type: 'string', required: false, readOnly: true },
    loadId: { type: 'integer', required: false, readOnly: true },
    omsOrderNo: { type: 'integer', required: false, readOnly: true },
    carrier: { type: 'integer', required: false, readOnly: true },
    customFields: { type: 'map', required: false, readOnly: false },
  },
  InventoryAdjustment: {
    id: { type: 'integer', required: false, readOnly: false },
    lobId: { type: 'integer', required: false, readOnly: false },
    sku: { type: 'string', required: false, readOnly: false },
    poNoId: { type: 'integer', required: false, readOnly: false },
    adjustmentDate: { type: 'date-time', required: false, readOnly: false },
    adjustmentTime: { type: 'string', required: false, readOnly: false },
    location: { type: 'string', required: false, readOnly: false },
    qty: { type: 'integer', required: false, readOnly: false },
    note: { type: 'string', required: false, readOnly: false },
    authorizedBy: { type: 'string', required: false, readOnly: false },
    printed: { type: 'string', required: false, readOnly: false },
    orderNo: { type: 'decimal', required: false, readOnly: false },
    adjustmentCode: { type: 'string', required: false, readOnly: false },
    customFields: { type: 'map', required: false, readOnly: false },
  },
  LineOfBusiness: {
    id: { type: 'integer', required: false, readOnly: true },
    name: { type: 'string', required: true, readOnly: false },
    code: { type: 'string', required: true, readOnly: false },
    label: { type: 'string', required: false, readOnly: false },
    defaultWarehouseServiceTypeId: { type: 'integer', required: false, readOnly: false },
    defaultSLAServiceDays: { type: 'integer', required: false, readOnly: false },
    defaultSLACutoffTime: { type: 'string', required: false, readOnly: false },
    onHold: { type: 'boolean', required: false, readOnly: false },
    onHoldReason: { type: 'string', required: false, readOnly: false },
    gs1CompanyPrefix: { type: 'string', required: false, readOnly: false },
    createDate: { type: 'date-time', required: false, readOnly: true },
    modifyDate: { type: 'date-time', required: false, readOnly: true },
    customFields: { type: 'map', required: false, readOnly: false },
  },
  Warehouse: {
    id: { type: 'integer', required: false, readOnly: true },
    client: { type: 'integer', required: true, readOnly: true },
    name: { type: 'string', required: true, readOnly: false },
    address: { type: 'string', required: false, readOnly: false },
    company: { type: 'string', required: true, readOnly: false },
    street1: { type: 'string', required: true, readOnly: false },
    street2: { type: 'string', required: false, readOnly: false },
    street3: { type: 'string', required: false, readOnly: false },
    city: { type: 'string', required: true, readOnly: false },
    state: { type: 'string', required: false, readOnly: false },
    zip: { type: 'string', required: true, readOnly: false },
    country: { type: 'string', required: true, readOnly: false },
    phone: { type: 'string', required: true, readOnly: false },
    locationBarcodePrefix: { type: 'string', required: false, readOnly: false },
    lpnPrefix: { type: 'string', required: false, readOnly: false },
    timeZone: { type: 'string', required: false, readOnly: false },
    packStationAllowPackingBeforePickWorkIsComplete: { type: 'boolean', required: true, readOnly: false },
    packStationSkipCartonLPN: { type: 'boolean', required: true, readOnly: false },
    packStationRequireConfirmOnError: { type: 'boolean', required: true, readOnly: false },
    packStationAllowScanningSKUToIdentifyOrders: { type: 'boolean', required: true, readOnly: false },
    packStationAllowEntryOfItemQuantities: { type: 'boolean', required: true, readOnly: false },
    packStationAllowAddAllItems: { type: 'boolean', required: false, readOnly: false, betaOnly: true },
    shipStationWeightCheckPackedOrders: { type: 'boolean', required: true, readOnly: false },
    shipStationShowUserWeightCheckExceptions: { type: 'boolean', required: true, readOnly: false },
    shipStationAutoPrintPreGeneratedLabels: { type: 'boolean', required: true, readOnly: false },
    shipStationAllowScanningSKUToIdentifyOrders: { type: 'boolean', required: true, readOnly: false },
    createDate: { type: 'date-time', required: false, readOnly: true },
    modifyDate: { type: 'date-time', required: false, readOnly: true },
    customFields: { type: 'map', required: false, readOnly: false },
  },
  Customer: {
    id: { type: 'integer', required: false, readOnly: true },
    lobId: { type: 'integer', required: true, readOnly: false },
    customerNo: { type: 'string', required: true, readOnly: false },
    name: { type: 'string', required: true, readOnly: false },
    attention: { type: 'string', required: false, readOnly: false },
    street: { type: 'string', required: true, readOnly: false },
    street2: { type: 'string', required: false, readOnly: false },
    street3Province: { type: 'string', required: false, readOnly: false },
    city: { type: 'string', required: true, readOnly: false },
    state: { type: 'string', required: false, readOnly: false },
    zipCode: { type: 'string', required: true, readOnly: false },
    country: { type: 'string', required: true, readOnly: false },
    phone: { type: 'string', required: false, readOnly: false },
    fax: { type: 'string', required: false, readOnly: false },
    email: { type: 'string', required: false, readOnly: false },
    bossBranch: { type: 'string', required: false, readOnly: false },
    packageCarrierId: { type: 'integer', required: true, readOnly: false },
    truckCarrierId: { type: 'integer', required: true, readOnly: false },
    weightBreak: { type: 'integer', required: true, readOnly: false },
    sector: { type: 'string', required: false, readOnly: false },
    division: { type: 'integer', required: false, readOnly: false },
    costCenter: { type: 'string', required: false, readOnly: false },
    county: { type: 'string', required: false, readOnly: false },
    area: { type: 'string', required: false, readOnly: false },
    customerType: { type: 'string', required: false, readOnly: false },
    massLevel: { type: 'string', required: false, readOnly: false },
    massFactor: { type: 'decimal', required: false, readOnly: false },
    priceLevel: { type: 'string', required: false, readOnly: false },
    openDate: { type: 'date-time', required: false, readOnly: true },
    closeDate: { type: 'date-time', required: false, readOnly: false },
    restrictionPercent: { type: 'integer', required: false, readOnly: false },
    externalId: { type: 'string', required: false, readOnly: false },
    cycleDate: { type: 'date-time', required: false, readOnly: false },
    manager: { type: 'string', required: false, readOnly: false },
    alternateInventory: { type: 'integer', required: false, readOnly: false },
    pin: { type: 'string', required: false, readOnly: false },
    faxGone: { type: 'string', required: false, readOnly: false },
    residential: { type: 'string', required: true, readOnly: false },
    csrBranch: { type: 'string', required: false, readOnly: false },
    extrinsicText1: { type: 'string', required: false, readOnly: false },
    extrinsicText2: { type: 'string', required: false, readOnly: false },
    extrinsicText3: { type: 'string', required: false, readOnly: false },
    extrinsicNumber1: { type: 'integer', required: false, readOnly: false },
    extrinsicNumber2: { type: 'integer', required: false, readOnly: false },
    extrinsicDecimal1: { type: 'decimal', required: false, readOnly: false },
    extrinsicDecimal2: { type: 'decimal', required: false, readOnly: false },
    modifyDate: { type: 'date-time', required: false, readOnly: false },
    omsCustomerId: { type: 'integer', required: false, readOnly: true },
    customFields: { type: 'map', required: false, readOnly: false },
  },
  RecordFile: {
    id: { type: 'integer', required: false, readOnly: false },
    fileName: { type: 'string', required: false, readOnly: false },
    extension: { type: 'string', required: false, readOnly: false },
    url: { type: 'string', required: false, readOnly: false },
    roleName: { type: 'string', required: false, readOnly: false },
    label: { type: 'string', required: false, readOnly: false },
    modifyDate: { type: 'date-time', required: false, readOnly: false },
    printerTypeId: { type: 'integer', required: false, readOnly: false },
    userFullName: { type: 'string', required: false, readOnly: false },
  },
  QuickAdjustment: {
    id: { type: 'integer', required: false, readOnly: true },
    warehouseId: { type: 'integer', required: true, readOnly: false },
    locationId: { type: 'integer', required: true, readOnly: false },
    lobId: { type: 'integer', required: false, readOnly: false },
    adjustmentCode: { type: 'string', required: true, readOnly: false },
    totalQuantity: { type: 'integer', required: false, readOnly: false },
    changeQuantity: { type: 'integer', required: false, readOnly: false },
    message: { type: 'string', required: false, readOnly: false },
    status: { type: 'string', required: false, readOnly: true },
    productIdTag: { type: 'string', required: false, readOnly: false },
    createDate: { type: 'date-time', required: false, readOnly: true },
    modifyDate: { type: 'date-time', required: false, readOnly: true },
    customFields: { type: 'map', required: false, readOnly: false },
    sku: { type: 'string', required: false, readOnly: false },
  },
  QuickReceipt: {
    id: { type: 'integer', required: false, readOnly: true },
    createdBy: { type: 'string', required: false, readOnly: true },
    createDate: { type: 'date-time', required: false, readOnly: true },
    modifyDate: { type: 'date-time', required: false, readOnly: true },
    warehouseId: { type: 'integer', required: true, readOnly: false },
    lobId: { type: 'integer', required: true, readOnly: false },
    sku: { type: 'string', required: true, readOnly: false },
    locationId: { type: 'integer', required: true, readOnly: false },
    quantity: { type: 'integer', required: true, readOnly: false },
    itemSerials: { type: 'array', required: false, readOnly: false, items: 'string', betaOnly: true },
    vendorId: { type: 'integer', required: false, readOnly: false },
    carrier: { type: 'string', required: false, readOnly: false },
    status: { type: 'string', required: false, readOnly: true },
    unitCode: { type: 'string', required: false, readOnly: true },
    wrapCode: { type: 'string', required: false, readOnly: false },
    weightPerWrap: { type: 'decimal', required: true, readOnly: false },
    unitsPerWrap: { type: 'integer', required: false, readOnly: false },
    quantityPerInnerPack: { type: 'integer', required: false, readOnly: false },
    unitsPerCase: { type: 'integer', required: false, readOnly: false },
    quantityPerPallet: { type: 'integer', required: false, readOnly: false },
    caseWeight: { type: 'decimal', required: false, readOnly: false },
    productionLot: { type: 'string', required: false, readOnly: false },
    revisionDate: { type: 'string', required: false, readOnly: false },
    origin: { type: 'string', required: false, readOnly: false },
    cartonLength: { type: 'decimal', required: false, readOnly: false },
    cartonWidth: { type: 'decimal', required: false, readOnly: false },
    cartonHeight: { type: 'decimal', required: false, readOnly: false },
    cost: { type: 'decimal', required: false, readOnly: false },
    sellPrice: { type: 'decimal', required: false, readOnly: false },
    pricingPer: { type: 'string', required: false, readOnly: false },
    generatedItemReceiptId: { type: 'integer', required: false, readOnly: true },
    generatedASNId: { type: 'integer', required: false, readOnly: true },
    dockDate: { type: 'date-time', required: false, readOnly: false },
    productIdTag: { type: 'string', required: false, readOnly: false },
    expirationDate: { type: 'date-time', required: false, readOnly: false },
    customFields: { type: 'map', required: false, readOnly: false },
  },
  ExecuteQuickAdjustmentInputAPIModel: {
    idList: { type: 'array', required: false, readOnly: false, items: 'integer' },
  },
  ExecuteQuickReceiptInputAPIModel: {
    idList: { type: 'array', required: false, readOnly: false, items: 'integer' },
  },
  ProcessOutputAPIModel: {
    id: { type: 'any', required: false, readOnly: false },
    status: { type: 'string', required: false, readOnly: false },
    entity: { type: 'any', required: false, readOnly: false },
    messageList: { type: 'array', required: false, readOnly: false, items: 'string' },
  },
};

/** Resource path -> model name. */
export const RESOURCE_MODELS = {
  order: 'Order',
  asn: 'Asn',
  item: 'Item',
  vendor: 'Vendor',
  customer: 'Customer',
  lineOfBusiness: 'LineOfBusiness',
  warehouse: 'Warehouse',
  shipment: 'Shipment',
  itemReceipt: 'ItemReceipt',
  inventoryAdjustment: 'InventoryAdjustment',
  quickReceipt: 'QuickReceipt',
  quickAdjustment: 'QuickAdjustment',
} as const satisfies Record<string, ModelName>;

/** Resource path names that have a model. */
export type ResourceModelPath = keyof typeof RESOURCE_MODELS;
