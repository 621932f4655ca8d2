/** The AppApi: every method the UI (IPC or HTTP) and the CLI call. */
import { join } from 'node:path';
import type { AppApi } from '../contract/api.js';
import type { ProfileDocument } from '../contract/dto.js';
import { isPushTouchpoint, type PullTouchpoint, type TouchpointName } from '../contract/touchpoints.js';
import { sampleProfileText } from '../erp/sample/sample-profile.js';
import { inboxView } from './inbox-view.js';
import { parseProfile, ProfileError } from '../profile/index.js';
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
import { testErp, testInfoplus } from './connection-tests.js';
import { applySettingsUpdate, changesConnections } from './settings-view.js';

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

  const profileDoc = (): ProfileDocument => {
    const c = core.runtime.connections;
    if (c.profilePath && c.profileText !== null) {
      return { path: c.profilePath, text: c.profileText, problems: c.profileProblems };
    }
    // No profile yet: the sample for the chosen driver is the starting point (not saved until Save).
    const driver = core.stored().erp?.driver ?? 'sqlserver';
    return { path: c.profilePath, text: sampleProfileText(driver), problems: c.profileProblems };
  };

  return {
    getStatus: async () => core.status(),

    runNow: async ({ touchpoints, dryRun }) => ({
      runIds: await core.runs.runNow({
        ...(touchpoints ? { touchpoints } : {}),
        ...(dryRun ? { dryRun } : {}),
      }),
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
        core.store.inbox.list({
          ...(touchpoint ? { touchpoint } : {}),
          ...(category ? { category } : {}),
          ...(status ? { status } : {}),
        }),
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

    saveSettings: async (update) => {
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
      for (const name of ['erpPassword', 'infoplusApiKey'] as const) {
        const value = update.secrets?.[name];
        if (value === undefined) continue;
        core.logging.registerSecret(value);
        if (value === '') await core.secrets.delete(name);
        else await core.secrets.set(name, value);
      }
      await core.settings.save(next);
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
      const conn =
        erp ??
        (core.demo
          ? effectiveErp({ ...core.stored(), erp: null }, c.profile)
          : effectiveErp(core.stored(), c.profile));
      const pw = password ?? (await erpPassword(c.profile, core.secrets, core.env));
      core.logging.registerSecret(pw);
      return testErp(conn, pw, profileBaseDir(c.profilePath, core.dataDir));
    },

    testInfoplusConnection: async ({ infoplus, apiKey }) => {
      const c = core.runtime.connections;
      const stored = core.demo ? { ...core.stored(), infoplus: null } : core.stored();
      const conn = infoplus ?? effectiveInfoplus(stored, c.profile);
      const key =
        apiKey ?? (core.demo ? core.demo.apiKey : await infoplusApiKey(c.profile, core.secrets, core.env));
      core.logging.registerSecret(key);
      const result = await testInfoplus(conn, key);
      if (result.ok && apiKey === undefined) core.watchdog.authRestored();
      return result;
    },

    getProfile: async () => profileDoc(),

    saveProfile: async ({ text }) => {
      const current = core.runtime.connections.profilePath;
      const target = current ?? join(core.dataDir, 'profile.yaml');
      try {
        parseProfile(text, target);
      } catch (error) {
        if (!(error instanceof ProfileError)) throw error;
        // Never lose the admin's work: keep the refused text as a draft beside the settings.
        const draft = join(core.dataDir, 'profile-draft.yaml');
        await writeFileAtomic(draft, text);
        throw new AppError(
          'invalid-profile',
          `${error.message}\nNot saved; the profile in use is unchanged. Your text was kept in ${draft}.`,
          {
            problems: error.problems,
            draft,
          },
        );
      }
      await writeFileAtomic(target, text);
      if (!core.demo && core.stored().profilePath !== target)
        await core.settings.save({ ...core.stored(), profilePath: target });
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
        ...(repair ? { repair } : {}),
      }),

    useDemo: async () => {
      if (!core.demo) {
        core.demo = await core.startDemoEnv();
        await core.settings.save({ ...core.stored(), demo: true, setupPending: false });
        await core.reconnect();
        log.info({ simulator: core.demo.simulator.baseUrl }, 'demo set up: sample ERP + Infoplus simulator');
      }
      return core.status();
    },

    resetCursor: async ({ touchpoint, since }) => {
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
      await engine.resetCursor(touchpoint, at);
      log.warn({ touchpoint, since: at.toISOString() }, 're-pull requested: cursor moved back');
      core.statusChanged();
      return core.status();
    },
  };
}
