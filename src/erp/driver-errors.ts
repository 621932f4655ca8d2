import { scrubSecrets } from '../logging/redact.js';
import { ErpError } from './errors.js';
import type { ErpDriverName, ErpErrorCode, StatementOptions } from './types.js';

/** Node socket error codes meaning the server could not be reached at all. */
export const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EADDRNOTAVAIL',
]);

/** Node socket error codes meaning an established connection broke. */
export const LOST_CODES = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED', 'PROTOCOL_CONNECTION_LOST']);

/** Builds the ErpError for a driver failure, redacting secrets from the driver's text. */
export function driverError(args: {
  code: ErpErrorCode;
  driver: ErpDriverName;
  detail: string;
  opts: StatementOptions | undefined;
  secrets: readonly (string | undefined)[];
  driverCode?: string | undefined;
  position?: number | undefined;
  cause: unknown;
}): ErpError {
  return new ErpError({
    code: args.code,
    driver: args.driver,
    detail: scrubSecrets(args.detail, args.secrets),
    ...(args.opts?.name !== undefined ? { statement: args.opts.name } : {}),
    ...(args.opts?.touchpoint !== undefined ? { touchpoint: args.opts.touchpoint } : {}),
    ...(args.driverCode !== undefined ? { driverCode: args.driverCode } : {}),
    ...(args.position !== undefined ? { position: args.position } : {}),
    cause: args.cause,
  });
}

/** Reads a string property off an unknown error. */
export function prop(e: unknown, key: string): string | undefined {
  if (typeof e !== 'object' || e === null) return undefined;
  const v = (e as Record<string, unknown>)[key];
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined;
}

/** Message of an unknown error; AggregateError (happy-eyeballs connects) shows its first inner message. */
export function messageOf(e: unknown): string {
  if (e instanceof AggregateError && e.errors.length > 0) {
    const first: unknown = e.errors[0];
    return e.message || (first instanceof Error ? first.message : String(first));
  }
  return e instanceof Error ? e.message : String(e);
}

/** Socket-level code of an error, looking into AggregateError members. */
export function socketCode(e: unknown): string | undefined {
  const code = prop(e, 'code');
  if (code !== undefined) return code;
  if (e instanceof AggregateError) {
    for (const inner of e.errors) {
      const c = prop(inner, 'code');
      if (c !== undefined) return c;
    }
  }
  return undefined;
}
