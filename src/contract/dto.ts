import type { TouchpointName } from './touchpoints.js';

/** Counts of what happened to records in a run. */
export interface RunCounts {
  readonly created: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly skipped: number;
  readonly failed: number;
  /** Pull touchpoints: records read from Infoplus and written back into the ERP. */
  readonly pulled: number;
}

export type RunStatus = 'running' | 'succeeded' | 'partial' | 'failed' | 'cancelled';
export type RunTrigger = 'schedule' | 'manual' | 'retry' | 'startup';

/** One run of one touchpoint. */
export interface RunSummary {
  readonly id: string;
  readonly touchpoint: TouchpointName;
  readonly trigger: RunTrigger;
  readonly dryRun: boolean;
  readonly status: RunStatus;
  readonly startedAt: string;
  readonly finishedAt: string | null;
  readonly counts: RunCounts;
  /** Why the whole run failed (not per-record failures, which are in the records and the inbox). */
  readonly error?: string;
  /** What kind of failure stopped the run (`auth`: Infoplus refused the API key); absent when none did. */
  readonly stoppedBy?: ErrorCategory;
}

export type RecordAction =
  'created' | 'updated' | 'unchanged' | 'skipped' | 'failed' | 'written' | 'reconciled';

/** What a run did to one record (drill-down from the history). */
export interface RunRecord {
  readonly runId: string;
  readonly touchpoint: TouchpointName;
  /** ERP key for pushes (order id, PO number, SKU, vendor number); Infoplus id for pulls. */
  readonly recordKey: string;
  readonly action: RecordAction;
  readonly infoplusId?: string;
  readonly message?: string;
  readonly at: string;
}

export type TouchpointState = 'idle' | 'running' | 'paused' | 'error' | 'disabled';

/** How a state reads: a tone (colour and icon) and the words, the same in header, cards, tray and reconcile. */
export type Tone = 'ok' | 'warning' | 'error' | 'running' | 'paused' | 'off';
export interface Verdict {
  readonly tone: Tone;
  readonly text: string;
}

export type BlockerKind =
  'not-set-up' | 'profile' | 'erp-unreachable' | 'erp-refused' | 'infoplus-not-set-up' | 'infoplus-key';

/** What keeps every touchpoint that needs it from syncing (each of them shows it as its own failure). */
export interface StatusBlocker {
  readonly kind: BlockerKind;
  /** A few words for cards and the header, e.g. `Can't reach the database`. */
  readonly short: string;
  /** The full sentence for the banner, e.g. `Can't reach the database at 127.0.0.1:5999 - is it running?`. */
  readonly message: string;
  /** The screen that fixes it. */
  readonly fixIn: 'settings' | 'mappings';
}

/** The dashboard card of one touchpoint. */
export interface TouchpointStatus {
  readonly name: TouchpointName;
  readonly enabled: boolean;
  readonly state: TouchpointState;
  /** Cron expression or `every N minutes`; null when only run by hand. */
  readonly schedule: string | null;
  readonly lastRun: RunSummary | null;
  readonly nextRunAt: string | null;
  /** The last few runs, newest first, for the at-a-glance strip. */
  readonly recentRuns: readonly RunSummary[];
  /** Open error-inbox items of this touchpoint. */
  readonly openErrors: number;
  /** Pull touchpoints: the cursor position (modifyDate + id) as text, for "re-pull since...". */
  readonly cursor?: string | null;
  /** Pull touchpoints: the cursor's time (ISO), for "up to 5 Dec 23:33". */
  readonly cursorAt?: string | null;
  /** The card's state in words (a connection or key failure is this card's failure too). */
  readonly verdict: Verdict;
}

export type AlertKind =
  'missed-run' | 'repeated-failure' | 'auth-failed' | 'connection-lost' | 'future-watermark';

/** Something a person must look at: a late or failing schedule, a rejected login. */
export interface Alert {
  readonly id: string;
  readonly kind: AlertKind;
  readonly touchpoint?: TouchpointName;
  readonly message: string;
  readonly raisedAt: string;
}

