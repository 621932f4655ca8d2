import type { z } from 'zod';
import { API_ARGS } from '../contract/api.js';
import type { ApiMethod, AppApi } from '../contract/api.js';
import { fail, ok } from '../contract/result.js';
import type { Result } from '../contract/result.js';
import { errorToApiError } from './errors.js';

/** What the dispatcher logs through (pino's call shape); optional so tests and tools can omit it. */
export interface DispatcherLogger {
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/** One entry point for every transport: method name + untrusted args in, a Result out, never a throw. */
export type Dispatch = (method: string, args: unknown) => Promise<Result<unknown>>;

/** Options of the dispatcher. */
export interface DispatcherOptions {
  readonly logger?: DispatcherLogger;
}

/** True when `method` is one of the API methods (own keys only, so `constructor` or `__proto__` never pass). */
export function isApiMethod(method: string): method is ApiMethod {
  return Object.prototype.hasOwnProperty.call(API_ARGS, method);
}

/** `a.b[0].c` from a zod issue path, for messages a person can follow. */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`;
    else text += text ? `.${String(key)}` : String(key);
  }
  return text;
}

function invalidArguments(method: string, error: z.ZodError): Result<never> {
  const issues = error.issues.map((issue) => ({ path: formatIssuePath(issue.path), message: issue.message }));
  const first = issues[0] ?? { path: '', message: 'invalid value' };
  const where = first.path ? `${first.path}: ` : '';
  const more =
    issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})` : '';
  return fail('invalid-arguments', `Invalid arguments for ${method}: ${where}${first.message}${more}`, {
    path: first.path,
    issues,
  });
}

/**
 * Builds the dispatcher that HTTP and Electron IPC share: allowlist = API_METHODS, arguments parsed with
 * API_ARGS[method], every exception turned into `{ code, message }` without stacks or secrets.
 */
export function createDispatcher(api: AppApi, options: DispatcherOptions = {}): Dispatch {
  const { logger } = options;
  return async (method, args) => {
    if (!isApiMethod(method)) {
      return fail('unknown-method', `There is no API method named "${method.slice(0, 100)}".`);
    }
    // A call without a body means "no arguments"; every schema then decides whether that is enough.
    const parsed = API_ARGS[method].safeParse(args ?? {});
    if (!parsed.success) return invalidArguments(method, parsed.error);
    try {
      const handler = api[method] as (input: unknown) => Promise<unknown>;
      const value = await handler.call(api, parsed.data);
      return ok(value);
    } catch (error) {
      const apiError = errorToApiError(error);
      // Expected failures carry a code; unexpected ones keep their stack in the log, never across the boundary.
      if (apiError.code === 'internal') logger?.error({ err: error, method }, `API method ${method} failed`);
      else logger?.warn({ code: apiError.code, method }, `API method ${method} failed: ${apiError.message}`);
      return { ok: false, error: apiError };
    }
  };
}
