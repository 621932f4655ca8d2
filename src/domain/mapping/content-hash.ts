/** A content hash of a payload that does not depend on key order: sha256 of canonical JSON. */
import { createHash } from 'node:crypto';

/** JSON with object keys sorted at every level and undefined members dropped. */
export function canonicalJson(value: unknown): string {
  return directJson(value) ?? JSON.stringify(sortKeys(value)) ?? 'null';
}

// Keys JSON.stringify would put first in numeric order (array indices), whatever the sorted order says.
const INDEX_KEY = /^(?:0|[1-9]\d*)$/;

// Payloads repeat the same few dozen field names; quoting each once saves a JSON.stringify per field.
const quotedKeys = new Map<string, string>();

function quotedKey(k: string): string {
  let q = quotedKeys.get(k);
  if (q === undefined) {
    q = `${JSON.stringify(k)}:`;
    if (quotedKeys.size >= 10_000) quotedKeys.clear();
    quotedKeys.set(k, q);
  }
  return q;
}

/**
 * The same text as JSON.stringify(sortKeys(value)) written in one pass without copying the payload (a full
 * scan hashes every record). Returns null for anything unusual (class instances, functions, index-like keys),
 * which then takes the copying path above.
 */
function directJson(value: unknown): string | null {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
    case 'number':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'bigint':
      return JSON.stringify(value.toString());
    case 'object':
      break;
    default:
      return null;
  }
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) {
      const v: unknown = value[i];
      const text = v === undefined ? 'null' : directJson(v);
      if (text === null) return null;
      out += i === 0 ? text : `,${text}`;
    }
    return `${out}]`;
  }
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return null;
  let out = '{';
  for (const k of Object.keys(value).sort()) {
    if (INDEX_KEY.test(k)) return null;
    const v = (value as Record<string, unknown>)[k];
    if (v === undefined) continue;
    const text = directJson(v);
    if (text === null) return null;
    out += `${out.length === 1 ? '' : ','}${quotedKey(k)}${text}`;
  }
  return `${out}}`;
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
