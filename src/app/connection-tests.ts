/** The settings screen's Test connection buttons, for the ERP and for Infoplus. */
import type { ConnectionTestResult } from '../contract/dto.js';
import { describeErpConfig, openErp } from '../erp/index.js';
import { createInfoplusClient } from '../infoplus/index.js';
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
