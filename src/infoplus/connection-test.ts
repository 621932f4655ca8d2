/** The settings screen's "Test connection": what the key can see, or a message that says what to fix. */
import type { ConnectionTestResult, NamedId } from '../contract/dto.js';
import { hostOf } from './base-url.js';
import { InfoplusError, ServerError } from './errors.js';
import type { ResourceCore } from './resource.js';
import type { LineOfBusiness, Warehouse } from './models/generated.js';
import { MAX_SEARCH_LIMIT } from './wire-format.js';

const NOT_INFOPLUS = 'NOT_INFOPLUS';

/** Resources the connection test reads. */
export interface ConnectionTestDeps {
  baseUrl: string;
  apiVersion: string;
  lineOfBusiness: ResourceCore<LineOfBusiness>;
  warehouse: ResourceCore<Warehouse>;
}

/** Reads lines of business and warehouses (one page each, no retries) and explains any failure. */
export async function testConnection(deps: ConnectionTestDeps): Promise<ConnectionTestResult> {
  const host = hostOf(deps.baseUrl);
  try {
    const linesOfBusiness = await firstPage(deps.lineOfBusiness, (r) => r.name ?? r.label ?? r.code);
    const warehouses = await firstPage(deps.warehouse, (r) => r.name);
    return {
      ok: true,
      message:
        `Connected to ${host} (Infoplus API ${deps.apiVersion}): the key sees ` +
        `${count(linesOfBusiness.length, 'line of business', 'lines of business')} and ` +
        `${count(warehouses.length, 'warehouse', 'warehouses')}.`,
      linesOfBusiness,
      warehouses,
    };
  } catch (e) {
    if (!(e instanceof InfoplusError)) throw e;
    return { ok: false, message: explain(e, host) };
  }
}

async function firstPage<T extends { id?: number }>(
  core: ResourceCore<T>,
  nameOf: (r: T) => string | undefined,
): Promise<NamedId[]> {
  // A connection test must answer quickly: no retries, one page of the most a page can hold.
  const result = await core.runner.run(
    core.spec('GET', 'testConnection', '/search', {
      params: { page: 1, limit: MAX_SEARCH_LIMIT, sort: 'id' },
    }),
    { maxRetries: 0 },
  );
  if (!Array.isArray(result.body)) {
    throw new ServerError({
      resource: core.path,
      operation: 'testConnection',
      status: result.status,
      code: NOT_INFOPLUS,
      message: `The answer to ${core.path}/search is not an Infoplus list`,
    });
  }
  return (result.body as T[])
    .filter((r) => typeof r.id === 'number')
    .map((r) => ({ id: r.id as number, name: nameOf(r) ?? `#${r.id}` }));
}

function explain(e: InfoplusError, host: string): string {
  if (e.kind === 'auth') {
    return e.status === 403
      ? `Infoplus at ${host} accepted the API key but its user may not read lines of business or warehouses (HTTP 403): give the user access in Infoplus.`
      : `Infoplus at ${host} rejected the API key (HTTP ${e.status ?? 401}): copy the key again from Infoplus (User → API Key) and paste it here.`;
  }
  if (e.kind === 'network' || e.kind === 'outcome-unknown') {
    switch (e.code) {
      case 'ENOTFOUND':
      case 'EAI_FAIL':
        return `The address ${host} does not exist (DNS lookup failed): check the Infoplus domain, e.g. "acme" for acme.infopluswms.com. If the domain is right, check the network connection.`;
      case 'EAI_AGAIN':
      case 'ENETUNREACH':
      case 'EHOSTUNREACH':
        return `No network: ${host} could not be reached (${e.code}). Check the network connection, proxy or firewall.`;
      case 'ECONNREFUSED':
        return `${host} refused the connection: nothing is listening there. Check the domain or base URL.`;
      case 'ETIMEDOUT':
        return `No answer from ${host} in time: check the network connection, proxy or firewall.`;
      default:
        return `Could not talk to ${host}: ${e.message}`;
    }
  }
  if (e.code === NOT_INFOPLUS || e.kind === 'not-found' || (e.status !== undefined && e.status < 400)) {
    return `${host} answered, but it is not an Infoplus API (${e.status !== undefined ? `HTTP ${e.status}` : 'unexpected answer'}): check the domain or base URL.`;
  }
  if (e.kind === 'rate-limited')
    return `Infoplus at ${host} is rate limiting this key right now; try again in a minute.`;
  return `Infoplus at ${host} answered with an error: ${e.message}`;
}

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
