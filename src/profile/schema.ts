/** The mapping profile document as zod schemas: the single source of its shape and of its JSON Schema. */
import { z } from 'zod';

const scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);

// ---- transforms (issue 11, xform): per-row unit conversion, fractional quantities, address lines, zones ----
const transformFields = {
  multiplyBy: z
    .union([z.string().min(1), z.number().positive()])
    .optional()
    .describe(
      'Unit conversion: multiply the value by this column of the same row (e.g. units per case) or by a ' +
        'number, exactly on its decimal digits; an empty or non-numeric factor is an ERP data problem',
    ),
  fractional: z
    .enum(['round', 'refuse'])
    .optional()
    .describe(
      'type int: a value with a fraction (2.5) is refused (default; the record is parked naming the field and ' +
        'line) or rounded to the nearest whole number, halves away from zero (2.5 -> 3, 2.4 -> 2)',
    ),
  addressLine: z
    .strictObject({
      line: z.number().int().min(1).max(9).describe('Which line of the text (1 = first non-blank line)'),
      of: z
        .number()
        .int()
        .min(1)
        .max(9)
        .describe('How many fields the text is split into (street, street2, street3: 3)'),
      overflow: z
        .enum(['join', 'refuse'])
        .optional()
        .describe(
          'On the last field (line = of), when the text has more lines: join them to it with ", " (default) ' +
            'or refuse the record',
        ),
    })
    .refine((a) => a.line <= a.of, { message: 'line must be at most of', path: ['line'] })
    .optional()
    .describe('Split a multi-line text column (an address) by line breaks; blank lines are dropped'),
  zone: z
    .string()
    .min(1)
    .optional()
    .describe(
      "date/datetime: the IANA zone this column's values are in, overriding the profile timezone (e.g. UTC " +
        'for a MySQL TIMESTAMP read by a session in UTC, the ERP zone for a DATETIME)',
    ),
};

/** How one Infoplus field gets its value from an ERP row. */
export const fieldMappingSchema = z
  .strictObject({
    column: z
      .string()
      .min(1)
      .optional()
      .describe('ERP column (as named in the query result) that feeds this field'),
    const: scalar.optional().describe('A constant value; no column is read'),
    default: scalar.optional().describe('Used when the column is NULL or empty'),
    trim: z.boolean().optional().describe('Trim surrounding white space (default true for strings)'),
    case: z.enum(['upper', 'lower']).optional(),
    type: z
      .enum(['string', 'int', 'decimal', 'date', 'datetime', 'bool'])
      .optional()
      .describe(
        'Conversion; inferred from the Infoplus field when omitted. date/datetime without a zone are read in the profile timezone',
      ),
    scale: z
      .number()
      .int()
      .min(0)
      .max(12)
      .optional()
      .describe(
        'type decimal: round to this many decimal places, half away from zero (2.345 -> 2.35, -2.345 -> -2.35), ' +
          'on the decimal digits the ERP returned (no binary floating-point detour); implies type decimal',
      ),
    lookup: z.string().min(1).optional().describe('Name of a table under `lookups` translating the ERP code'),
    resolve: z
      .enum(['infoplusVendorId', 'vendorNumber'])
      .optional()
      .describe(
        'Resolved by the engine: infoplusVendorId = ERP vendor code -> Infoplus vendor id; vendorNumber = ERP ' +
          'vendor code -> a whole vendorNo (codes that are not plain integers get a stable number, kept locally)',
      ),
    maxLength: z.number().int().positive().optional(),
    truncate: z.boolean().optional().describe('Cut values longer than maxLength instead of reporting them'),
    required: z
      .boolean()
      .optional()
      .describe('A missing value is an ERP data problem (default: true for Infoplus-required fields)'),
    ...transformFields,
  })
  .refine((m) => m.scale === undefined || m.type === undefined || m.type === 'decimal', {
    message: 'scale rounds decimals: use it with type: decimal (or without a type)',
    path: ['scale'],
  })
  .meta({ id: 'ProfileFieldMapping', description: 'How one Infoplus field gets its value' });

/** A field mapping, or just the column name. */
export const fieldSpecSchema = z
  .union([z.string().min(1), fieldMappingSchema])
  .meta({ id: 'ProfileFieldSpec', description: 'A field mapping, or just the ERP column name' });

const fieldsSchema = z.record(z.string(), fieldSpecSchema).meta({ id: 'ProfileFieldMap' });