export type Health = 'ok' | 'warning' | 'error';

/** The request rate to Infoplus: found by the agent itself, never above the ceiling. */
export interface InfoplusRateStatus {
  /** 'adaptive' (found by itself) or 'fixed'. */
  readonly mode: 'adaptive' | 'fixed';
  /** Requests per second in use (live), or where the last run left it. */
  readonly requestsPerSecond: number;
  /** Never above this (the profile's or the settings' requestsPerSecond). */
  readonly ceiling: number;
  /** The limit Infoplus was seen to enforce with 429 answers; null when it never refused. */
  readonly knownLimit: number | null;
  /** Smoothed answer time in ms; null when not measured in this process. */
  readonly latencyMs: number | null;
  /** Requests kept in flight (rate x latency); 0 when not measured in this process. */
  readonly inFlight: number;
  /** True when measured by the running agent; false when read from what the last run learned. */
  readonly live: boolean;
}

/** Overall state for the tray and the dashboard. */
export interface AppStatus {
  readonly health: Health;
  readonly paused: boolean;
  readonly running: boolean;
  readonly configured: boolean;
  readonly demo: boolean;
  readonly touchpoints: readonly TouchpointStatus[];
  readonly alerts: readonly Alert[];
  readonly openErrors: number;
  /** What waits in the error inbox, counted by category, by status and per touchpoint (resolved items left out). */
  readonly inbox?: InboxCounts;
  readonly lastResult: string | null;
  readonly version: string;
  /** The request rate to Infoplus; null before anything was sent or learned. */
  readonly rate?: InfoplusRateStatus | null;
  /** The one overall state in words: header, dashboard summary and tray show this text. */
  readonly verdict: Verdict;
  /** What stops syncing now (unreachable ERP, refused key, broken profile), or null. */
  readonly blocker: StatusBlocker | null;
  /** The first-run setup was finished once (a mapping profile is chosen, or demo): never show the wizard again. */
  readonly setUp: boolean;
}

/** Unresolved error-inbox items counted three ways (`status --json`, dashboards). */
export interface InboxCounts {
  readonly total: number;
  readonly byCategory: Readonly<Partial<Record<ErrorCategory, number>>>;
  readonly byStatus: Readonly<Partial<Record<Exclude<InboxStatus, 'resolved'>, number>>>;
  readonly byTouchpoint: Readonly<
    Partial<Record<TouchpointName, Readonly<Partial<Record<ErrorCategory, number>>>>>
  >;
}

export type ErrorCategory =
  | 'erp-data'
  | 'mapping'
  | 'infoplus-validation'
  | 'connection'
  | 'rate-limit'
  | 'auth'
  | 'internal'
  /** Not an error: reconciliation found the record missing in Infoplus and queued it. */
  | 'reconciliation'
  /** Not failed, not succeeded: "Checking whether Infoplus received it" (a write whose answer never came). */
  | 'settling'
  /** Two ERP records map to one Infoplus key (or the key is empty/invalid): parked before anything is sent. */
  | 'key-collision';
export type FixBy = 'erp-user' | 'admin' | 'infoplus-user';
export type InboxStatus = 'open' | 'retrying' | 'skipped' | 'resolved';

/** One parked record in the error inbox. */
export interface InboxItem {
  readonly id: string;
  readonly touchpoint: TouchpointName;
  readonly recordKey: string;
  readonly category: ErrorCategory;
  readonly message: string;
  /** Infoplus's own messages, per field where it gave them. */
  readonly infoplusMessages: readonly string[];
  readonly fixBy: FixBy;
  /** How to fix it, in plain words. */
  readonly hint: string;
  readonly payload?: unknown;
  readonly attempts: number;
  readonly status: InboxStatus;
  readonly firstSeenAt: string;
  readonly lastSeenAt: string;
  readonly nextRetryAt?: string | null;
  /** When a run will really send it again: the first scheduled run at or after nextRetryAt (null: by hand). */
  readonly retryRunAt?: string | null;
  /** Why it failed, found by looking records up (never from wording): the inbox groups by this. */
  readonly cause?: InboxCause;
}

