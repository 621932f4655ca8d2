/** What every sync job works with: the two ends, the profile, and the profile-driven readers and lookups. */
import type { ErpConnection } from '../erp/types.js';
import type { InfoplusClient } from '../infoplus/index.js';
import type { Profile } from '../profile/index.js';
import type { ErpIo } from './erp-io.js';
import type { LookupResolver } from './resolver.js';

/** The one environment type; a job that needs more extends it (DryRunEnv, ReconcileEnv). */
export interface SyncEnv {
  readonly erp: ErpConnection;
  readonly infoplus: InfoplusClient;
  readonly profile: Profile;
  readonly io: ErpIo;
  readonly resolver: LookupResolver;
}