export const scheduleSchema = z
  .union([
    z.strictObject({ cron: z.string().min(1).describe('5-field cron expression, local time of the agent') }),
    z.strictObject({ intervalMinutes: z.number().int().positive().max(10_080) }),
    z.strictObject({
      continuous: z
        .strictObject({
          everySeconds: z
            .number()
            .int()
            .min(1)
            .max(3_600)
            .describe('How often to look for changed records; a run starts only when something changed'),
        })
        .describe(
          'Near-real-time (push touchpoints with a watermark or a fingerprint): a cheap change check every few ' +
            'seconds, a run only when the ERP changed; quiet hours still apply',
        ),
    }),
  ])
  .meta({ id: 'ProfileSchedule' });

const fingerprintSchema = z
  .string()
  .min(1)
  .optional()
  .describe(
    'Optional header column whose value changes whenever the record or any of its lines changes (a SQL Server ' +
      'rowversion, a version counter, a hash computed in SQL): a record whose fingerprint and mapping are ' +
      'unchanged since its last push is passed over without reading its lines or building its payload',
  );

export const changeDetectionSchema = z.discriminatedUnion('mode', [
  z.strictObject({
    mode: z.literal('watermark'),
    column: z
      .string()
      .min(1)
      .describe('Column holding the last-change time; the header/flat query reads @since'),
    fingerprint: fingerprintSchema,
  }),
  z.strictObject({
    mode: z.literal('hash').describe('Every record is read; unchanged content costs no API call'),
    fingerprint: fingerprintSchema,
  }),
]);

// --- reuse (issue 11, life): one header query with {{filter}}, profile vars ---
const sourceFilterFields = {
  filter: z
    .strictObject({
      since: z
        .string()
        .min(1)
        .optional()
        .describe('Watermark mode: the condition for changed rows, e.g. "o.updated_at >= @since"'),
      keys: z
        .string()
        .min(1)
        .optional()
        .describe('The condition for given records (retries), e.g. "o.order_no IN (@keys)"'),
    })
    .optional()
    .describe(
      'With {{filter}} in the header query: the engine puts (since) there to read changed rows, (keys) to read ' +
        'given records (instead of a second headerByKeys query), and 1 = 1 in hash mode',
    ),
};
const varsSchema = z
  .record(
    z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'a name of letters, digits and _'),
    z.union([z.string(), z.number()]),
  )
  .optional()
  .describe(
    'Constants bound as @name in any statement of the profile, e.g. entity: 1 -> WHERE entity = @entity',
  );
// --- end reuse ---

/** Where push records come from: header + lines queries, or one flat query ordered by key. */
export const pushSourceSchema = z
  .strictObject({
    header: z.string().min(1).optional().describe('One row per record'),
    headerByKeys: z
      .string()
      .min(1)
      .optional()
      .describe('Optional: the header query for given keys, `... WHERE id IN (@keys)`, used for retries'),
    fingerprints: z
      .string()
      .min(1)
      .optional()
      .describe(
        'Optional, with changeDetection.fingerprint and headerByKeys: a narrow query returning the key and ' +
          'fingerprint columns of every record; a full scan reads it first and reads whole records only for ' +
          'keys whose fingerprint changed',
      ),
    lines: z
      .string()
      .min(1)
      .optional()
      .describe(
        'Lines for a batch of records: `WHERE order_id IN (@keys)` (expanded to bound parameters) or per record `= @key`',
      ),
    flat: z
      .string()
      .min(1)
      .optional()
      .describe('One row per line, header columns repeated, ORDER BY the key column'),
    lineKey: z
      .string()
      .min(1)
      .optional()
      .describe('Column of the lines rows naming their record (default: the key column)'),
    batchSize: z
      .number()
      .int()
      .positive()
      .max(1000)
      .optional()
      .describe('Records per lines query (default 500)'),
    ...sourceFilterFields,
  })
  .meta({ id: 'ProfilePushSource', description: 'Record source' });

/** How many rows a write-back statement must change for its record to count as written. */
export const statementExpectSchema = z
  .strictObject({
    rows: z
      .enum(['>=1', '1', 'any'])
      .describe("'>=1': at least one row, '1': exactly one, 'any' (default): zero rows is fine too"),
    message: z
      .string()
      .min(1)
      .optional()
      .describe(
        'Said when the expectation fails, after "ERP record not found: "; @name is replaced by the parameter, ' +
          'e.g. "shipment @id names order @orderNo, which the ERP does not have"',
      ),
  })
  .meta({ id: 'ProfileStatementExpect' });

const statementExtras = {
  expect: statementExpectSchema
    .optional()
    .describe('Rows the statement must change; when it fails the record is rolled back and parked'),
  when: z
    .string()
    .min(1)
    .optional()
    .describe(
      'Run the statement only when this holds, e.g. "receivedQuantity > 0" or "isShipped and not deliveredDate"' +
        ' (parameters without @; operators = != > >= < <=; and, or, not)',
    ),
};