/** The real cause of a parked record, shared by every record it holds back. */
export type InboxCause =
  /** It names items (SKUs) the ERP has but this app has not put in Infoplus yet. */
  | { readonly kind: 'missing-items'; readonly skus: readonly string[] }
  /** It names SKUs that are not among the ERP's items at all (after items were read): the order is wrong. */
  | { readonly kind: 'unknown-items'; readonly skus: readonly string[] }
  /** Infoplus refused the API key. */
  | { readonly kind: 'auth' }
  /** Infoplus or the network did not answer, or asked to slow down: time cures it. */
  | { readonly kind: 'transient' }
  /** Anything else: grouped by touchpoint, category and hint. */
  | { readonly kind: 'other' };

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** One structured log line (already redacted). */
export interface LogEntry {
  readonly time: string;
  readonly level: LogLevel;
  readonly module: string;
  readonly msg: string;
  readonly context?: Readonly<Record<string, unknown>>;
}

export type ErpDriverName = 'sqlserver' | 'postgres' | 'mysql' | 'sqlite';

/** ERP connection as shown in settings: every field but the password. */
export interface ErpConnectionSettings {
  readonly driver: ErpDriverName;
  /** postgres / mysql URL without password, or the SQLite file path. */
  readonly url?: string;
  readonly server?: string;
  readonly instance?: string;
  readonly port?: number;
  readonly database?: string;
  readonly user?: string;
  readonly authType?: 'sql' | 'ntlm';
  readonly domain?: string;
  readonly encrypt?: boolean;
  readonly trustServerCertificate?: boolean;
  readonly hasPassword: boolean;
}

export type ApiVersion = 'v3.0' | 'beta';

/** Infoplus connection as shown in settings; the key itself never leaves the engine. */
export interface InfoplusSettings {
  readonly domain?: string;
  readonly baseUrl?: string;
  readonly apiVersion: ApiVersion;
  readonly lobId?: number;
  readonly warehouseId?: number;
  readonly requestsPerSecond: number;
  readonly hasApiKey: boolean;
}

/** When a touchpoint runs by itself. */
export interface ScheduleSettings {
  readonly enabled: boolean;
  /** A 5-field cron expression; wins over intervalMinutes. */
  readonly cron?: string;
  readonly intervalMinutes?: number;
  /** Near-real-time: check for changes every N seconds, run only when something changed (profile only). */
  readonly continuousSeconds?: number;
}

/** Hours (local time, HH:MM) during which scheduled runs wait, so people working in the ERP are not disturbed. */
export interface QuietHours {
  readonly start: string;
  readonly end: string;
}

/** Everything an admin can change, minus secrets. */
export interface Settings {
  readonly version: number;
  readonly erp: ErpConnectionSettings | null;
  readonly infoplus: InfoplusSettings | null;
  readonly schedules: Readonly<Record<TouchpointName, ScheduleSettings>>;
  readonly quietHours: QuietHours | null;
  readonly profilePath: string | null;
  readonly allowPlaintextSecrets: boolean;
}

/** A settings change. Secrets are write-only: sent here, never read back. */
export interface SettingsUpdate {
  readonly erp?: Omit<ErpConnectionSettings, 'hasPassword'> | null;
  readonly infoplus?: Omit<InfoplusSettings, 'hasApiKey'> | null;
  readonly schedules?: Partial<Record<TouchpointName, ScheduleSettings>>;
  readonly quietHours?: QuietHours | null;
  readonly profilePath?: string | null;
  readonly secrets?: { readonly erpPassword?: string; readonly infoplusApiKey?: string };
  /** The wizard: true while its steps are being saved (schedules wait), false at "Save and finish". */
  readonly setupPending?: boolean;
}

