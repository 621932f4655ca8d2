import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const cli = join(root, 'src', 'cli.ts');

function run(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    const base = { ...process.env, INFOPLUS_API_KEY: '', ERP_PASSWORD: '', ...env };
    execFile(
      process.execPath,
      ['--import', 'tsx', cli, ...args],
      { cwd: root, env: base, timeout: 120_000 },
      (err, stdout, stderr) => {
        const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
        resolve({ code, out: `${stdout}${stderr}` });
      },
    );
  });
}

describe('infoplus-sync sample-erp and check', () => {
  let dir: string;
  let profile: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sample-erp-cli-'));
    profile = join(dir, 'profile.yaml');
    const r = await run([
      'sample-erp',
      '--driver',
      'sqlite',
      '--url',
      join(dir, 'erp.sqlite'),
      '--orders',
      '25',
      '--profile-out',
      profile,
    ]);
    expect(r.out).toMatch(/sales_orders\s+25/);
    expect(r.code).toBe(0);
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes a profile that passes check offline', async () => {
    const text = readFileSync(profile, 'utf8');
    expect(text).toContain(join(dir, 'erp.sqlite'));
    const r = await run(['check', '--config', profile, '--offline']);
    expect(r.out).toMatch(/Check passed/);
    expect(r.code).toBe(0);
  });

  it('names the broken field, the broken statement and the missing secret, and exits 1', async () => {
    const broken = join(dir, 'broken.yaml');
    writeFileSync(
      broken,
      readFileSync(profile, 'utf8')
        .replace('FROM sales_orders o\n', 'FROM sales_ordrs o\n')
        .replace('INSERT INTO erp_receipts', 'INSERT INTO erp_receits'),
    );
    const r = await run(['check', '--config', broken]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/ERROR touchpoints\.orders\.source\.header: .*orders\.header.*sales_ordrs/);
    expect(r.out).toMatch(
      /ERROR touchpoints\.item-receipts\.writeBack\.record\[1\]\.sql: .*upsert-receipt.*erp_receits/,
    );
    expect(r.out).toMatch(/ERROR connections\.infoplus\.apiKeyEnv: .*INFOPLUS_API_KEY is not set/);
    expect(r.out).toMatch(/ok +vendors: queries ran/);
  });

  it('reports a typo in an Infoplus field name as JSON', async () => {
    const typo = join(dir, 'typo.yaml');
    writeFileSync(
      typo,
      readFileSync(profile, 'utf8').replace('customerOrderNo: order_no', 'customerOrderNumber: order_no'),
    );
    const r = await run(['check', '--config', typo, '--offline', '--json']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.out) as { ok: boolean; problems: { path: string; message: string }[] };
    expect(report.ok).toBe(false);
    expect(report.problems.map((p) => p.path)).toContain('touchpoints.orders.fields.customerOrderNumber');
  });

  it('has --help on both commands', async () => {
    const [a, b] = await Promise.all([run(['sample-erp', '--help']), run(['check', '--help'])]);
    expect(a.out).toMatch(/--driver <name>/);
    expect(b.out).toMatch(/--config <file>/);
    // Issue 13, L5: what the rolled-back write-back probe cannot undo is said where check is explained.
    expect(b.out).toMatch(/rollback cannot undo a procedure that commits/);
  });
});
