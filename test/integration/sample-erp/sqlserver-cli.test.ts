// The command line on SQL Server, as an admin would run it: sample-erp, check over the live endpoint, and the
// whole demo round trip. Runs whenever MSSQL_URL is set; CI (which starts the endpoint) fails without it.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { startSimulator, type InfoplusSimulator } from '../../../src/simulator/index.js';
import { MSSQL_URL, sqlServerDb, type SampleDb } from './databases.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const cli = join(root, 'src', 'cli.ts');
const CI = process.env['CI'] === 'true';

function run(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; out: string; stdout: string }> {
  return new Promise((resolve) => {
    const base = { ...process.env, INFOPLUS_API_KEY: '', ERP_PASSWORD: '', ...env };
    execFile(
      process.execPath,
      ['--import', 'tsx', cli, ...args],
      { cwd: root, env: base, timeout: 240_000, maxBuffer: 16 * 1024 * 1024 },
      (err, stdout, stderr) => {
        const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
        resolve({ code, out: `${stdout}${stderr}`, stdout });
      },
    );
  });
}

describe.skipIf(!CI && !MSSQL_URL)('infoplus-sync on SQL Server (MSSQL_URL)', () => {
  let dir: string;
  let db: SampleDb;
  let sim: InfoplusSimulator;
  let password: string;

  beforeAll(async () => {
    if (!MSSQL_URL)
      throw new Error('MSSQL_URL is not set: .ci/run starts the SQL Server endpoint and exports it');
    dir = mkdtempSync(join(tmpdir(), 'sqlserver-cli-'));
    db = await sqlServerDb(MSSQL_URL);
    password = (db.config as { password?: string }).password ?? '';
    sim = await startSimulator({ apiKey: 'sqlserver-cli-key' });
  });

  afterAll(async () => {
    await sim?.close();
    await db?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('builds the sample ERP, writes a profile without the password, and check passes over the endpoint', async () => {
    const profile = join(dir, 'profile.yaml');
    const built = await run(
      ['sample-erp', '--driver', 'sqlserver', '--url', db.url, '--orders', '30', '--profile-out', profile],
      { ERP_PASSWORD: password },
    );
    expect(built.out).toMatch(/sales_orders\s+30/);
    expect(built.code).toBe(0);
    const doc = parseDocument(readFileSync(profile, 'utf8'));
    expect(String(doc.getIn(['connections', 'erp', 'url']))).not.toContain(password);
    expect(doc.getIn(['touchpoints', 'orders', 'changeDetection', 'fingerprint'])).toBe('row_ver');
    doc.setIn(['connections', 'infoplus', 'baseUrl'], sim.baseUrl);
    writeFileSync(profile, doc.toString({ lineWidth: 0 }));

    const checked = await run(['check', '--config', profile], {
      ERP_PASSWORD: password,
      INFOPLUS_API_KEY: 'sqlserver-cli-key',
    });
    // the write-back probes run in a rolled-back transaction: none may come back as a database error
    expect(checked.out).not.toMatch(/ERROR/);
    expect(checked.out).toMatch(/Check passed/);
    expect(checked.code).toBe(0);
  });

  it('demo --driver sqlserver: push, warehouse work and pull agree on SQL Server', async () => {
    const r = await run(['demo', '--json', '--orders', '20', '--driver', 'sqlserver', '--url', db.url], {
      ERP_PASSWORD: password,
    });
    const summary = JSON.parse(r.stdout) as {
      ok: boolean;
      touchpoints: { touchpoint: string; status: string; check: { ok: boolean; message: string } }[];
    };
    expect(summary.touchpoints.filter((t) => !t.check.ok || t.status !== 'succeeded')).toEqual([]);
    expect(summary.touchpoints).toHaveLength(7);
    expect(summary.ok).toBe(true);
    expect(r.code).toBe(0);
  });

  it('demo refuses --driver sqlserver without --url, saying what to add', async () => {
    const r = await run(['demo', '--driver', 'sqlserver'], {});
    expect(r.code).not.toBe(0);
    expect(r.out).toMatch(/--driver sqlserver needs --url/);
  });
});
