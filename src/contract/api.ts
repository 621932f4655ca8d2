import { z } from 'zod';
import { PUSH_TOUCHPOINTS } from './touchpoints.js';
import {
  erpConnectionSchema,
  infoplusConnectionSchema,
  quietHoursSchema,
  scheduleArgsSchema,
  touchpointSchema as touchpoint,
} from './settings-schemas.js';
import type {
  AppStatus,
  ConnectionTestResult,
  InfoplusCheckResult,
  DryRunReport,
  InboxItem,
  LogEntry,
  MappingPreview,
  ProfileCheckResult,
  ProfileDocument,
  ProfileTextPreview,
  ReconcileReport,
  RunRecord,
  RunSummary,
  Settings,
  VendorNumberEntry,
} from './dto.js';

/** Argument schemas of every API method: the allowlist that IPC and HTTP both enforce. */
export const API_ARGS = {
  getStatus: z.object({}),
  // strict: a caller still sending the old `dryRun: true` is refused, never run for real (dry runs: `dryRun`)
  runNow: z.strictObject({ touchpoints: z.array(touchpoint).optional() }),
  pause: z.object({}),
  resume: z.object({}),
  listRuns: z.object({
    touchpoint: touchpoint.optional(),
    status: z.enum(['running', 'succeeded', 'partial', 'failed', 'cancelled']).optional(),
    limit: z.number().int().positive().max(1000).optional(),
    offset: z.number().int().min(0).optional(),
  }),
  getRunRecords: z.object({
    runId: z.string().min(1),
    limit: z.number().int().positive().max(10000).optional(),
  }),
  listInbox: z.object({
    touchpoint: touchpoint.optional(),
    category: z
      .enum([
        'erp-data',
        'mapping',
        'infoplus-validation',
        'connection',
        'rate-limit',
        'auth',
        'internal',
        'reconciliation',
        'settling',
        'key-collision',
      ])
      .optional(),
    status: z.enum(['open', 'retrying', 'skipped', 'resolved']).optional(),
  }),
  retryInbox: z.object({ ids: z.array(z.string().min(1)).min(1) }),
  skipInbox: z.object({ ids: z.array(z.string().min(1)).min(1) }),
  getLogs: z.object({
    level: z.enum(['debug', 'info', 'warn', 'error']).optional(),
    search: z.string().optional(),
    limit: z.number().int().positive().max(10000).optional(),
  }),
  exportLogs: z.object({}),
  getSettings: z.object({}),
  saveSettings: z.object({
    erp: erpConnectionSchema.nullable().optional(),
    infoplus: infoplusConnectionSchema.nullable().optional(),
    schedules: z.partialRecord(touchpoint, scheduleArgsSchema).optional(),
    quietHours: quietHoursSchema.nullable().optional(),
    profilePath: z.string().nullable().optional(),
    secrets: z
      .object({ erpPassword: z.string().optional(), infoplusApiKey: z.string().optional() })
      .optional(),
    setupPending: z.boolean().optional(),
  }),
  testErpConnection: z.object({ erp: erpConnectionSchema.optional(), password: z.string().optional() }),
  testInfoplusConnection: z.object({
    infoplus: infoplusConnectionSchema.optional(),
    apiKey: z.string().optional(),
  }),
  checkInfoplus: z.object({
    infoplus: infoplusConnectionSchema.optional(),
    apiKey: z.string().optional(),
  }),
  getProfile: z.object({}),
  /** Checks unsaved profile text (document, then the ERP queries; no Infoplus call, nothing written). */
  checkProfileText: z.object({ text: z.string() }),
  saveProfile: z.object({ text: z.string() }),
  previewMapping: z.object({ touchpoint, limit: z.number().int().positive().max(100).optional() }),
  dryRun: z.object({ touchpoints: z.array(touchpoint).optional() }),
  useDemo: z.object({}),
  resetCursor: z.object({
    touchpoint,
    since: z.string().datetime({ offset: true }),
    /** Write every record read again, even one already written in this version (a replay). */
    rewrite: z.boolean().optional(),
  }),
  reconcile: z.object({
    touchpoints: z.array(z.enum(PUSH_TOUCHPOINTS)).optional(),
    repair: z.boolean().optional(),
  }),
  /** Maps one record of a push touchpoint by unsaved profile text (the wizard's live preview); saves nothing. */
  previewProfileText: z.object({ text: z.string(), touchpoint: z.enum(PUSH_TOUCHPOINTS) }),
  listVendorNumbers: z.object({}),
} as const;

export type ApiMethod = keyof typeof API_ARGS;
export type ApiArgs<M extends ApiMethod> = z.input<(typeof API_ARGS)[M]>;

/** What each method answers. */
export interface ApiResults {
  getStatus: AppStatus;
  runNow: { readonly runIds: readonly string[] };
  pause: AppStatus;
  resume: AppStatus;
  listRuns: readonly RunSummary[];
  getRunRecords: readonly RunRecord[];
  listInbox: readonly InboxItem[];
  retryInbox: { readonly retried: number };
  skipInbox: { readonly skipped: number };
  getLogs: readonly LogEntry[];
  exportLogs: { readonly fileName: string; readonly jsonl: string };
  getSettings: Settings;
  saveSettings: Settings;
  testErpConnection: ConnectionTestResult;
  testInfoplusConnection: ConnectionTestResult;
  checkInfoplus: InfoplusCheckResult;
  getProfile: ProfileDocument;
  checkProfileText: ProfileCheckResult;
  saveProfile: ProfileDocument;
  previewMapping: MappingPreview;
  dryRun: DryRunReport;
  useDemo: AppStatus;
  resetCursor: AppStatus;
  reconcile: ReconcileReport;
  previewProfileText: ProfileTextPreview;
  /** The vendor numbers given to non-integer ERP vendor codes, in number order (read-only). */
  listVendorNumbers: readonly VendorNumberEntry[];
}

/** The one typed API between UI and engine. The preload bridge and the HTTP client both implement it. */
export type AppApi = {
  [M in ApiMethod]: (args: ApiArgs<M>) => Promise<ApiResults[M]>;
};

/** Every method name, for allowlists and the bridge-surface test. */
export const API_METHODS = Object.keys(API_ARGS) as ApiMethod[];
