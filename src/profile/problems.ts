/** ProfileError and the translation of zod issues into problems that name the exact field. */
import type { z } from 'zod';

/** One thing wrong with a profile: the dotted path of the field and what to do about it. */
export interface ProfileProblem {
  readonly path: string;
  readonly message: string;
}

/** Thrown when a profile cannot be used; `problems` lists every field at fault. */
export class ProfileError extends Error {
  readonly problems: readonly ProfileProblem[];
  readonly origin?: string;
  constructor(problems: readonly ProfileProblem[], origin?: string) {
    const where = origin ? ` (${origin})` : '';
    const list = problems.map((p) => `  - ${p.path || '(document)'}: ${p.message}`).join('\n');
    super(`The mapping profile${where} has ${problems.length} problem(s):\n${list}`);
    this.name = 'ProfileError';
    this.problems = problems;
    if (origin !== undefined) this.origin = origin;
  }
}

/** `touchpoints.orders.fields.customerOrderNo.column` style path. */
export function joinPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out ? `.${String(seg)}` : String(seg);
  }
  return out;
}

const TOUCHPOINT_WORDS = 'vendors, items, asns, orders, shipments, item-receipts, inventory-adjustments';

/** Turns zod issues into problems with paths; unions report the branch the input was meant for. */
export function issuesToProblems(
  issues: readonly z.core.$ZodIssue[],
  base: readonly PropertyKey[] = [],
): ProfileProblem[] {
  const out: ProfileProblem[] = [];
  for (const issue of issues) {
    const path = [...base, ...issue.path];
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      out.push(...issuesToProblems(bestBranch(issue.errors), path));
      continue;
    }
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys)
        out.push({ path: joinPath([...path, key]), message: unknownKeyMessage(path, key) });
      continue;
    }
    out.push({ path: joinPath(path), message: issueMessage(issue) });
  }
  return out;
}

// The branch that got furthest: fewest issues at the union's own level ("expected string" for an object)
function bestBranch(branches: readonly (readonly z.core.$ZodIssue[])[]): readonly z.core.$ZodIssue[] {
  const score = (b: readonly z.core.$ZodIssue[]): number =>
    b.reduce((s, i) => s + (i.path.length === 0 && i.code === 'invalid_type' ? 100 : 1), 0);
  return [...branches].sort((a, b) => score(a) - score(b))[0] ?? [];
}

function unknownKeyMessage(path: readonly PropertyKey[], key: string): string {
  if (path.length === 1 && path[0] === 'touchpoints') {
    return `unknown touchpoint "${key}"; use one of ${TOUCHPOINT_WORDS}`;
  }
  return `unknown setting "${key}"; remove it or fix its spelling`;
}

function issueMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type' && issue.input === undefined) {
    const name = String(issue.path.at(-1) ?? 'it');
    // a schedule takes either form; say so rather than naming only the branch that got furthest
    return name === 'cron'
      ? 'required: add cron (5-field expression), intervalMinutes or continuous'
      : `required: add ${name}`;
  }
  if (issue.code === 'invalid_value') return `${issue.message} (got ${JSON.stringify(issue.input)})`;
  return issue.message;
}
