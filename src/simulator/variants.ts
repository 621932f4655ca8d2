/** Choosing simulator variants: parse `KEY=VALUE`, draw a seeded random combination, list the switches. */
import { STRICT_VARIANTS, VARIANTS, VARIANT_KEYS, type VariantKey, type Variants } from './decisions.js';
import { createPrng } from './prng.js';

/** A variant setting that does not exist. */
export class VariantError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'VariantError';
  }
}

function isKey(k: string): k is VariantKey {
  return (VARIANT_KEYS as readonly string[]).includes(k);
}

/** The strict defaults with `given` on top; throws VariantError naming a bad key or value. */
export function resolveVariants(given: Readonly<Record<string, string>> = {}): Variants {
  const out: Record<string, string> = { ...STRICT_VARIANTS };
  for (const [k, v] of Object.entries(given)) {
    if (!isKey(k))
      throw new VariantError(`unknown simulator variant '${k}' (known: ${VARIANT_KEYS.join(', ')})`);
    const values: readonly string[] = VARIANTS[k].values;
    if (!values.includes(v))
      throw new VariantError(`variant ${k} must be one of ${values.join('|')} (got '${v}')`);
    out[k] = v;
  }
  return out as unknown as Variants;
}

/** Reads `KEY=VALUE` texts (CLI `--variant`, repeatable). */
export function parseVariantArgs(args: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const arg of args) {
    const eq = arg.indexOf('=');
    if (eq <= 0) throw new VariantError(`--variant takes KEY=VALUE, e.g. errorBody=text (got '${arg}')`);
    out[arg.slice(0, eq).trim()] = arg.slice(eq + 1).trim();
  }
  resolveVariants(out);
  return out;
}

/** A random value for every switch, the same for the same seed. */
export function randomVariants(seed: number): Variants {
  const prng = createPrng((seed ^ 0x7a51a7) >>> 0);
  const out: Record<string, string> = {};
  for (const k of VARIANT_KEYS) out[k] = prng.pick(VARIANTS[k].values as readonly string[]);
  return out as unknown as Variants;
}

/** `key=value` pairs of the switches that differ from the strict defaults (for messages). */
export function describeVariants(v: Variants): string {
  const diff = VARIANT_KEYS.filter((k) => v[k] !== STRICT_VARIANTS[k]).map((k) => `${k}=${v[k]}`);
  return diff.length === 0 ? 'strict defaults' : diff.join(' ');
}

/** Lines of `--list-variants`: key, values, default, evidence. */
export function listVariantLines(): string[] {
  return VARIANT_KEYS.map((k) => {
    const { values, evidence } = VARIANTS[k];
    return `${k}=${values.join('|')}  (default ${values[0]}): ${evidence}`;
  });
}
