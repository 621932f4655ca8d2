import type { ApiVersion, ErpDriverName, Settings, SettingsUpdate, TouchpointName } from '../contract.js';
import { TOUCHPOINTS } from '../contract.js';
import { readCron } from './cron.js';
import type { FieldErrors } from './field-errors.js';
import { tenantOf } from './tenant.js';

/** The ERP form as typed (strings for inputs), plus the write-only password. */
export interface ErpDraft {
  driver: ErpDriverName;
  url: string;
  server: string;
  instance: string;
  port: string;
  database: string;
  user: string;
  authType: 'sql' | 'ntlm';
  domain: string;
  encrypt: boolean;
  trustServerCertificate: boolean;
  password: string;
  hasPassword: boolean;
}

/** The Infoplus form as typed, plus the write-only API key. */
export interface InfoplusDraft {
  target: 'domain' | 'baseUrl';
  domain: string;
  baseUrl: string;
  apiVersion: ApiVersion;
  lobId: string;
  warehouseId: string;
  requestsPerSecond: string;
  apiKey: string;
  hasApiKey: boolean;
}

/** One touchpoint's schedule as typed. */
export interface ScheduleDraft {
  enabled: boolean;
  mode: 'cron' | 'interval';
  cron: string;
  intervalMinutes: string;
}

/** Schedules and quiet hours as typed. */
export interface SchedulesDraft {
  schedules: Record<TouchpointName, ScheduleDraft>;
  quiet: boolean;
  quietStart: string;
  quietEnd: string;
}

/** Form state from saved settings. */
export function erpDraftOf(s: Settings['erp']): ErpDraft {
  return {
    driver: s?.driver ?? 'sqlserver',
    url: s?.url ?? '',
    server: s?.server ?? '',
    instance: s?.instance ?? '',
    port: s?.port ? String(s.port) : '',
    database: s?.database ?? '',
    user: s?.user ?? '',
    authType: s?.authType ?? 'sql',
    domain: s?.domain ?? '',
    encrypt: s?.encrypt ?? true,
    trustServerCertificate: s?.trustServerCertificate ?? false,
    password: '',
    hasPassword: s?.hasPassword ?? false,
  };
}

/** Form state from saved settings. */
export function infoplusDraftOf(s: Settings['infoplus']): InfoplusDraft {
  return {
    target: s?.baseUrl && !s.domain ? 'baseUrl' : 'domain',
    domain: s?.domain ?? '',
    baseUrl: s?.baseUrl ?? '',
    apiVersion: s?.apiVersion ?? 'v3.0',
    lobId: s?.lobId !== undefined ? String(s.lobId) : '',
    warehouseId: s?.warehouseId !== undefined ? String(s.warehouseId) : '',
    requestsPerSecond: String(s?.requestsPerSecond ?? 5),
    apiKey: '',
    hasApiKey: s?.hasApiKey ?? false,
  };
}

/** Form state from saved settings; touchpoints without a schedule default to every 15 minutes, off. */
export function schedulesDraftOf(s: Pick<Settings, 'schedules' | 'quietHours'> | null): SchedulesDraft {
  const schedules = {} as Record<TouchpointName, ScheduleDraft>;
  for (const tp of TOUCHPOINTS) {
    const saved = s?.schedules[tp];
    schedules[tp] = {
      enabled: saved?.enabled ?? false,
      mode: saved?.cron ? 'cron' : 'interval',
      cron: saved?.cron ?? '*/15 * * * *',
      intervalMinutes: String(saved?.intervalMinutes ?? 15),
    };
  }
  return {
    schedules,
    quiet: s?.quietHours != null,
    quietStart: s?.quietHours?.start ?? '22:00',
    quietEnd: s?.quietHours?.end ?? '06:00',
  };
}

const num = (text: string): number | undefined => (text.trim() === '' ? undefined : Number(text));
const str = (text: string): string | undefined => (text.trim() === '' ? undefined : text.trim());

/** Removes undefined values so the request only carries what was typed. */
function compact<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/** The ERP part of a settings update: only the fields the chosen driver uses. */
export function erpUpdateOf(d: ErpDraft): NonNullable<SettingsUpdate['erp']> {
  if (d.driver !== 'sqlserver') return compact({ driver: d.driver, url: str(d.url), user: str(d.user) });
  return compact({
    driver: d.driver,
    server: str(d.server),
    instance: str(d.instance),
    port: num(d.port),
    database: str(d.database),
    authType: d.authType,
    user: str(d.user),
    domain: d.authType === 'ntlm' ? str(d.domain) : undefined,
    encrypt: d.encrypt,
    trustServerCertificate: d.trustServerCertificate,
  });
}

