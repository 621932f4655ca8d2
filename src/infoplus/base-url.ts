/** Turns the settings (tenant domain or full base URL) into the API base URL, with messages that say what to fix. */
import { InfoplusConfigError } from './errors.js';
import { API_BASE_PATH } from './wire-format.js';

/** Host suffix of Infoplus tenants. */
export const TENANT_HOST_SUFFIX = '.infopluswms.com';
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** Base URL (no trailing slash, no version) for a tenant domain or a full base URL. */
export function resolveBaseUrl(opts: { domain?: string; baseUrl?: string }): string {
  const baseUrl = opts.baseUrl?.trim();
  const domain = opts.domain?.trim();
  if (baseUrl) return fromUrl(baseUrl, 'base URL');
  if (!domain) {
    throw new InfoplusConfigError(
      'Infoplus domain is empty: enter your tenant name, e.g. "acme" for https://acme.infopluswms.com',
    );
  }
  // A pasted address such as https://acme.infopluswms.com/infoplus-wms/... is accepted for its host.
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(domain)) return fromUrl(domain, 'domain');
  if (domain.includes('/')) {
    throw new InfoplusConfigError(
      `Infoplus domain "${domain}" contains "/": enter only the tenant name, e.g. "acme" for https://acme.infopluswms.com`,
    );
  }
  return `https://${tenantHost(domain)}${API_BASE_PATH}`;
}

function tenantHost(domain: string): string {
  const host = domain.toLowerCase().replace(/\.$/, '');
  const full = host.endsWith(TENANT_HOST_SUFFIX) ? host : `${host}${TENANT_HOST_SUFFIX}`;
  const labels = full.split('.');
  if (!labels.every((l) => LABEL.test(l))) {
    throw new InfoplusConfigError(
      `Infoplus domain "${domain}" is not a valid host name: use letters, digits and "-" only, e.g. "acme" for https://acme.infopluswms.com`,
    );
  }
  if (host.includes('.') && !host.endsWith(TENANT_HOST_SUFFIX)) {
    throw new InfoplusConfigError(
      `Infoplus domain "${domain}" is not an Infoplus tenant (*${TENANT_HOST_SUFFIX}); for a proxy or test server set the base URL instead`,
    );
  }
  return full;
}

function fromUrl(text: string, what: 'base URL' | 'domain'): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new InfoplusConfigError(
      `Infoplus ${what} "${text}" is not a valid URL: use e.g. https://acme.infopluswms.com/infoplus-wms/api`,
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new InfoplusConfigError(`Infoplus ${what} must start with https:// (got ${url.protocol}//)`);
  }
  if (url.username || url.password) {
    throw new InfoplusConfigError(
      `Infoplus ${what} must not contain a user name or password; the API key goes in its own field`,
    );
  }
  if (what === 'domain') {
    // Only the host of a pasted tenant address matters (a browser URL may carry #/order etc.); a tenant is
    // always reached over https, whatever scheme was pasted.
    return `https://${tenantHost(url.hostname)}${url.port ? `:${url.port}` : ''}${API_BASE_PATH}`;
  }
  if (url.protocol === 'http:' && !isLoopback(url.hostname)) {
    throw new InfoplusConfigError(
      `Infoplus ${what} must start with https:// (plain http:// would send the API key readable on the ` +
        `network; it is allowed only for a simulator on this computer, e.g. http://127.0.0.1:8080)`,
    );
  }
  if (url.search || url.hash) {
    throw new InfoplusConfigError(`Infoplus ${what} must not contain "?" or "#" parts`);
  }
  let pathname = url.pathname.replace(/\/+$/, '');
  // A pasted URL with the version (…/api/v3.0) or a resource after it still means the API root.
  const at = pathname.indexOf(API_BASE_PATH);
  if (at >= 0) pathname = pathname.slice(0, at + API_BASE_PATH.length);
  else if (pathname === '') pathname = API_BASE_PATH;
  return `${url.protocol}//${url.host}${pathname}`;
}

/** True for this computer's own addresses (127.0.0.0/8, ::1, localhost), the only place plain http may go. */
export function isLoopback(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  return (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    host === '::1' ||
    /^127(?:\.\d{1,3}){3}$/.test(host) ||
    /^::ffff:127(?:\.\d{1,3}){3}$/.test(host)
  );
}

/** Host part of a base URL, for messages. */
export function hostOf(baseUrl: string): string {
  try {
    return new URL(baseUrl).host;
  } catch {
    return baseUrl;
  }
}
