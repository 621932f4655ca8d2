/** The settings document as stored (version 2): one zod schema for both back ends. Secrets are never part of it. */
import { z } from 'zod';
import { TOUCHPOINTS } from '../contract/touchpoints.js';
import { cronProblem } from '../domain/cron.js';

/** The settings version this build writes. */
export const SETTINGS_VERSION = 2;

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'use HH:MM on a 24-hour clock, e.g. 22:00');

export const scheduleSchema = z
  .object({
    enabled: z.boolean(),
    cron: z.string().optional(),
    intervalMinutes: z.number().int().positive().max(10_080).optional(),
  })
  .superRefine((s, ctx) => {
    if (s.cron === undefined || s.cron.trim() === '') return;
    const problem = cronProblem(s.cron);
    if (problem) ctx.addIssue({ code: 'custom', path: ['cron'], message: problem });
  });

export const erpConnectionSchema = z.object({
  driver: z.enum(['sqlserver', 'postgres', 'mysql', 'sqlite']),
  url: z.string().optional(),
  server: z.string().optional(),
  instance: z.string().optional(),
  port: z.number().int().min(1).max(65535).optional(),
  database: z.string().optional(),
  user: z.string().optional(),
  authType: z.enum(['sql', 'ntlm']).optional(),
  domain: z.string().optional(),
  encrypt: z.boolean().optional(),
  trustServerCertificate: z.boolean().optional(),
});

export const infoplusConnectionSchema = z.object({
  domain: z.string().optional(),
  baseUrl: z.string().optional(),
  apiVersion: z.enum(['v3.0', 'beta']).default('v3.0'),
  lobId: z.number().int().optional(),
  warehouseId: z.number().int().optional(),
  requestsPerSecond: z.number().positive().max(100).default(5),
});

const touchpoint = z.enum(TOUCHPOINTS);

export const storedSettingsSchema = z.object({
  version: z.literal(SETTINGS_VERSION),
  erp: erpConnectionSchema.nullable().default(null),
  infoplus: infoplusConnectionSchema.nullable().default(null),
  /** Only schedules the admin set; the profile's schedules apply to the rest. */
  schedules: z.partialRecord(touchpoint, scheduleSchema).default({}),
  quietHours: z.object({ start: hhmm, end: hhmm }).nullable().default(null),
  profilePath: z.string().nullable().default(null),
  allowPlaintextSecrets: z.boolean().default(false),
  /** The demo set-up (sample SQLite ERP + in-process simulator) is in use. */
  demo: z.boolean().default(false),
});

/** Settings as stored on disk (no secrets, no derived flags). */
export type StoredSettings = z.output<typeof storedSettingsSchema>;

/** The settings of a fresh install. */
export function defaultSettings(): StoredSettings {
  return storedSettingsSchema.parse({ version: SETTINGS_VERSION });
}