/** The Infoplus part of a settings update. */
export function infoplusUpdateOf(d: InfoplusDraft): NonNullable<SettingsUpdate['infoplus']> {
  return compact({
    domain: d.target === 'domain' ? str(tenantOf(d.domain)) : undefined,
    baseUrl: d.target === 'baseUrl' ? str(d.baseUrl) : undefined,
    apiVersion: d.apiVersion,
    lobId: num(d.lobId),
    warehouseId: num(d.warehouseId),
    requestsPerSecond: Number(d.requestsPerSecond),
  });
}

/** The schedules part of a settings update. */
export function schedulesUpdateOf(d: SchedulesDraft): Pick<SettingsUpdate, 'schedules' | 'quietHours'> {
  const schedules: Partial<
    Record<TouchpointName, { enabled: boolean; cron?: string; intervalMinutes?: number }>
  > = {};
  for (const tp of TOUCHPOINTS) {
    const s = d.schedules[tp];
    schedules[tp] =
      s.mode === 'cron'
        ? { enabled: s.enabled, cron: s.cron.trim() }
        : { enabled: s.enabled, intervalMinutes: Number(s.intervalMinutes) };
  }
  return { schedules, quietHours: d.quiet ? { start: d.quietStart, end: d.quietEnd } : null };
}

/** Checks done before asking the engine, with the same field paths the engine uses. */
export function validateErp(d: ErpDraft): FieldErrors {
  const e: Record<string, string> = {};
  if (d.driver === 'sqlserver') {
    if (!d.server.trim()) e['erp.server'] = 'Enter the SQL Server host name, e.g. erp-sql01.';
    if (d.port.trim() && !/^\d+$/.test(d.port.trim()))
      e['erp.port'] = 'The port is a number between 1 and 65535.';
    else if (d.port.trim() && (Number(d.port) < 1 || Number(d.port) > 65535)) {
      e['erp.port'] = 'The port is a number between 1 and 65535.';
    }
    if (!d.database.trim()) e['erp.database'] = 'Enter the ERP database name.';
    if (!d.user.trim()) e['erp.user'] = 'Enter the login name.';
    if (d.authType === 'ntlm' && !d.domain.trim())
      e['erp.domain'] = 'Windows login needs the domain, e.g. CONTOSO.';
  } else if (!d.url.trim()) {
    e['erp.url'] =
      d.driver === 'sqlite'
        ? 'Enter the path of the SQLite database file.'
        : 'Enter the connection URL (without password).';
  } else if (d.driver !== 'sqlite' && /:\/\/[^/@]*:[^/@]*@/.test(d.url)) {
    e['erp.url'] =
      'Leave the password out of the URL and type it in the Password field, so it is stored encrypted.';
  }
  return e;
}

/** Checks done before asking the engine, with the same field paths the engine uses. */
export function validateInfoplus(d: InfoplusDraft): FieldErrors {
  const e: Record<string, string> = {};
  if (d.target === 'domain' && !/^[a-z0-9][a-z0-9-]*$/i.test(tenantOf(d.domain))) {
    e['infoplus.domain'] = 'Enter your tenant name: the part before .infopluswms.com, e.g. acme.';
  }
  if (d.target === 'baseUrl' && !/^https?:\/\/\S+$/.test(d.baseUrl.trim())) {
    e['infoplus.baseUrl'] = 'Enter a full URL, e.g. https://acme.infopluswms.com/infoplus-wms/api.';
  }
  const rps = Number(d.requestsPerSecond);
  if (!(rps > 0 && rps <= 100)) e['infoplus.requestsPerSecond'] = 'Use a number above 0 and at most 100.';
  if (!d.hasApiKey && !d.apiKey.trim())
    e['secrets.infoplusApiKey'] = 'Enter the API key from Infoplus (API Keys page).';
  return e;
}

/** Checks done before asking the engine, with the same field paths the engine uses. */
export function validateSchedules(d: SchedulesDraft): FieldErrors {
  const e: Record<string, string> = {};
  for (const tp of TOUCHPOINTS) {
    const s = d.schedules[tp];
    if (s.mode === 'cron') {
      const reading = readCron(s.cron);
      if (!reading.ok) e[`schedules.${tp}.cron`] = reading.error;
    } else if (!/^\d+$/.test(s.intervalMinutes.trim()) || Number(s.intervalMinutes) < 1) {
      e[`schedules.${tp}.intervalMinutes`] = 'Use a whole number of minutes, 1 or more.';
    }
  }
  const hhmm = /^([01]\d|2[0-3]):[0-5]\d$/;
  if (d.quiet && !hhmm.test(d.quietStart)) e['quietHours.start'] = 'Use HH:MM, 24-hour clock, e.g. 22:00.';
  if (d.quiet && !hhmm.test(d.quietEnd)) e['quietHours.end'] = 'Use HH:MM, 24-hour clock, e.g. 06:00.';
  return e;
}