export const statementSchema = z
  .union([
    z.strictObject({ name: z.string().min(1), sql: z.string().min(1), ...statementExtras }),
    z.strictObject({
      name: z.string().min(1),
      procedure: z.string().regex(/^[A-Za-z_][A-Za-z0-9_.]*$/, 'a procedure name (letters, digits, _ and .)'),
      args: z.array(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/)).describe('Parameter names passed in order'),
      ...statementExtras,
    }),
  ])
  .meta({ id: 'ProfileStatement' });

const pushBase = {
  enabled: z.boolean().default(true),
  schedule: scheduleSchema.optional(),
  key: z
    .string()
    .min(1)
    .describe('ERP column holding the record key (order id, PO number, SKU, vendor number)'),
  infoplusIdColumn: z
    .string()
    .min(1)
    .optional()
    .describe(
      'Optional: column of the header query holding the Infoplus id the ERP stored for the record (orders: orderNo, ' +
        'others: id; e.g. what afterPush wrote). A record with no journal whose key Infoplus already holds is ' +
        'adopted (and updated) when that record has this id, even when its content differs: a new data folder ' +
        'never duplicates or parks it',
    ),
  source: pushSourceSchema,
  changeDetection: changeDetectionSchema,
  fields: fieldsSchema.describe('Infoplus field -> mapping'),
  customFields: fieldsSchema.optional().describe('Infoplus custom field name -> mapping'),
  afterPush: z
    .array(statementSchema)
    .optional()
    .describe(
      'Run in one ERP transaction after Infoplus created the record: @key plus the created record fields (@orderNo, @id)',
    ),
};

// --- lifecycle (issue 11, life): createOnly, cancelWhen, onCancel ---
const lifecycleFields = {
  createOnly: z
    .array(z.string().min(1))
    .optional()
    .describe(
      'Infoplus fields sent when the record is created and never on an update (Infoplus keeps its value): ' +
        'a header field (`vendorId`), a field of every line (`lineItems.orderQuantity`), or all lines (`lineItems`)',
    ),
  cancelWhen: z
    .string()
    .min(1)
    .optional()
    .describe(
      'orders, asns: the ERP record is cancelled when this holds over its header row, e.g. "status = \'X\'" ' +
        '(columns without @; operators = != > >= < <=; and, or, not). A cancelled record is never created',
    ),
  onCancel: z
    .enum(['delete', 'report'])
    .optional()
    .describe(
      'What to do when a record already in Infoplus is cancelled in the ERP: delete it while Infoplus still ' +
        'allows it (else it is reported), or report it (default) as "cancel in Infoplus by hand"',
    ),
};
// --- end lifecycle ---

const linesMappingSchema = z.strictObject({
  fields: fieldsSchema,
  customFields: fieldsSchema.optional(),
});

export const pushTouchpointSchema = z
  .strictObject({
    ...pushBase,
    ...lifecycleFields,
    lines: linesMappingSchema.optional().describe('Line items (orders, asns)'),
  })
  .meta({ id: 'ProfilePushTouchpoint' });

export const writeBackSchema = z.strictObject({
  record: z
    .array(statementSchema)
    .describe('Per Infoplus record, first: @field of the record (e.g. @id, @orderNo, @trackingNo)'),
  lines: z
    .strictObject({
      from: z.string().min(1).describe('Array field of the record whose elements are the lines'),
      statements: z
        .array(statementSchema)
        .describe('Per element: record params plus @line_<field> (or @line_value)'),
    })
    .optional(),
  afterLines: z
    .array(statementSchema)
    .optional()
    .describe(
      'Run once per record after every line statement (e.g. an order status computed from its lines)',
    ),
});

export const pullTouchpointSchema = z
  .strictObject({
    enabled: z.boolean().default(true),
    schedule: scheduleSchema.optional(),
    writeBack: writeBackSchema,
  })
  .meta({ id: 'ProfilePullTouchpoint' });

// Only variables meant for this app: a profile must not turn HTTPS_PROXY or AWS_SECRET_ACCESS_KEY into a key
// that is sent to the server the profile names.
const secretEnvName = z
  .string()
  .regex(
    /^(?:INFOPLUS|ERP)_[A-Z0-9_]+$/,
    'name a variable that starts with INFOPLUS_ or ERP_ (capitals, digits, _), e.g. ERP_PASSWORD',
  );

