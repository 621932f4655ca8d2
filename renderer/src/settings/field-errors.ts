import { ApiCallError, errorText } from '../bridge/index.js';

/** Field path (e.g. `infoplus.requestsPerSecond`) -> message. */
export type FieldErrors = Readonly<Record<string, string>>;

function pathText(path: unknown): string | null {
  if (typeof path === 'string') return path;
  if (Array.isArray(path)) return path.map(String).join('.');
  return null;
}

/**
 * Pulls field errors out of an ApiError's details. Accepted shapes: `{field|path, message}`,
 * `{issues|problems|errors: [{path, message}]}`, `{fieldErrors|fields: {path: message|message[]}}`.
 */
export function fieldErrorsOf(error: unknown): FieldErrors {
  if (!(error instanceof ApiCallError) || !error.details) return {};
  const details = error.details as Record<string, unknown>;
  const out: Record<string, string> = {};
  const single = pathText(details.field ?? details.path);
  if (single) out[single] = typeof details.message === 'string' ? details.message : error.message;
  for (const key of ['issues', 'problems', 'errors']) {
    const list = details[key];
    if (!Array.isArray(list)) continue;
    for (const issue of list as { path?: unknown; field?: unknown; message?: unknown }[]) {
      const p = pathText(issue?.path ?? issue?.field);
      if (p) out[p] = typeof issue.message === 'string' ? issue.message : errorText(error);
    }
  }
  for (const key of ['fieldErrors', 'fields']) {
    const map = details[key];
    if (!map || typeof map !== 'object' || Array.isArray(map)) continue;
    for (const [p, m] of Object.entries(map as Record<string, unknown>)) {
      out[p] = Array.isArray(m) ? m.map(String).join('; ') : String(m);
    }
  }
  return out;
}
