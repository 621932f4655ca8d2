/** Mapping preview: ERP rows beside the Infoplus JSON they become, or Infoplus records beside their ERP parameters. */
import {
  isPushTouchpoint,
  type MappingPreview,
  type MappingPreviewRow,
  type TouchpointName,
} from '../contract/index.js';
import { buildPayload, resolveRequests, writeBackParams } from '../domain/mapping/index.js';
import type { SyncEnv } from './sync-env.js';
import { PULL_DEFINITIONS } from './touchpoints/index.js';

/** What a preview reads from. */
export type PreviewEnv = SyncEnv;

const plain = (v: unknown): unknown =>
  v instanceof Date ? v.toISOString() : typeof v === 'bigint' ? v.toString() : v;
/** A row as plain JSON values (dates as ISO text, bigints as text). */
export const plainRow = (row: Readonly<Record<string, unknown>>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(row).map(([k, v]) => [k, plain(v)]));

/** The first `limit` records of a touchpoint; nothing is written. */
export async function previewTouchpoint(
  env: PreviewEnv,
  tp: TouchpointName,
  limit: number,
): Promise<MappingPreview> {
  const rows: MappingPreviewRow[] = [];
  if (isPushTouchpoint(tp)) {
    const it = env.io.readPushRecords(env.erp, env.profile, tp, {})[Symbol.asyncIterator]();
    try {
      while (rows.length < limit) {
        const next = await it.next();
        if (next.done) break;
        const rec = next.value;
        // a preview assigns no vendor numbers: it shows the ones a run would give
        const resolver = env.resolver.peeking();
        await resolver.prefetch(resolveRequests(env.profile, tp, rec));
        const built = buildPayload(env.profile, tp, rec, {
          resolve: resolver.resolve,
          tenantList: resolver.tenantList,
        });
        rows.push({
          recordKey: rec.key,
          erp: {
            ...plainRow(rec.header),
            ...(rec.lines.length > 0 ? { lines: rec.lines.map(plainRow) } : {}),
          },
          infoplus: built.payload,
          problems: built.problems.map((p) => `${p.field}: ${p.message}`),
        });
      }
    } finally {
      await it.return?.();
    }
    return { touchpoint: tp, rows };
  }
  const records = await PULL_DEFINITIONS[tp].records(env.infoplus).search({
    filter: `lobId eq ${env.profile.infoplus.lobId}`,
    sort: '!id',
    limit: Math.min(250, Math.max(1, limit)),
  });
  for (const r of records.slice(0, limit)) {
    rows.push({
      recordKey: String(r.id),
      erp: plainRow(writeBackParams(r, env.profile.timezone, {}, env.erp.driver === 'sqlserver' ? 'T' : ' ')),
      infoplus: r,
      problems: [],
    });
  }
  return { touchpoint: tp, rows };
}