export interface NamedId {
  readonly id: number;
  readonly name: string;
}

/** Outcome of a Test connection button. */
export interface ConnectionTestResult {
  readonly ok: boolean;
  readonly message: string;
  readonly linesOfBusiness?: readonly NamedId[];
  readonly warehouses?: readonly NamedId[];
  /** ERP: server version, database name. */
  readonly serverInfo?: string;
}

/** One observation of the read-only Infoplus probe (`Check Infoplus`, `probe-infoplus`). */
export interface InfoplusProbeFinding {
  readonly key: string;
  readonly question: string;
  readonly answer: string;
  /** The simulator variant it corresponds to (e.g. `gte` for filterOps), or null when it could not tell. */
  readonly variant: string | null;
}

/** What `Check Infoplus` found: the probe's findings and report, and the tenant's lists for item ids. */
export interface InfoplusCheckResult {
  readonly ok: boolean;
  /** One line for people: what was found, or what went wrong. */
  readonly message: string;
  readonly findings: readonly InfoplusProbeFinding[];
  /** The text report (also saved in the data folder) a user can send to support. */
  readonly report: string;
  /** Where the report was saved, or null when the probe did not run. */
  readonly reportFile: string | null;
  /** The tenant's ids an item mapping can use (majorGroupId, subGroupId, receivingCriteriaSchemeId). */
  readonly itemCategories: readonly NamedId[];
  readonly itemSubCategories: readonly NamedId[];
  readonly receivingCriteriaSchemes: readonly NamedId[];
}

/** One ERP record beside the Infoplus JSON it becomes. */
export interface MappingPreviewRow {
  readonly recordKey: string;
  readonly erp: Readonly<Record<string, unknown>>;
  readonly infoplus: unknown;
  readonly problems: readonly string[];
}

export interface MappingPreview {
  readonly touchpoint: TouchpointName;
  readonly rows: readonly MappingPreviewRow[];
}

export interface DryRunProblem {
  readonly recordKey: string;
  readonly field?: string;
  readonly message: string;
}

/** What the run would do with one ERP record. */
export type DryRunVerdict = 'create' | 'update' | 'unchanged' | 'refused';

/** One push record's verdict; an update names the Infoplus fields that would change, a refusal says why. */
export interface DryRunRecord {
  readonly recordKey: string;
  readonly verdict: DryRunVerdict;
  readonly changedFields?: readonly string[];
  readonly reason?: string;
}

/** What a dry run found, per touchpoint, without writing anything. */
export interface DryRunTouchpointReport {
  readonly touchpoint: TouchpointName;
  readonly records: number;
  readonly wouldCreate: number;
  readonly wouldUpdate: number;
  readonly unchanged: number;
  readonly problems: readonly DryRunProblem[];
  /** Push touchpoints: each record read (at most the first 5000) with its verdict. */
  readonly recordVerdicts?: readonly DryRunRecord[];
}

export interface DryRunReport {
  readonly touchpoints: readonly DryRunTouchpointReport[];
}

/** What reconciliation found for one record. */
export type ReconcileFindingKind =
  /** In the ERP, never pushed (or its push is not recorded), and not in Infoplus. */
  | 'missing'
  /** Pushed once, but Infoplus no longer has a record with its key (deleted there?). */
  | 'gone-from-infoplus'
  /** In Infoplus more than once under the same key. */
  | 'duplicated'
  /** In Infoplus, but this app has no record of pushing it (another tool, a lost data folder). */
  | 'untracked'
  /** This app links the record to an Infoplus id that no longer carries its key. */
  | 'stale-link'
  /** Several ERP records become one Infoplus key (after trimming, case, truncation): none is sent or linked. */
  | 'key-collision'
  /** The ERP record's Infoplus key is empty: it could never be found again, so it is not sent. */
  | 'invalid-key'
  /** Cancelled in the ERP (profile cancelWhen), still open (not cancelled) in Infoplus. */
  | 'cancelled-open';

