/** A content hash of a payload that does not depend on key order: sha256 of canonical JSON. */
import { createHash } from 'node:crypto';

/** JSON with object keys sorted at every level and undefined members dropped. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value)) ?? 'null';
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map((v) => (v === undefined ? null : sortKeys(v)));
  if (value instanceof Date) return value.toISOString();
  if (value === null || typeof value !== 'object')
    return typeof value === 'bigint' ? value.toString() : value;
  // a null prototype keeps a `__proto__` key as data instead of changing the prototype
  const out = Object.create(null) as Record<string, unknown>;
  for (const k of Object.keys(value).sort()) {
    const v = (value as Record<string, unknown>)[k];
    if (v !== undefined) out[k] = sortKeys(v);
  }
  return out;
}

/** Hex sha256 of the payload's canonical JSON; equal payloads hash equal whatever their key order. */
export function contentHash(payload: unknown): string {
  return createHash('sha256').update(canonicalJson(payload)).digest('hex');
}
