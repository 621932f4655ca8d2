/**
 * Source fingerprints: a header column the ERP changes whenever a record or one of its lines changes
 * (changeDetection.fingerprint). Stored with a digest of the mapping, so that a changed mapping (or lookup
 * table, or time zone) makes every record be built and compared by content hash again; that costs one slower
 * scan, never an API call for a record whose payload did not change.
 */
import { createHash, hash as oneShotHash } from 'node:crypto';
import type { PushTouchpoint } from '../../contract/touchpoints.js';
import type { Profile } from '../../profile/schema.js';
import { canonicalJson } from './content-hash.js';
import { columnValue } from './map-field.js';
import type { PushSourceRecord, SourceRow } from './types.js';

/** A short digest of everything besides the ERP data that a touchpoint's payloads are built from. */
export function mappingDigest(profile: Profile, tp: PushTouchpoint): string {
  const cfg = profile.touchpoints[tp];
  // when a touchpoint runs and which connection it uses do not change what its payloads hold
  const { schedule: _schedule, enabled: _enabled, ...mapping } = cfg ?? {};
  const { connections: _connections, touchpoints: _touchpoints, $schema: _s, name: _n, ...shared } = profile;
  return createHash('sha256').update(canonicalJson({ tp, mapping, shared })).digest('hex').slice(0, 16);
}

/** The fingerprint column's value as text (binary rowversions as hex), or null when the row has none. */
export function rawFingerprint(row: SourceRow, column: string): string | null {
  const v = columnValue(row, column).value;
  if (v === null || v === undefined) return null;
  if (v instanceof Uint8Array) return Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('hex');
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v.toISOString();
  return typeof v === 'object' ? canonicalJson(v) : String(v);
}

/** What the journal keeps: the fingerprint tied to the mapping it was pushed with. */
export function storedFingerprint(digest: string, raw: string | null | undefined): string | null {
  return raw === null || raw === undefined ? null : `${digest}:${raw}`;
}

/**
 * A fingerprint of the record's raw rows (header and lines, as read), for touchpoints without a fingerprint
 * column: a full scan passes over a synced record whose rows and mapping are unchanged without converting
 * values, building its payload or hashing it. Rows read in another order (a lines query without ORDER BY)
 * only make the record be compared by content again.
 */
export function rowsFingerprint(rec: PushSourceRecord): string {
  let text = rowText(rec.header);
  for (const line of rec.lines) text += '\u001e' + rowText(line);
  // one-shot hash: no Hash object per record (same digest as createHash('sha1'))
  return `rows:${sha1Base64(text)}`;
}

const sha1Base64: (text: string) => string =
  typeof oneShotHash === 'function'
    ? (text) => oneShotHash('sha1', text, 'base64')
    : (text) => createHash('sha1').update(text).digest('base64');

function rowText(row: SourceRow): string {
  let out = '';
  for (const k in row) out += `${k}\u001f${valueText(row[k])}\u001f`;
  return out;
}

function valueText(v: unknown): string {
  if (v === null || v === undefined) return '\u0000';
  switch (typeof v) {
    case 'string':
      return 's' + v;
    case 'number':
    case 'bigint':
      return 'n' + String(v);
    case 'boolean':
      return v ? 'T' : 'F';
    default:
      if (v instanceof Date) return 'd' + String(v.getTime());
      if (v instanceof Uint8Array)
        return 'x' + Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('hex');
      return 'j' + canonicalJson(v);
  }
}
