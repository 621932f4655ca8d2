/** `check`: validates a profile, then tests the ERP (queries, columns, write-backs) and Infoplus (key, LOB, warehouse). */
import { dirname } from 'node:path';
import { describeErpConfig, openErp } from '../erp/index.js';
import type { ErpConnection } from '../erp/types.js';
import { createInfoplusClient } from '../infoplus/index.js';
import { erpConfigFromProfile, infoplusOptionsFromProfile } from '../profile/connections.js';
import { INFOPLUS_MODELS } from '../profile/infoplus-models.js';
import { loadProfile } from '../profile/parse.js';
import { ProfileError } from '../profile/problems.js';
import { unusedVars } from '../profile/reuse.js';
import { probePushQueries, probeWriteBacks, type CheckProblem } from './probe-erp.js';
import { excessPrivileges } from './probe-privileges.js';
import type { Profile } from '../profile/schema.js';
import { loadTenantLists } from '../infoplus/tenant-lists.js';
import { checkTenantIds } from './check-tenant-ids.js';
import { DEFAULT_SAMPLE, type SampleSize } from './probe-sample.js';

/** What check found: problems (errors fail it), and notes on what was verified. */
export interface CheckReport {
  readonly ok: boolean;
  readonly problems: readonly CheckProblem[];
  readonly notes: readonly string[];
  readonly profile: Profile | null;
}

/** Options: env holds the secrets; offline validates the document only; writeProbe runs write-backs rolled back. */
export interface CheckOptions {
  readonly env?: NodeJS.ProcessEnv;
  readonly offline?: boolean;
  readonly writeProbe?: boolean;
  readonly skipErp?: boolean;
  readonly skipInfoplus?: boolean;
  /** Records mapped per push touchpoint (default 200). */
  readonly sample?: SampleSize;
}

/** Runs every check on a profile file. Never throws for problems; they are in the report. */
export async function checkProfileFile(file: string, opts: CheckOptions = {}): Promise<CheckReport> {
  const env = opts.env ?? process.env;
  const notes: string[] = [];
  const problems: CheckProblem[] = [];
  let profile: Profile;
  try {
    profile = await loadProfile(file);
  } catch (e) {
    if (!(e instanceof ProfileError)) throw e;
    return {
      ok: false,
      problems: e.problems.map((p) => ({ ...p, severity: 'error' })),
      notes,
      profile: null,
    };
  }
  notes.push(`profile "${profile.name}" is valid`);
  for (const name of unusedVars(profile)) {
    problems.push({
      path: `vars.${name}`,
      severity: 'warning',
      message: `var "${name}" is used by no statement (@${name}); remove it or use it`,
    });
  }
  if (!opts.offline) {
    if (!opts.skipErp)
      problems.push(
        ...(await checkErp(profile, env, dirname(file), opts.writeProbe !== false, notes, opts.sample)),
      );
    if (!opts.skipInfoplus) problems.push(...(await checkInfoplus(profile, env, notes)));
  }
  return { ok: !problems.some((p) => p.severity === 'error'), problems, notes, profile };
}

async function checkErp(
  profile: Profile,
  env: NodeJS.ProcessEnv,
  baseDir: string,
  writeProbe: boolean,
  notes: string[],
  sample: SampleSize = DEFAULT_SAMPLE,
): Promise<CheckProblem[]> {
  const made = erpConfigFromProfile(profile, env, baseDir);
  if ('problem' in made) return [{ ...made.problem, severity: 'error' }];
  let erp: ErpConnection;
  try {
    erp = await openErp(made.config);
    notes.push(`ERP: connected to ${describeErpConfig(made.config)} (${await erp.serverInfo()})`);
  } catch (e) {
    return [
      { path: 'connections.erp', message: e instanceof Error ? e.message : String(e), severity: 'error' },
    ];
  }
  try {
    const out = await probePushQueries(erp, profile, notes, sample);
    const excess = await excessPrivileges(erp);
    if (excess.length > 0) {
      out.push({
        path: 'connections.erp',
        severity: 'warning',
        message:
          `the ERP login ${excess.join(', ')}: more than the sync needs. Give it its own account that may ` +
          'read the source tables or views and write only the write-back targets (README, Security).',
      });
    }
    if (writeProbe) {
      const wb = await probeWriteBacks(erp, profile, INFOPLUS_MODELS);
      out.push(...wb);
      if (wb.length === 0) notes.push(`ERP: ${ROLLBACK_NOTE}`);
    }
    return out;
  } finally {
    await erp.close();
  }
}

/** What the rolled-back write-back probe proves, and what a rollback cannot undo. */
export const ROLLBACK_NOTE =
  'every write-back statement ran in a transaction that was rolled back. A rollback cannot undo everything: ' +
  'statements that change the schema are refused in profiles, but a stored procedure that commits on its own, ' +
  'tables without transactions (MySQL MyISAM), sequences and identity counters (they stay advanced), and ' +
  'triggers or procedures that reach other databases or outside the server keep their effects. Point check at ' +
  'a test copy of the ERP when write-backs call such procedures, or run it with --no-write-probe.';

/**
 * Infoplus accepts a second order with the same customerOrderNo unless the account rejects duplicates. The sync
 * never sends one twice, but orders keyed in by hand or a lost data folder could; the account setting is the
 * second guard.
 */
const DUPLICATE_ORDER_ADVICE =
  'Infoplus: orders: Infoplus accepts a duplicate customerOrderNo by default. As a second guard (orders keyed ' +
  "in by hand, a restored data folder), ask your Infoplus admin to turn on the account's rejection of duplicate " +
  'customer order numbers.';

async function checkInfoplus(
  profile: Profile,
  env: NodeJS.ProcessEnv,
  notes: string[],
): Promise<CheckProblem[]> {
  const made = infoplusOptionsFromProfile(profile, env);
  if ('problem' in made) return [{ ...made.problem, severity: 'error' }];
  const client = createInfoplusClient({ ...made.options, maxRetries: 0 });
  const result = await client.testConnection();
  if (!result.ok) return [{ path: 'connections.infoplus', message: result.message, severity: 'error' }];
  notes.push(`Infoplus: ${result.message}`);
  if (profile.touchpoints.orders?.enabled !== false && profile.touchpoints.orders)
    notes.push(DUPLICATE_ORDER_ADVICE);
  const out: CheckProblem[] = [];
  const { lobId, warehouseId } = profile.infoplus;
  const lobs = result.linesOfBusiness ?? [];
  const whs = result.warehouses ?? [];
  if (!lobs.some((l) => l.id === lobId)) {
    out.push({
      path: 'infoplus.lobId',
      message: `line of business ${lobId} is not visible to this API key (it sees: ${lobs.map((l) => `${l.id} ${l.name}`).join(', ') || 'none'})`,
      severity: 'error',
    });
  }
  if (!whs.some((w) => w.id === warehouseId)) {
    out.push({
      path: 'infoplus.warehouseId',
      message: `warehouse ${warehouseId} is not visible to this API key (it sees: ${whs.map((w) => `${w.id} ${w.name}`).join(', ') || 'none'})`,
      severity: 'error',
    });
  }
  // The tenant's lists are per line of business: only meaningful once the LOB itself is right.
  if (lobs.some((l) => l.id === lobId))
    out.push(...checkTenantIds(profile, await loadTenantLists(client, lobId), notes));
  return out;
}
