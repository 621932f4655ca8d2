/** The AppApi: every method the UI (IPC or HTTP) and the CLI call. */
import { join, resolve } from 'node:path';
import type { AppApi } from '../contract/api.js';
import type { ProfileDocument, SettingsUpdate } from '../contract/dto.js';
import { isPushTouchpoint, type PullTouchpoint, type TouchpointName } from '../contract/touchpoints.js';
import { sampleProfileText } from '../erp/sample/sample-profile.js';
import { inboxView } from './inbox-view.js';
import { parseProfile, ProfileError, type Profile } from '../profile/index.js';
import { SettingsError, validateSettings, writeFileAtomic } from '../settings/index.js';
import type { AppCore } from './app-core.js';
import { AppError } from './app-error.js';
import {
  erpPassword,
  effectiveErp,
  effectiveInfoplus,
  infoplusApiKey,
  profileBaseDir,
} from './connections.js';
import { checkInfoplusTenant, testErp, testInfoplus } from './connection-tests.js';
import {
  confinedProfilePath,
  defaultProfilePath,
  isConfinedProfile,
  MAX_PROFILE_BYTES,
} from './profile-location.js';
import {
  erpTarget,
  infoplusTarget,
  sameTarget,
  secretEnvName,
  secretsToDrop,
  secretTargets,
  type SecretTargets,
} from './secret-targets.js';
import { checkProfileText, previewProfileText } from './profile-check.js';
import { applySettingsUpdate, changesConnections } from './settings-view.js';
import { profileErpUrl, withoutUrlPassword } from './url-password.js';

function pullOnly(tp: TouchpointName): asserts tp is PullTouchpoint {
  if (isPushTouchpoint(tp)) {
    throw new AppError(
      'invalid-touchpoint',
      `${tp} is a push touchpoint; only pulls (shipments, item-receipts, inventory-adjustments) have a cursor.`,
    );
  }
}

