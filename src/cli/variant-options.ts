/** `--variant KEY=VALUE` (repeatable), `--variants random`, `--list-variants`: shared by `simulator` and `demo`. */
import { InvalidArgumentError, type Command } from 'commander';
import {
  describeVariants,
  listVariantLines,
  parseVariantArgs,
  randomVariants,
  resolveVariants,
  VariantError,
} from '../simulator/variants.js';

/** The flags these options add. */
export interface VariantFlags {
  variant?: string[];
  variants?: string;
  listVariants?: boolean;
}

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** Adds the variant options to a command. */
export function addVariantOptions(cmd: Command): Command {
  return cmd
    .option(
      '--variant <key=value>',
      'simulate an unconfirmed Infoplus behaviour (repeatable), e.g. --variant errorBody=text',
      collect,
    )
    .option('--variants <mode>', "'random': a random value for every switch, drawn from --seed")
    .option('--list-variants', 'print every variant switch with its values and default, then exit');
}

/** Prints the switches (`--list-variants`). */
export function printVariantList(write: (text: string) => void): void {
  write('Simulator variants (KEY=VALUE; the first value is the default, the strictest reading):\n');
  for (const line of listVariantLines()) write(`  ${line}\n`);
}

/**
 * The variants asked for: `--variants random` draws every switch from the seed, `--variant` pairs override.
 * Returns the settings and a one-line description that names the seed when random.
 */
export function variantsFromFlags(
  flags: VariantFlags,
  seed: number,
): { variants: Record<string, string>; description: string } {
  try {
    let base: Record<string, string> = {};
    if (flags.variants !== undefined) {
      if (flags.variants !== 'random')
        throw new VariantError(`--variants takes 'random' (got '${flags.variants}')`);
      base = { ...randomVariants(seed) };
    }
    const variants = { ...base, ...parseVariantArgs(flags.variant ?? []) };
    const text = describeVariants(resolveVariants(variants));
    const description = flags.variants === 'random' ? `${text} (random, seed ${seed})` : text;
    return { variants, description };
  } catch (e) {
    if (e instanceof VariantError) throw new InvalidArgumentError(e.message);
    throw e;
  }
}