export const erpConnectionSchema = z.strictObject({
  driver: z.enum(['sqlserver', 'postgres', 'mysql', 'sqlite']),
  url: z
    .string()
    .min(1)
    .optional()
    .describe('postgres:// or mysql:// URL without password, SQLite file path, or mssql:// URL'),
  server: z.string().optional(),
  instance: z.string().optional(),
  port: z.number().int().positive().optional(),
  database: z.string().optional(),
  authType: z.enum(['sql', 'ntlm']).optional(),
  user: z.string().optional(),
  domain: z.string().optional(),
  encrypt: z.boolean().optional(),
  trustServerCertificate: z.boolean().optional(),
  passwordEnv: secretEnvName
    .optional()
    .describe('Environment variable (or secret name) holding the password; default ERP_PASSWORD'),
});

export const infoplusConnectionSchema = z.strictObject({
  domain: z
    .string()
    .regex(/^[a-z0-9-]+$/i, 'the tenant name only, e.g. acme')
    .optional(),
  baseUrl: z.url().optional().describe('Full base URL ending in /infoplus-wms/api (simulator, proxy)'),
  apiVersion: z.enum(['v3.0', 'beta']).default('v3.0'),
  apiKeyEnv: secretEnvName
    .optional()
    .describe('Environment variable (or secret name) holding the API key; default INFOPLUS_API_KEY'),
  requestsPerSecond: z
    .number()
    .positive()
    .max(100)
    .optional()
    .describe(
      'Most requests per second to send. The agent finds the tenant’s rate by itself (starting low, backing ' +
        'off on 429 answers and rising latency) and never goes above this; default 100',
    ),
});

export const lookupTableSchema = z
  .strictObject({
    values: z
      .record(z.string(), z.union([z.string(), z.number()]))
      .optional()
      .describe('ERP code -> Infoplus value (with fromTenant: codes that differ from the tenant’s names)'),
    default: z.union([z.string(), z.number()]).optional().describe('Used for codes not in values'),
    caseInsensitive: z.boolean().optional(),
    // ---- tenant lookups (issue 11, xform) ----
    fromTenant: z
      .enum(['warehouses', 'carriers'])
      .optional()
      .describe(
        "Load the table from the tenant's own list at each run: an ERP code matches a warehouse by id or name, " +
          'a carrier by number, label or SCAC (case-insensitive); a code not in the list parks the record',
      ),
  })
  .refine((t) => t.values !== undefined || t.fromTenant !== undefined, {
    message: 'set values (ERP code -> Infoplus value) or fromTenant (warehouses or carriers)',
    path: ['values'],
  });

const touchpointsSchema = z.strictObject({
  vendors: pushTouchpointSchema.optional(),
  items: pushTouchpointSchema.optional(),
  asns: pushTouchpointSchema.optional(),
  orders: pushTouchpointSchema.optional(),
  shipments: pullTouchpointSchema.optional(),
  'item-receipts': pullTouchpointSchema.optional(),
  'inventory-adjustments': pullTouchpointSchema.optional(),
});

/** The whole mapping profile document (version 1). */
export const profileSchema = z
  .strictObject({
    $schema: z.string().optional(),
    version: z.literal(1),
    name: z.string().min(1),
    timezone: z.string().min(1).describe("The ERP's IANA time zone, e.g. America/Chicago"),
    connections: z
      .strictObject({ erp: erpConnectionSchema.optional(), infoplus: infoplusConnectionSchema.optional() })
      .optional(),
    infoplus: z.strictObject({
      lobId: z.number().int().positive(),
      warehouseId: z.number().int().positive(),
    }),
    lookups: z.record(z.string(), lookupTableSchema).optional(),
    vars: varsSchema,
    touchpoints: touchpointsSchema,
  })
  .describe('Infoplus ERP Sync mapping profile');

export type Profile = z.output<typeof profileSchema>;
export type FieldMapping = z.output<typeof fieldMappingSchema>;
export type FieldSpec = z.output<typeof fieldSpecSchema>;
export type PushTouchpointProfile = z.output<typeof pushTouchpointSchema>;
export type PullTouchpointProfile = z.output<typeof pullTouchpointSchema>;
export type TouchpointProfile = PushTouchpointProfile | PullTouchpointProfile;
export type Statement = z.output<typeof statementSchema>;
export type StatementExpect = z.output<typeof statementExpectSchema>;
export type LookupTable = z.output<typeof lookupTableSchema>;
export type ErpConnectionProfile = z.output<typeof erpConnectionSchema>;
export type InfoplusConnectionProfile = z.output<typeof infoplusConnectionSchema>;
export type Schedule = z.output<typeof scheduleSchema>;
