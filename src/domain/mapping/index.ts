/** Pure mapping: ERP rows -> Infoplus payloads, content hashes, write-back parameters. */
export { buildPayload, resolveRequests, pushConfig } from './build-payload.js';
export { contentHash, canonicalJson } from './content-hash.js';
export { writeBackParams, lineWriteBackParams, type WriteBackValue } from './write-back-params.js';
export { convertValue, toInstant, type FieldType, type Converted } from './convert.js';
export { formatWallClock, instantFromWallClock, wallClockOf, zoneOffsetMs } from './zoned-time.js';
export { columnValue } from './map-field.js';
export { markCreateOnly, withoutCreateOnly } from './create-only.js';
export { isCancelled } from './cancel.js';
export { mappingDigest, rawFingerprint, rowsFingerprint, storedFingerprint } from './fingerprint.js';
export type {
  PushSourceRecord,
  SourceRow,
  MappingProblem,
  MappingContext,
  ResolveKind,
  BuiltPayload,
  TenantLookupEntry,
  TenantLookupList,
} from './types.js';
