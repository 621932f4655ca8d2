import type { ApiError } from '../contract/result.js';
import { scrubSecrets } from '../logging/redact.js';

const MAX_MESSAGE = 2000;
const CODE_PATTERN = /^[A-Za-z][A-Za-z0-9_.-]{0,63}$/;
/** Fields of our error classes (ErpError, InfoplusError, ProfileError...) that are safe and useful to a UI. */
const DETAIL_FIELDS = [
  'touchpoint',
  'recordKey',
  'statement',
  'resource',
  'operation',
  'status',
  'driver',
  'field',
  'messages',
  'fieldErrors',
  'problems',
  'retryAfterMs',
] as const;

function safeValue(value: unknown, depth = 0): unknown {
  if (value === null || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'string') return scrubSecrets(value).slice(0, MAX_MESSAGE);
  if (depth > 3) return undefined;
  if (Array.isArray(value)) return value.slice(0, 100).map((v) => safeValue(v, depth + 1));
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value as Record<string, unknown>).slice(0, 100)) {
      const safe = safeValue(inner, depth + 1);
      if (safe !== undefined) out[key] = safe;
    }
    return out;
  }
  return undefined;
}

/**
 * Turns anything thrown into an ApiError: the error's own `code` (or InfoplusError `kind`) when it has one,
 * else `internal`; the message with credentials masked; whitelisted context fields as details. Never a stack.
 */
export function errorToApiError(error: unknown): ApiError {
  if (!(error instanceof Error)) {
    const text = typeof error === 'string' ? error : 'An unexpected error happened.';
    return { code: 'internal', message: scrubSecrets(text).slice(0, MAX_MESSAGE) };
  }
  const fields = error as unknown as Record<string, unknown>;
  const rawCode =
    typeof fields.code === 'string' ? fields.code : typeof fields.kind === 'string' ? fields.kind : '';
  const code = CODE_PATTERN.test(rawCode) ? rawCode : 'internal';
  const message = scrubSecrets(error.message || error.name || 'An unexpected error happened.').slice(
    0,
    MAX_MESSAGE,
  );
  const details: Record<string, unknown> = {};
  for (const key of DETAIL_FIELDS) {
    if (fields[key] === undefined) continue;
    const safe = safeValue(fields[key]);
    if (safe !== undefined) details[key] = safe;
  }
  return Object.keys(details).length > 0 ? { code, message, details } : { code, message };
}
