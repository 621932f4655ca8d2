/**
 * Which server a stored secret belongs to. A stored password or API key is only ever sent to the target it
 * was saved for: whoever can call the API (a token holder, a script in the window) must not be able to point
 * a connection test, or the saved settings, at a server of their own and receive the secret.
 */
import { resolveBaseUrl } from '../infoplus/base-url.js';
import type { Profile } from '../profile/index.js';
import { SECRET_ENV, type SecretName, type StoredSettings } from '../settings/index.js';
import { AppError } from './app-error.js';
import { effectiveErp, effectiveInfoplus } from './connections.js';

type ErpSettings = NonNullable<StoredSettings['erp']>;
type InfoplusSettings = Pick<NonNullable<StoredSettings['infoplus']>, 'domain' | 'baseUrl'>;

/** URL query parameters that choose the server, the database or the user (pg, mysql2, mssql). */
const TARGET_PARAMS = ['host', 'hostaddr', 'port', 'user', 'dbname', 'database', 'socketpath', 'socket'];

function urlTarget(url: string): Record<string, string> {
  try {
    const u = new URL(url);
    const params: Record<string, string> = {};
    for (const [k, v] of u.searchParams) {
      if (TARGET_PARAMS.includes(k.toLowerCase())) params[k.toLowerCase()] = v;
    }
    return {
      scheme: u.protocol.toLowerCase(),
      host: u.hostname.toLowerCase(),
      port: u.port,
      path: decodeURIComponent(u.pathname),
      user: decodeURIComponent(u.username),
      ...params,
    };
  } catch {
    // Not a URL (a SQLite path, or text the driver will refuse): the text itself is the target.
    return { text: url };
  }
}

/**
 * What identifies the ERP target (driver, host, port, instance, database, user, domain); options such as
 * `encrypt` are left out. Null when there is no connection.
 */
export function erpTarget(conn: ErpSettings | null | undefined): string | null {
  if (!conn) return null;
  const fields = {
    driver: conn.driver,
    ...(conn.url !== undefined ? { url: urlTarget(conn.url) } : {}),
    server: conn.server?.toLowerCase() ?? null,
    instance: conn.instance?.toLowerCase() ?? null,
    port: conn.port ?? null,
    database: conn.database ?? null,
    user: conn.user ?? null,
    authType: conn.authType ?? null,
    domain: conn.domain?.toLowerCase() ?? null,
  };
  return JSON.stringify(fields);
}

/** The origin (scheme, host, port) the API key is sent to; null when there is none or it is not usable. */
export function infoplusTarget(conn: InfoplusSettings | null | undefined): string | null {
  if (!conn || (!conn.domain && !conn.baseUrl)) return null;
  try {
    return new URL(
      resolveBaseUrl({
        ...(conn.domain ? { domain: conn.domain } : {}),
        ...(conn.baseUrl ? { baseUrl: conn.baseUrl } : {}),
      }),
    ).origin;
  } catch {
    return null;
  }
}

/** True when both name the same target (an unusable target is never the same as anything). */
export function sameTarget(a: string | null, b: string | null): boolean {
  return a !== null && b !== null && a === b;
}

/** The target of each secret under these settings and this profile. */
export interface SecretTargets {
  readonly erpPassword: string | null;
  readonly infoplusApiKey: string | null;
}

/** Where each secret would be sent with these settings (the profile fills what the settings leave out). */
export function secretTargets(settings: StoredSettings, profile: Profile | null): SecretTargets {
  return {
    erpPassword: erpTarget(effectiveErp(settings, profile)),
    infoplusApiKey: infoplusTarget(effectiveInfoplus(settings, profile)),
  };
}

/** The environment variable that supplies a secret, when one does (it cannot be cleared from here). */
export function secretEnvName(
  name: SecretName,
  profile: Profile | null,
  env: NodeJS.ProcessEnv,
): string | null {
  const named =
    name === 'erpPassword'
      ? profile?.connections?.erp?.passwordEnv
      : profile?.connections?.infoplus?.apiKeyEnv;
  if (named && env[named]) return named;
  return env[SECRET_ENV[name]] ? SECRET_ENV[name] : null;
}

const LABEL: Readonly<Record<SecretName, string>> = {
  erpPassword: 'ERP password',
  infoplusApiKey: 'Infoplus API key',
};

/**
 * The stored secrets a change of target makes stale: a secret saved for one server is dropped when the
 * connection moves elsewhere (unless the same change brings a new one). A secret supplied by an environment
 * variable cannot be dropped, so moving its target from the UI is refused with what to do instead.
 */
export function secretsToDrop(
  before: SecretTargets,
  after: SecretTargets,
  incoming: Partial<Record<SecretName, string>> | undefined,
  envName: (name: SecretName) => string | null,
): SecretName[] {
  const drop: SecretName[] = [];
  for (const name of ['erpPassword', 'infoplusApiKey'] as const) {
    if (before[name] === null || before[name] === after[name]) continue;
    if (incoming?.[name] !== undefined) continue;
    const variable = envName(name);
    if (variable) {
      throw new AppError(
        'secret-bound',
        `The ${LABEL[name]} comes from the environment variable ${variable} and is only sent to the ` +
          `server it was set up for. Change the connection where ${variable} is set (the service's ` +
          `configuration), or remove ${variable} and enter the ${LABEL[name]} here with the new connection.`,
        { field: name === 'erpPassword' ? 'erp' : 'infoplus' },
      );
    }
    drop.push(name);
  }
  return drop;
}
