/**
 * Generates src/infoplus/models/generated.ts from the derived Infoplus field list.
 * Usage: npx tsx scripts/generate-models.ts [path/to/infoplus-models-derived.json] [--out file] [--check]
 * Default input: ../shared/infoplus-api/infoplus-models-derived.json relative to the repo root.
 * `--check` exits 1 when the generated file is out of date (for CI), without writing.
 */
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

interface Property {
  type?: string;
  format?: string;
  readOnly?: boolean;
  items?: { type?: string; $ref?: string };
  additionalProperties?: boolean;
}
interface ModelDef {
  required: string[];
  properties: Record<string, Property>;
}
interface Derived {
  models: Record<string, Record<string, ModelDef>>;
}

type FieldType = 'integer' | 'decimal' | 'string' | 'date-time' | 'boolean' | 'map' | 'array' | 'any';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BASE = 'v3.0';
const SUPERSET = 'beta';

/** Resource path -> model name, for the resources the product uses. */
const RESOURCE_MODELS: Record<string, string> = {
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
};

function fieldType(p: Property): FieldType {
  switch (p.type) {
    case 'integer':
      return 'integer';
    case 'number':
      return 'decimal';
    case 'boolean':
      return 'boolean';
    case 'string':
      return p.format === 'date-time' ? 'date-time' : 'string';
    case 'object':
      return 'map';
    case 'array':
      return 'array';
    case undefined:
      return 'any';
    default:
      throw new Error(`Unknown JSON type ${p.type}`);
  }
}

function tsType(p: Property): string {
  const t = fieldType(p);
  if (t === 'array') {
    const items = p.items ?? {};
    const inner = items.$ref ?? tsType({ type: items.type });
    return `${inner}[]`;
  }
  const map: Record<Exclude<FieldType, 'array'>, string> = {
    integer: 'number',
    decimal: 'number',
    string: 'string',
    'date-time': 'string',
    boolean: 'boolean',
    map: 'Record<string, unknown>',
    any: 'unknown',
  };
  return map[t];
}

function docFor(name: string, p: Property, required: boolean, betaOnly: boolean): string {
  const notes: string[] = [];
  if (fieldType(p) === 'date-time') notes.push('ISO-8601 date-time');
  if (fieldType(p) === 'decimal') notes.push('decimal');
  if (required) notes.push('required in spec');
  if (p.readOnly) notes.push('read-only');
  if (betaOnly) notes.push('beta only (absent in v3.0)');
  return notes.length > 0 ? `  /** ${notes.join('; ')} */\n` : '';
}

function generate(data: Derived, source: string): string {
  const base = data.models[BASE];
  const superset = data.models[SUPERSET];
  if (!base || !superset) throw new Error(`The field list must have models for ${BASE} and ${SUPERSET}`);
  const names = Object.keys(superset);
  const out: string[] = [];
  out.push(
    '// GENERATED FILE - do not edit. Regenerate with `npm run generate:models`.',
    `// Source: ${source} (derived from Infoplus's generated clients, ${BASE} + ${SUPERSET}).`,
    '// Every field is optional in TypeScript: the spec\'s "required" is stricter than what Infoplus demands.',
    '',
    '/** Kind of a model field, as used by MODEL_FIELDS. */',
    "export type FieldType = 'integer' | 'decimal' | 'string' | 'date-time' | 'boolean' | 'map' | 'array' | 'any';",
    '',
    '/** Runtime description of one model field. */',
    'export interface FieldSpec {',
    '  readonly type: FieldType;',
    '  readonly required: boolean;',
    '  readonly readOnly: boolean;',
    '  /** Element type of an array: a model name or a FieldType. */',
    '  readonly items?: string;',
    '  /** Element model of an array of objects. */',
    '  readonly itemsModel?: ModelName;',
    '  /** Present only in the beta API. */',
    '  readonly betaOnly?: boolean;',
    '}',
    '',
  );
  out.push(`/** Every generated model name. */`);
  out.push(`export type ModelName =\n${names.map((n) => `  | '${n}'`).join('\n')};`, '');

  const table: string[] = [];
  for (const name of names) {
    const model = superset[name]!;
    const baseProps = base[name]?.properties ?? {};
    const required = new Set(model.required);
    out.push(`/** Infoplus ${name} (${Object.keys(model.properties).length} fields). */`);
    out.push(`export interface ${name} {`);
    const rows: string[] = [];
    for (const [field, p] of Object.entries(model.properties)) {
      const betaOnly = !(field in baseProps);
      out.push(`${docFor(field, p, required.has(field), betaOnly)}  ${field}?: ${tsType(p)};`);
      const t = fieldType(p);
      const parts = [`type: '${t}'`, `required: ${required.has(field)}`, `readOnly: ${p.readOnly === true}`];
      if (t === 'array') {
        const ref = p.items?.$ref;
        parts.push(`items: '${ref ?? fieldType({ type: p.items?.type })}'`);
        if (ref) parts.push(`itemsModel: '${ref}'`);
      }
      if (betaOnly) parts.push('betaOnly: true');
      rows.push(`    ${field}: { ${parts.join(', ')} },`);
    }
    out.push('}', '');
    table.push(`  ${name}: {\n${rows.join('\n')}\n  },`);
  }

  out.push('/** model -> field -> spec (beta superset; betaOnly marks fields absent in v3.0). */');
  out.push(
    'export const MODEL_FIELDS: { readonly [M in ModelName]: Readonly<Record<string, FieldSpec>> } = {',
    ...table,
    '};',
    '',
  );
  for (const model of Object.values(RESOURCE_MODELS)) {
    if (!superset[model]) throw new Error(`Resource model ${model} is missing from the field list`);
  }
  out.push('/** Resource path -> model name. */');
  out.push('export const RESOURCE_MODELS = {');
  for (const [res, model] of Object.entries(RESOURCE_MODELS)) out.push(`  ${res}: '${model}',`);
  out.push('} as const satisfies Record<string, ModelName>;', '');
  out.push('/** Resource path names that have a model. */');
  out.push('export type ResourceModelPath = keyof typeof RESOURCE_MODELS;', '');
  return out.join('\n');
}

async function main(argv: string[]): Promise<void> {
  const check = argv.includes('--check');
  const outIdx = argv.indexOf('--out');
  const outArg = outIdx >= 0 ? argv[outIdx + 1] : undefined;
  const positional = argv.filter((a, i) => !a.startsWith('--') && (outIdx < 0 || i !== outIdx + 1));
  const input = path.resolve(
    positional[0] ?? path.join(repoRoot, '..', 'shared', 'infoplus-api', 'infoplus-models-derived.json'),
  );
  const outFile = path.resolve(outArg ?? path.join(repoRoot, 'src', 'infoplus', 'models', 'generated.ts'));
  let data: Derived;
  try {
    data = JSON.parse(await readFile(input, 'utf8')) as Derived;
  } catch (e) {
    throw new Error(`Cannot read the field list ${input}: ${(e as Error).message}`);
  }
  const text = generate(data, path.basename(input));
  if (check) {
    const current = await readFile(outFile, 'utf8').catch(() => '');
    if (current !== text) {
      console.error(`${outFile} is out of date; run npm run generate:models`);
      process.exitCode = 1;
    }
    return;
  }
  await mkdir(path.dirname(outFile), { recursive: true });
  await writeFile(outFile, text);
  console.log(`Wrote ${outFile}`);
}

main(process.argv.slice(2)).catch((e: unknown) => {
  console.error((e as Error).message);
  process.exitCode = 1;
});
