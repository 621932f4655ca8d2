/** The settings document as stored (version 2): one zod schema for both back ends. Secrets are never part of it. */
import { z } from 'zod';
import {
  erpConnectionSchema,
  infoplusConnectionSchema as contractInfoplus,
  quietHoursSchema,
  scheduleArgsSchema,
  touchpointSchema,
} from '../contract/settings-schemas.js';
import { cronProblem } from '../contract/cron.js';

/** The settings version this build writes. */
export const SETTINGS_VERSION = 2;

/** A stored schedule: the API's shape, at most a week between runs, and a cron the scheduler can use. */
export const scheduleSchema = scheduleArgsSchema
  .extend({ intervalMinutes: z.number().int().positive().max(10_080).optional() })
  .superRefine((s, ctx) => {
    if (s.cron === undefined || s.cron.trim() === '') return;
    const problem = cronProblem(s.cron);
    if (problem) ctx.addIssue({ code: 'custom', path: ['cron'], message: problem });
  });

/** The stored Infoplus connection: the API's shape with defaults for what older documents lack. */
export const infoplusConnectionSchema = contractInfoplus.extend({
  apiVersion: contractInfoplus.shape.apiVersion.default('v3.0'),
  requestsPerSecond: contractInfoplus.shape.requestsPerSecond.default(5),
});

/** The whole stored settings document, with the defaults of a fresh install. */
export const storedSettingsSchema = z.object({
  version: z.literal(SETTINGS_VERSION),
  erp: erpConnectionSchema.nullable().default(null),
  infoplus: infoplusConnectionSchema.nullable().default(null),
  /** Only schedules the admin set; the profile's schedules apply to the rest. */
  schedules: z.partialRecord(touchpointSchema, scheduleSchema).default({}),
  quietHours: quietHoursSchema.nullable().default(null),
  profilePath: z.string().nullable().default(null),
  allowPlaintextSecrets: z.boolean().default(false),
  /** The demo set-up (sample SQLite ERP + in-process simulator) is in use. */
  demo: z.boolean().default(false),
  /**
   * The first-run wizard has saved some steps but not finished: no schedule runs and the wizard shows again
   * until "Save and finish". Absent in documents written before the wizard set it, i.e. not pending.
   */
  setupPending: z.boolean().default(false),
});

/** Settings as stored on disk (no secrets, no derived flags). */
export type StoredSettings = z.output<typeof storedSettingsSchema>;

/** The settings of a fresh install. */
export function defaultSettings(): StoredSettings {
  return storedSettingsSchema.parse({ version: SETTINGS_VERSION });
}
