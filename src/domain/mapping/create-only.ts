/**
 * Profile `createOnly` on a built payload (pure): the fields sent when Infoplus creates the record and never on
 * an update. The content hash of a synced record leaves them out, so a change to them alone is no change to
 * send, and an update marks them so the client keeps the value Infoplus has.
 */
import type { CreateOnlySpec } from '../../profile/lifecycle.js';

type Rec = Record<string, unknown>;

/** The payload with the create-only fields changed by `f` (removed when it returns undefined). */
function mapCreateOnly(payload: Rec, spec: CreateOnlySpec, f: (value: unknown) => unknown): Rec {
  const out: Rec = { ...payload };
  for (const field of spec.header) if (field in out) out[field] = f(out[field]);
  const lf = spec.linesField;
  if (lf !== null && spec.lines.size > 0 && Array.isArray(out[lf]) && !spec.header.has(lf)) {
    out[lf] = (out[lf] as unknown[]).map((raw) => {
      if (raw === null || typeof raw !== 'object') return raw;
      const line: Rec = { ...(raw as Rec) };
      for (const field of spec.lines) if (field in line) line[field] = f(line[field]);
      return line;
    });
  }
  return out;
}

/** What is compared for a record Infoplus already has: the payload without its create-only fields. */
export function withoutCreateOnly(payload: Rec, spec: CreateOnlySpec | null): Rec {
  return spec === null ? payload : mapCreateOnly(payload, spec, () => undefined);
}

/** The payload of an update with each create-only value wrapped by `keep` (the client's KeepCurrent). */
export function markCreateOnly(
  payload: Rec,
  spec: CreateOnlySpec | null,
  keep: (value: unknown) => unknown,
): Rec {
  return spec === null ? payload : mapCreateOnly(payload, spec, (v) => (v === undefined ? v : keep(v)));
}