/** Builds the API over the app core. */
export function createAppApi(core: AppCore): AppApi {
  const log = core.logging.logger('api');

  /** Drops (after a save) the stored secrets whose server changed; refuses moving an environment secret. */
  const staleSecrets = (
    before: SecretTargets,
    after: SecretTargets,
    incoming: SettingsUpdate['secrets'],
    profile: Profile | null,
  ) => secretsToDrop(before, after, incoming, (name) => secretEnvName(name, profile, core.env));

  const profileDoc = (): ProfileDocument => {
    const c = core.runtime.connections;
    if (c.profilePath && c.profileText !== null) {
      return { path: c.profilePath, text: c.profileText, problems: c.profileProblems };
    }
    // No profile yet: the sample for the chosen driver is the starting point (not saved until Save), pointing
    // where Settings (or the wizard's first steps) already point, so the two never contradict each other.
    const stored = core.stored();
    const driver = stored.erp?.driver ?? 'sqlserver';
    const erpUrl = stored.erp ? profileErpUrl(stored.erp) : undefined;
    const infoplusBaseUrl = stored.infoplus?.baseUrl;
    const lobId = stored.infoplus?.lobId;
    const warehouseId = stored.infoplus?.warehouseId;
    const text = sampleProfileText(driver, {
      ...(erpUrl ? { erpUrl } : {}),
      ...(infoplusBaseUrl ? { infoplusBaseUrl } : {}),
      ...(lobId !== undefined ? { lobId } : {}),
      ...(warehouseId !== undefined ? { warehouseId } : {}),
    });
    return { path: c.profilePath, text, problems: c.profileProblems };
  };

  return {
    getStatus: async () => core.status(),

    runNow: async ({ touchpoints }) => ({
      runIds: await core.runs.runNow(touchpoints ? { touchpoints } : {}),
    }),

    pause: async () => {
      core.scheduler.pause();
      log.info({}, 'schedules paused');
      core.statusChanged();
      return core.status();
    },

    resume: async () => {
      core.scheduler.resume();
      core.watchdog.rebase();
      log.info({}, 'schedules resumed');
      core.statusChanged();
      return core.status();
    },

    listRuns: async ({ touchpoint, status, limit, offset }) =>
      core.store.runs.list({
        ...(touchpoint ? { touchpoint } : {}),
        ...(status ? { status } : {}),
        limit: limit ?? 100,
        ...(offset ? { offset } : {}),
      }),

    getRunRecords: async ({ runId, limit }) => {
      if (!core.store.runs.get(runId))
        throw new AppError('not-found', `There is no run ${runId}.`, { runId });
      return core.store.runs.records(runId, limit ?? 1000);
    },

    listInbox: async ({ touchpoint, category, status }) =>
      inboxView(
        // Rows parked before a secret was known (or by an older version) are scrubbed on the way out too.
        core.store.inbox
          .list({
            ...(touchpoint ? { touchpoint } : {}),
            ...(category ? { category } : {}),
            ...(status ? { status } : {}),
          })
          .map((item) => ({
            ...item,
            message: core.logging.scrub(item.message),
            infoplusMessages: item.infoplusMessages.map((m) => core.logging.scrub(m)),
            hint: core.logging.scrub(item.hint),
          })),
        {
          itemsInInfoplus: (skus) => {
            const found = core.store.journal.getMany('items', skus);
            return new Set(skus.filter((s) => found.get(s)?.infoplusId));
          },
          itemsKnown: (skus) => {
            const found = core.store.journal.getMany('items', skus);
            return new Set(skus.filter((s) => found.has(s)));
          },
          itemsEverRan: () => core.store.runs.latest('items') !== null,
          nextRunAt: (tp) => core.scheduler.nextRunAt(tp),
          plan: (tp) => core.scheduler.plan(tp),
          quietHours: () => core.settings.get().quietHours,
        },
      ),

    retryInbox: async ({ ids }) => {
      const engine = core.runtime.connections.engine;
      const retried = engine ? engine.retryInbox(ids) : core.store.inbox.retry(ids);
      if (!engine) core.events.emit('inbox-changed', { open: core.store.inbox.openCount(), changed: [] });
      // Retry means "try again now": run the touchpoints concerned.
      const tps = [
        ...new Set(ids.map((id) => core.store.inbox.get(id)?.touchpoint).filter((t) => t !== undefined)),
      ];
      if (engine && tps.length > 0)
        await core.runs.runNow({ touchpoints: tps.filter((tp) => engine.isEnabled(tp)) });
      return { retried };
    },

    skipInbox: async ({ ids }) => {
      const engine = core.runtime.connections.engine;
      const skipped = engine ? engine.skipInbox(ids) : core.store.inbox.skip(ids);
      if (!engine) core.events.emit('inbox-changed', { open: core.store.inbox.openCount(), changed: [] });
      core.statusChanged();
      return { skipped };
    },

    getLogs: async ({ level, search, limit }) =>
      core.logging.getLogs({
        ...(level ? { level } : {}),
        ...(search ? { search } : {}),
        ...(limit ? { limit } : {}),
      }),

    exportLogs: async () => core.logging.exportLogs(),

    getSettings: async () => core.settingsView(),

    saveSettings: async (raw) => {
      let update: SettingsUpdate =
        typeof raw.profilePath === 'string'
          ? { ...raw, profilePath: await confinedProfilePath(core.dataDir, raw.profilePath) }
          : raw;
      // A password typed into the URL goes to the SecretStore (a password typed in its field wins).
      if (update.erp) {
        const split = withoutUrlPassword(update.erp);
        if (split.password !== null) {
          update = {
            ...update,
            erp: split.conn,
            secrets: { erpPassword: split.password, ...update.secrets },
          };
          log.info({}, 'the password in the ERP URL was moved to the secret store');
        }
      }
      const before = await core.settingsView();
      let next = applySettingsUpdate(core.stored(), update);
      // Real connections end the demo; so does "Leave demo" (the wizard starting over).
      const leavingDemo =
        core.demo !== null && (changesConnections(update, before) || update.setupPending === true);
      if (leavingDemo) next = { ...next, demo: false };
      try {
        validateSettings(next, 'Settings');
      } catch (error) {
        if (error instanceof SettingsError) {
          throw new AppError(
            'invalid-settings',
            error.message,
            error.field ? { field: error.field } : undefined,
          );
        }
        throw error;
      }
      const profile = core.runtime.connections.profile;
      const drop = staleSecrets(
        secretTargets(core.stored(), profile),
        secretTargets(next, profile),
        update.secrets,
        profile,
      );
      for (const name of ['erpPassword', 'infoplusApiKey'] as const) {
        const value = update.secrets?.[name];
        if (value === undefined) continue;
        core.logging.registerSecret(value);
        if (value === '') await core.secrets.delete(name);
        else await core.secrets.set(name, value);
      }
      await core.settings.save(next);
      for (const name of drop) await core.secrets.delete(name);
      if (drop.length > 0)
        log.warn({ cleared: drop }, 'connection target changed: the saved secret was cleared');
      if (leavingDemo) {
        await core.demo?.close();
        core.demo = null;
        log.info({}, 'demo mode ended: real connection settings were saved');
      }
      if (update.secrets?.infoplusApiKey) core.watchdog.authRestored();
      await core.reconnect();
      log.info({ changed: Object.keys(update).filter((k) => k !== 'secrets') }, 'settings saved');
      return core.settingsView();
    },

    testErpConnection: async ({ erp, password }) => {
      const c = core.runtime.connections;
      const saved = effectiveErp(core.demo ? { ...core.stored(), erp: null } : core.stored(), c.profile);
      const conn = erp ?? saved;
      const baseDir = profileBaseDir(c.profilePath, core.dataDir);
      if (password !== undefined || sameTarget(erpTarget(conn), erpTarget(saved))) {
        const pw = password ?? (await erpPassword(c.profile, core.secrets, core.env));
        core.logging.registerSecret(pw);
        return testErp(conn, pw, baseDir);
      }
      // Another server: the saved password stays home; without one typed here, try without a password.
      const result = await testErp(conn, null, baseDir);
      const hasSaved = (await erpPassword(c.profile, core.secrets, core.env).catch(() => null)) !== null;
      return result.ok || !hasSaved
        ? result
        : {
            ...result,
            message: `${result.message} (The saved password is only sent to the saved server; type it to test this connection.)`,
          };
    },

    testInfoplusConnection: async ({ infoplus, apiKey }) => {
      const c = core.runtime.connections;
      const stored = core.demo ? { ...core.stored(), infoplus: null } : core.stored();
      const saved = effectiveInfoplus(stored, c.profile);
      const conn = infoplus ?? saved;
      if (apiKey === undefined && conn && !sameTarget(infoplusTarget(conn), infoplusTarget(saved))) {
        const where = infoplusTarget(saved);
        return {
          ok: false,
          message:
            'Enter the API key to test this address: the saved key is only sent to ' +
            `${where ?? 'the saved Infoplus address'}.`,
        };
      }
      const key =
        apiKey ?? (core.demo ? core.demo.apiKey : await infoplusApiKey(c.profile, core.secrets, core.env));
      core.logging.registerSecret(key);
      const result = await testInfoplus(conn, key);
      if (result.ok && apiKey === undefined) core.watchdog.authRestored();
      return result;
    },

    checkInfoplus: async ({ infoplus, apiKey }) => {
      const c = core.runtime.connections;
      const stored = core.demo ? { ...core.stored(), infoplus: null } : core.stored();
      const conn = infoplus ?? effectiveInfoplus(stored, c.profile);
      const key =
        apiKey ?? (core.demo ? core.demo.apiKey : await infoplusApiKey(c.profile, core.secrets, core.env));
      core.logging.registerSecret(key);
      return checkInfoplusTenant(conn, key, core.dataDir, c.profile?.infoplus.lobId);
    },

    getProfile: async () => profileDoc(),

    checkProfileText: async ({ text }) => {
      if (Buffer.byteLength(text, 'utf8') > MAX_PROFILE_BYTES) {
        throw new AppError(
          'invalid-profile',
          `The profile is larger than ${MAX_PROFILE_BYTES / 1024} kB; a mapping profile is a few kB.`,
        );
      }
      return checkProfileText(core, text);
    },

    previewProfileText: async ({ text, touchpoint }) => {
      if (Buffer.byteLength(text, 'utf8') > MAX_PROFILE_BYTES) {
        throw new AppError(
          'invalid-profile',
          `The profile is larger than ${MAX_PROFILE_BYTES / 1024} kB; a mapping profile is a few kB.`,
        );
      }
      return previewProfileText(core, text, touchpoint);
    },

    saveProfile: async ({ text }) => {
      if (Buffer.byteLength(text, 'utf8') > MAX_PROFILE_BYTES) {
        throw new AppError(
          'invalid-profile',
          `The profile is larger than ${MAX_PROFILE_BYTES / 1024} kB; a mapping profile is a few kB. Not saved.`,
        );
      }
      const current = core.runtime.connections.profilePath;
      // The API writes only inside <dataDir>/profiles/, the demo's own profile, or the --config file.
      const fromCommandLine = core.opts.configFile !== undefined && current === resolve(core.opts.configFile);
      const appOwned = fromCommandLine || (core.demo !== null && current === core.demo.profilePath);
      const target =
        current && (appOwned || (await isConfinedProfile(core.dataDir, current)))
          ? current
          : await confinedProfilePath(core.dataDir, defaultProfilePath(core.dataDir));
      let parsed: Profile;
      try {
        parsed = parseProfile(text, target);
      } catch (error) {
        if (!(error instanceof ProfileError)) throw error;
        // Never lose the admin's work: keep the refused text as a draft beside the settings.
        const draft = join(core.dataDir, 'profile-draft.yaml');
        await writeFileAtomic(draft, text, 0o600);
        throw new AppError(
          'invalid-profile',
          `${error.message}\nNot saved; the profile in use is unchanged. Your text was kept in ${draft}.`,
          {
            problems: error.problems,
            draft,
          },
        );
      }
      const beforeProfile = core.runtime.connections.profile;
      const drop = core.demo
        ? []
        : staleSecrets(
            secretTargets(core.stored(), beforeProfile),
            secretTargets(core.stored(), parsed),
            undefined,
            parsed,
          );
      await writeFileAtomic(target, text, 0o600);
      if (!core.demo && core.stored().profilePath !== target)
        await core.settings.save({ ...core.stored(), profilePath: target });
      for (const name of drop) await core.secrets.delete(name);
      await core.reconnect();
      log.info({ path: target }, 'mapping profile saved');
      return profileDoc();
    },

    previewMapping: async ({ touchpoint, limit }) =>
      core.runs.requireEngine().previewMapping(touchpoint, limit ?? 10),

    dryRun: async ({ touchpoints }) => {
      const engine = core.runs.requireEngine();
      return engine.dryRun(
        touchpoints && touchpoints.length > 0 ? core.runs.select(engine, touchpoints) : undefined,
      );
    },

    reconcile: async ({ touchpoints, repair }) =>
      core.runs.requireEngine().reconcile({
        ...(touchpoints && touchpoints.length > 0 ? { touchpoints } : {}),
        repair,
      }),

    listVendorNumbers: async () => core.store.vendorNumbers.list(),

    useDemo: async () => {
      if (!core.demo) {
        core.demo = await core.startDemoEnv();
        await core.settings.save({ ...core.stored(), demo: true, setupPending: false });
        await core.reconnect();
        log.info({ simulator: core.demo.simulator.baseUrl }, 'demo set up: sample ERP + Infoplus simulator');
      }
      return core.status();
    },

    resetCursor: async ({ touchpoint, since, rewrite }) => {
      pullOnly(touchpoint);
      const at = new Date(since);
      if (at.getTime() > Date.now())
        throw new AppError('invalid-date', 'Choose a date in the past to re-pull from.');
      if (core.runs.running.has(touchpoint)) {
        throw new AppError(
          'already-running',
          `${touchpoint} is running; wait for it to finish before moving its cursor.`,
        );
      }
      const engine = core.runs.requireEngine();
      await engine.resetCursor(touchpoint, at, rewrite ? { rewrite: true } : {});
      log.warn({ touchpoint, since: at.toISOString() }, 're-pull requested: cursor moved back');
      core.statusChanged();
      return core.status();
    },
  };
}
