/**
 * The check a profile save runs first: the document is validated, then every push query runs on the ERP in
 * force (first record, mapped columns, keys). Infoplus is not called and nothing is written, so the admin can
 * run it on every save.
 */
import { probePushQueries } from '../check/probe-erp.js';
import type { MappingFieldInfo, ProfileCheckResult, ProfileTextPreview } from '../contract/dto.js';
import type { PushTouchpoint } from '../contract/touchpoints.js';
import { buildPayload, pushConfig } from '../domain/mapping/index.js';
import { openErp } from '../erp/index.js';
import type { ErpConnection } from '../erp/types.js';
import { parseProfile, ProfileError, type Profile } from '../profile/index.js';
import { INFOPLUS_MODELS } from '../profile/infoplus-models.js';
import { PUSH_MODELS, isWritable, valueKind } from '../profile/touchpoint-models.js';
import { plainRow } from '../sync/preview.js';
import { readPushRecords } from '../sync/profile-io.js';
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
  const opened = await openProfileErp(core, profile, profilePath);
  if ('problem' in opened) return { ok: true, problems: [opened.problem], notes };
  const erp = opened.erp;
  try {
    const problems = await probePushQueries(erp, profile, notes);
    return { ok: !problems.some((p) => p.severity === 'error'), problems, notes };
  } finally {
    await erp.close();
  }
}

type Problem = ProfileCheckResult['problems'][number];

/**
 * The ERP connection a run of this profile would use: the demo's own, else Settings over the profile. A
 * missing or unreachable ERP is a warning that says where to fix it, never a throw.
 */
async function openProfileErp(
  core: AppCore,
  profile: Profile,
  profilePath: string,
): Promise<{ erp: ErpConnection } | { problem: Problem }> {
  const stored = core.demo ? { ...core.stored(), erp: null } : core.stored();
  const conn = effectiveErp(stored, profile);
  if (!conn) {
    return {
      problem: {
        path: 'connections.erp',
        message:
          'No ERP connection is set up, so the queries could not be tried (Settings → ERP connection).',
        severity: 'warning',
      },
    };
  }
  const password = core.demo?.erpPassword ?? (await erpPassword(profile, core.secrets, core.env));
  core.logging.registerSecret(password);
  try {
    return { erp: await openErp(erpConfigOf(conn, password, profileBaseDir(profilePath, core.dataDir))) };
  } catch (error) {
    return {
      problem: {
        path: 'connections.erp',
        message: `The queries could not be tried: the ERP did not answer (${(error as Error).message}).`,
        severity: 'warning',
      },
    };
  }
}

/** The writable, simple fields of an Infoplus model, the ones a create needs first, for the mapping editor. */
function fieldInfos(
  model: string,
  required: readonly string[],
  fromDefaults: readonly string[],
): MappingFieldInfo[] {
  const needed = new Set(required.flatMap((r) => r.split('|')));
  const alternatives = (name: string): string[] =>
    required.flatMap((r) => {
      const names = r.split('|');
      return names.length > 1 && names.includes(name) ? names.filter((n) => n !== name) : [];
    });
  const out: MappingFieldInfo[] = [];
  for (const [name, meta] of Object.entries(INFOPLUS_MODELS[model] ?? {})) {
    if (!isWritable(meta) || valueKind(meta) === 'other') continue;
    out.push({
      name,
      type: meta.type,
      // the fields a create really needs (the touchpoint's list), not every field the model calls required
      required: needed.has(name),
      orAlso: alternatives(name),
      fromDefaults: fromDefaults.includes(name),
    });
  }
  return out.sort((a, b) => Number(b.required) - Number(a.required) || a.name.localeCompare(b.name));
}

/**
 * Maps the first record of a push touchpoint by UNSAVED profile text: the text is validated, the touchpoint's
 * queries run for one record (the read is closed after it; nothing is written, Infoplus is not called: look-ups
 * stand in as 1), and nothing is saved. Never throws for problems; they are in the answer, with the profile
 * path to fix.
 */
export async function previewProfileText(
  core: AppCore,
  text: string,
  tp: PushTouchpoint,
): Promise<ProfileTextPreview> {
  const info = PUSH_MODELS[tp];
  const base = {
    touchpoint: tp,
    columns: [] as string[],
    lineColumns: [] as string[],
    fields: fieldInfos(info.model, info.required, info.fromDefaults),
    linesField: info.lines?.field ?? null,
    lineFields: info.lines ? fieldInfos(info.lines.model, info.lines.required, info.lineFromDefaults) : [],
    record: null,
  };
  const profilePath = core.runtime.connections.profilePath ?? defaultProfilePath(core.dataDir);
  let profile: Profile;
  try {
    profile = parseProfile(text, profilePath);
  } catch (error) {
    if (!(error instanceof ProfileError)) throw error;
    return {
      ...base,
      problems: error.problems.map((p) => ({ path: p.path, message: p.message, severity: 'error' })),
    };
  }
  const cfg = profile.touchpoints[tp];
  if (!cfg || !('source' in cfg)) {
    return {
      ...base,
      problems: [
        {
          path: `touchpoints.${tp}`,
          message: `The profile has no ${tp} section: add one (Advanced tab) or leave this touchpoint off.`,
          severity: 'warning',
        },
      ],
    };
  }
  const opened = await openProfileErp(core, profile, profilePath);
  if ('problem' in opened) return { ...base, problems: [opened.problem] };
  const erp = opened.erp;
  // one record: its lines are read for it alone
  const source = pushConfig(profile, tp).source;
  const one: Profile = {
    ...profile,
    touchpoints: { ...profile.touchpoints, [tp]: { ...cfg, source: { ...source, batchSize: 1 } } },
  };
  const it = readPushRecords(erp, one, tp);
  try {
    const next = await it.next();
    if (next.done) {
      return {
        ...base,
        problems: [
          {
            path: `touchpoints.${tp}.source`,
            message:
              'The query ran and returned no rows, so there is no record to preview and its columns are unknown. Check its WHERE clause, or add a record in the ERP.',
            severity: 'warning',
          },
        ],
      };
    }
    const rec = next.value;
    let lookedUp = false;
    const built = buildPayload(profile, tp, rec, {
      resolve: () => {
        lookedUp = true;
        return 1;
      },
    });
    const problems: Problem[] = built.problems.map((p) => ({
      path: `touchpoints.${tp}.fields`,
      message: `${p.field}: ${p.message}`,
      severity: 'error',
    }));
    if (lookedUp) {
      problems.push({
        path: `touchpoints.${tp}.fields`,
        message: 'Ids Infoplus looks up (such as vendorId) show as 1 here; a run looks them up.',
        severity: 'warning',
      });
    }
    return {
      ...base,
      problems,
      columns: Object.keys(rec.header),
      lineColumns: rec.lines[0] ? Object.keys(rec.lines[0]) : [],
      record: {
        recordKey: rec.key,
        erp: {
          ...plainRow(rec.header),
          ...(rec.lines.length > 0 ? { lines: rec.lines.map(plainRow) } : {}),
        },
        infoplus: built.payload,
        problems: built.problems.map((p) => `${p.field}: ${p.message}`),
      },
    };
  } catch (error) {
    return {
      ...base,
      problems: [
        {
          path: `touchpoints.${tp}.source`,
          message: `The query failed: ${(error as Error).message}`,
          severity: 'error',
        },
      ],
    };
  } finally {
    await it.return(undefined);
    await erp.close();
  }
}
