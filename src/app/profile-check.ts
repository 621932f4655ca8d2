/**
 * The check a profile save runs first: the document is validated, then every push query runs on the ERP in
 * force (first record, mapped columns, keys). Infoplus is not called and nothing is written, so the admin can
 * run it on every save.
 */
import { probePushQueries } from '../check/probe-erp.js';
import type { ProfileCheckResult } from '../contract/dto.js';
import { openErp } from '../erp/index.js';
import { parseProfile, ProfileError, type Profile } from '../profile/index.js';
import type { AppCore } from './app-core.js';
import { effectiveErp, erpConfigOf, erpPassword, profileBaseDir } from './connections.js';
import { defaultProfilePath } from './profile-location.js';

/** Checks unsaved profile text without saving it. Never throws for problems; they are in the answer. */
export async function checkProfileText(core: AppCore, text: string): Promise<ProfileCheckResult> {
  const profilePath = core.runtime.connections.profilePath ?? defaultProfilePath(core.dataDir);
  let profile: Profile;
  try {
    profile = parseProfile(text, profilePath);
  } catch (error) {
    if (!(error instanceof ProfileError)) throw error;
    return {
      ok: false,
      problems: error.problems.map((p) => ({ path: p.path, message: p.message, severity: 'error' })),
      notes: [],
    };
  }
  const notes = [`profile "${profile.name}" is valid`];
  // The demo's ERP is the demo's own; otherwise the admin's settings win over the profile, as in a run.
  const stored = core.demo ? { ...core.stored(), erp: null } : core.stored();
  const conn = effectiveErp(stored, profile);
  if (!conn) {
    return {
      ok: true,
      problems: [
        {
          path: 'connections.erp',
          message:
            'No ERP connection is set up, so the queries could not be tried (Settings → ERP connection).',
          severity: 'warning',
        },
      ],
      notes,
    };
  }
  const password = core.demo?.erpPassword ?? (await erpPassword(profile, core.secrets, core.env));
  core.logging.registerSecret(password);
  let erp;
  try {
    erp = await openErp(erpConfigOf(conn, password, profileBaseDir(profilePath, core.dataDir)));
  } catch (error) {
    return {
      ok: true,
      problems: [
        {
          path: 'connections.erp',
          message: `The queries could not be tried: the ERP did not answer (${(error as Error).message}).`,
          severity: 'warning',
        },
      ],
      notes,
    };
  }
  try {
    const problems = await probePushQueries(erp, profile, notes);
    return { ok: !problems.some((p) => p.severity === 'error'), problems, notes };
  } finally {
    await erp.close();
  }
}
