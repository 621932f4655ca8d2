/**
 * Passwords never live in an ERP URL: settings.json is not a secret store, and getSettings would hand the
 * password to every screen. A URL typed with one (user:password@host, ?password=, JDBC ;password=) is split:
 * the URL without it is stored, the password goes to the SecretStore.
 */

const USERINFO = /^([a-z][a-z0-9+.-]*:\/\/)([^/?#]*)@/i;
const PARAM = /([?&;])(password|passwd|pwd)=([^&;#]*)/gi;

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The URL without any password in it, and the password it held (null when none). */
export function splitUrlPassword(url: string): { url: string; password: string | null } {
  let password: string | null = null;
  let out = url.replace(USERINFO, (whole, scheme: string, info: string) => {
    const colon = info.indexOf(':');
    if (colon < 0) return whole;
    password = decode(info.slice(colon + 1));
    return `${scheme}${info.slice(0, colon)}@`;
  });
  out = out.replace(PARAM, (_whole, sep: string, _name: string, value: string) => {
    password ??= decode(value);
    return sep;
  });
  // Tidy the separators a removed parameter leaves behind.
  out = out
    .replace(/\?[&;]+/, '?')
    .replace(/&{2,}/g, '&')
    .replace(/;{2,}/g, ';')
    .replace(/[?&;]+(#|$)/, '$1');
  return { url: out, password };
}

/** An ERP connection without a password in its URL, and the password taken out (null when none). */
export function withoutUrlPassword<T extends { driver: string; url?: string }>(
  conn: T,
): { conn: T; password: string | null } {
  if (conn.url === undefined || conn.driver === 'sqlite') return { conn, password: null };
  const { url, password } = splitUrlPassword(conn.url);
  return password === null ? { conn, password } : { conn: { ...conn, url }, password };
}

/** What profileErpUrl reads of the stored ERP connection. */
interface ErpUrlFields {
  readonly driver: string;
  readonly url?: string | undefined;
  readonly server?: string | undefined;
  readonly instance?: string | undefined;
  readonly port?: number | undefined;
  readonly database?: string | undefined;
  readonly user?: string | undefined;
  readonly authType?: string | undefined;
  readonly domain?: string | undefined;
  readonly encrypt?: boolean | undefined;
  readonly trustServerCertificate?: boolean | undefined;
}

/**
 * The ERP URL a suggested profile carries, so it never contradicts Settings: the stored URL without its
 * password; SQL Server set up field by field becomes `mssql://user@server[\instance][:port]/database?…` (the
 * user, never the password). Undefined when there is nothing to say.
 */
export function profileErpUrl(erp: ErpUrlFields): string | undefined {
  if (erp.url) return erp.driver === 'sqlite' ? erp.url : splitUrlPassword(erp.url).url;
  if (erp.driver !== 'sqlserver' || !erp.server) return undefined;
  const user = erp.user
    ? `${encodeURIComponent(erp.authType === 'ntlm' && erp.domain ? `${erp.domain}\\${erp.user}` : erp.user)}@`
    : '';
  const host = `${erp.server}${erp.instance ? `\\${erp.instance}` : ''}${erp.port ? `:${erp.port}` : ''}`;
  const query = new URLSearchParams();
  if (erp.encrypt !== undefined) query.set('encrypt', String(erp.encrypt));
  if (erp.trustServerCertificate !== undefined)
    query.set('trustServerCertificate', String(erp.trustServerCertificate));
  const q = query.toString();
  return `mssql://${user}${host}/${encodeURIComponent(erp.database ?? '')}${q ? `?${q}` : ''}`;
}
