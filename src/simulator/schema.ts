/**
 * Adapter over the generated model table (`src/infoplus/models/generated.ts`): the simulator reads field
 * kinds, required and readOnly flags from there, never from a list of its own.
 */
import { TENANT_MODEL_FIELDS, type TenantModelName } from '../infoplus/models/tenant-models.js';
import {
  MODEL_FIELDS,
  type FieldSpec as GeneratedFieldSpec,
  RESOURCE_MODELS,
  type FieldType,
  type ModelName,
} from '../infoplus/models/generated.js';
import type { ResourceName } from './types.js';

/** Value kinds the simulator validates. */
export type FieldKind = 'integer' | 'number' | 'string' | 'boolean' | 'datetime' | 'map' | 'array' | 'any';

/** One field of a model, normalised. */
export interface FieldSpec {
  readonly kind: FieldKind;
  readonly required: boolean;
  readonly readOnly: boolean;
  readonly betaOnly: boolean;
  /** For arrays of objects: the model of the elements. */
  readonly itemsModel?: ModelName;
  /** For arrays of primitives: the kind of the elements. */
  readonly itemsKind?: FieldKind;
}

/** The model behind each resource. */
export const RESOURCE_MODEL: Readonly<Record<ResourceName, ModelName | TenantModelName>> = {
  ...RESOURCE_MODELS,
  orderLine: 'OrderLine',
  cartonContent: 'CartonContent',
  itemCategory: 'ItemCategory',
  itemSubCategory: 'ItemSubCategory',
  receivingCriteriaScheme: 'ReceivingCriteriaScheme',
  carrier: 'Carrier',
  customField: 'CustomField',
};

const cache = new Map<string, Readonly<Record<string, FieldSpec>>>();

/** Fields of a model by name (e.g. `Order`, `OrderLine`); throws for an unknown model. */
export function modelFields(model: string): Readonly<Record<string, FieldSpec>> {
  const hit = cache.get(model);
  if (hit) return hit;
  const all = { ...MODEL_FIELDS, ...TENANT_MODEL_FIELDS } as Readonly<
    Record<string, Readonly<Record<string, GeneratedFieldSpec>> | undefined>
  >;
  const raw = all[model];
  if (!raw) throw new Error(`model ${model} is not in MODEL_FIELDS`);
  const out: Record<string, FieldSpec> = {};
  for (const [name, spec] of Object.entries(raw)) {
    const base = { required: spec.required, readOnly: spec.readOnly, betaOnly: spec.betaOnly === true };
    if (spec.type === 'array') {
      out[name] =
        spec.itemsModel !== undefined
          ? { kind: 'array', ...base, itemsModel: spec.itemsModel }
          : { kind: 'array', ...base, itemsKind: kindOf((spec.items ?? 'any') as FieldType) };
    } else out[name] = { kind: kindOf(spec.type), ...base };
  }
  cache.set(model, out);
  return out;
}

/** Fields of a resource's model. */
export function resourceFields(resource: ResourceName): Readonly<Record<string, FieldSpec>> {
  return modelFields(RESOURCE_MODEL[resource]);
}

function kindOf(type: FieldType): FieldKind {
  switch (type) {
    case 'decimal':
      return 'number';
    case 'date-time':
      return 'datetime';
    case 'integer':
    case 'string':
    case 'boolean':
    case 'map':
    case 'array':
      return type;
    default:
      return 'any';
  }
}
