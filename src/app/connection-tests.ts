/** The settings screen's Test connection buttons, for the ERP and for Infoplus. */
import type { ConnectionTestResult, InfoplusCheckResult, NamedId } from '../contract/dto.js';
import { describeErpConfig, openErp } from '../erp/index.js';
import { createInfoplusClient } from '../infoplus/index.js';
import { formatProbeReport, probeInfoplus } from '../infoplus/probe.js';
import { loadTenantLists, type TenantLists } from '../infoplus/tenant-lists.js';
import { saveProbeReport } from './probe-store.js';
import type { StoredSettings } from '../settings/index.js';
import { erpConfigOf } from './connections.js';

type ErpSettings = NonNullable<StoredSettings['erp']>;
type InfoplusSettings = NonNullable<StoredSettings['infoplus']>;

/** Opens the ERP with these settings, asks its version, closes it. Never throws. */
export async function testErp(
  conn: ErpSettings | null,
  password: string | null,
  baseDir: string,
): Promise<ConnectionTestResult> {
  if (!conn) return { ok: false, message: 'Choose an ERP database driver and fill in the connection first.' };
  let config;
  try {
    config = erpConfigOf(conn, password, baseDir);
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
  try {
    const erp = await openErp(config);
    try {
      const serverInfo = await erp.serverInfo();
      return { ok: true, message: `Connected to ${describeErpConfig(config)}.`, serverInfo };
    } finally {
      await erp.close();
    }
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
}

/** Reads lines of business and warehouses with these settings and this key. Never throws. */
export async function testInfoplus(
  conn: InfoplusSettings | null,
  apiKey: string | null,
): Promise<ConnectionTestResult> {
  if (!conn || (!conn.domain && !conn.baseUrl)) {
    return { ok: false, message: 'Enter the Infoplus domain (the tenant name, e.g. acme) first.' };
  }
  if (!apiKey) return { ok: false, message: 'Enter the Infoplus API key first.' };
  try {
    const client = createInfoplusClient({
      ...(conn.domain ? { domain: conn.domain } : {}),
      ...(conn.baseUrl ? { baseUrl: conn.baseUrl } : {}),
      apiVersion: conn.apiVersion,
      apiKey,
      requestsPerSecond: conn.requestsPerSecond,
      timeoutMs: 15_000,
    });
    return await client.testConnection();
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
}

const NO_LISTS = { itemCategories: [], itemSubCategories: [], receivingCriteriaSchemes: [] } as const;

/**
 * `Check Infoplus`: the read-only probe of the tenant (saved in the data folder, where the client picks its
 * findings up) plus the tenant's lists of item ids. Never throws; never writes to Infoplus.
 */
export async function checkInfoplusTenant(
  conn: InfoplusSettings | null,
  apiKey: string | null,
  dataDir: string,
  lobId?: number,
): Promise<InfoplusCheckResult> {
  const refused = (message: string): InfoplusCheckResult => ({
    ok: false,
    message,
    findings: [],
    report: '',
    reportFile: null,
    ...NO_LISTS,
  });
  if (!conn || (!conn.domain && !conn.baseUrl)) return refused('Enter the Infoplus domain first.');
  if (!apiKey) return refused('Enter the Infoplus API key first.');
  const where = {
    ...(conn.domain ? { domain: conn.domain } : {}),
    ...(conn.baseUrl ? { baseUrl: conn.baseUrl } : {}),
    apiVersion: conn.apiVersion,
    apiKey,
  };
  try {
    const report = await probeInfoplus(where);
    const saved = await saveProbeReport(dataDir, report);
    const client = createInfoplusClient({
      ...where,
      requestsPerSecond: conn.requestsPerSecond,
      timeoutMs: 15_000,
      filterOperators: report.adapt.filterOperators,
    });
    try {
      const lists = await loadTenantLists(client, lobId);
      const entries = (l: TenantLists[keyof TenantLists]): readonly NamedId[] => ('error' in l ? [] : l);
      return {
        ok: true,
        message: `Infoplus answered ${report.requests} read-only requests; the report is in ${saved.text}`,
        findings: report.findings,
        report: formatProbeReport(report),
        reportFile: saved.text,
        itemCategories: entries(lists.itemCategories),
        itemSubCategories: entries(lists.itemSubCategories),
        receivingCriteriaSchemes: entries(lists.receivingCriteriaSchemes),
      };
    } finally {
      client.close();
    }
  } catch (error) {
    return refused((error as Error).message);
  }
}