export interface ReconcileFinding {
  readonly kind: ReconcileFindingKind;
  readonly recordKey: string;
  /** Infoplus ids carrying the record's key (orderNo for orders, id elsewhere). */
  readonly infoplusIds: readonly string[];
  /** What is wrong and what to do, in plain words. */
  readonly message: string;
  /** What the repair did (only with repair). */
  readonly repaired?: string;
}

/** ERP vs Infoplus for one push touchpoint. */
export interface ReconcileTouchpointReport {
  readonly touchpoint: TouchpointName;
  readonly erpRecords: number;
  readonly infoplusRecords: number;
  /** ERP records found exactly once in Infoplus, where this app expects them. */
  readonly agreeing: number;
  /** ERP records that wait in the error inbox, not in Infoplus or their newest change refused (listed there). */
  readonly inErrorInbox: number;
  /** ERP records whose create Infoplus has not confirmed yet (being checked; never re-sent by a repair). */
  readonly settling?: number;
  /** Infoplus records whose key is not among the ERP records the profile selects (a few listed). */
  readonly onlyInInfoplus: number;
  readonly onlyInInfoplusSample: readonly string[];
  readonly counts: Readonly<Record<ReconcileFindingKind, number>>;
  /** The first findings (at most 500). */
  readonly findings: readonly ReconcileFinding[];
  readonly error?: string;
}

export interface ReconcileReport {
  readonly at: string;
  readonly repair: boolean;
  readonly touchpoints: readonly ReconcileTouchpointReport[];
}

/** What checkProfileText found in unsaved profile text: errors mean a run would fail; warnings do not. */
export interface ProfileCheckResult {
  readonly ok: boolean;
  readonly problems: readonly {
    readonly path: string;
    readonly message: string;
    readonly severity: 'error' | 'warning';
  }[];
  /** What was verified (queries that ran, records mapped). */
  readonly notes: readonly string[];
}

/** The mapping profile as the editor sees it: the document and where it stands. */
export interface ProfileDocument {
  readonly path: string | null;
  /** The profile as YAML text (what the admin edits). */
  readonly text: string;
  readonly problems: readonly { readonly path: string; readonly message: string }[];
}

/** One Infoplus field the mapping editor offers, from the generated model table. */
export interface MappingFieldInfo {
  readonly name: string;
  /** The model's type name ("string", "integer", "number", "date-time", ...). */
  readonly type: string;
  /** A create needs it (an `a|b` choice marks both; `orAlso` names the other). */
  readonly required: boolean;
  /** Fields that satisfy the requirement instead of this one (customerNo or billToCompany). */
  readonly orAlso: readonly string[];
  /** Filled from the profile's infoplus section (lobId, warehouseId) when the profile does not map it. */
  readonly fromDefaults: boolean;
}

/**
 * previewProfileText: one record of a push touchpoint mapped by UNSAVED profile text (nothing is saved, nothing
 * is sent). `problems` say what to fix (profile path + message); `columns` are the header query's result
 * columns (empty when it returned no row), for the editor's column pickers.
 */
export interface ProfileTextPreview {
  readonly touchpoint: TouchpointName;
  readonly problems: readonly {
    readonly path: string;
    readonly message: string;
    readonly severity: 'error' | 'warning';
  }[];
  readonly columns: readonly string[];
  readonly lineColumns: readonly string[];
  readonly fields: readonly MappingFieldInfo[];
  /** The Infoplus field that carries the lines (lineItems), or null for a touchpoint without lines. */
  readonly linesField: string | null;
  readonly lineFields: readonly MappingFieldInfo[];
  /** The first record read, with its Infoplus payload; null when none could be read. */
  readonly record: MappingPreviewRow | null;
}

/** A stable vendor number given to an ERP vendor code that is not a plain integer (Infoplus vendorNo is an int). */
export interface VendorNumberEntry {
  readonly erpCode: string;
  readonly number: number;
  /** ISO time the number was given. */
  readonly assignedAt: string;
}
