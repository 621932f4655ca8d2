// The built command line, spawned as a user would run it: `node bin/infoplus-sync.js <command>`.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleProfileText } from '../../../src/erp/sample/index.js';
import { startSimulator } from '../../../src/simulator/index.js';

const exec = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../../..');
const BIN = join(ROOT, 'bin', 'infoplus-sync.js');
let dir: string;

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

async function cli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Outcome> {
  try {
    const { stdout, stderr } = await exec(process.execPath, [BIN, ...args], {
      cwd: ROOT,
      env: { ...process.env, INFOPLUS_SYNC_DATA_DIR: join(dir, 'default'), ...env },
      maxBuffer: 20 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

beforeAll(async () => {
  // The CLI runs from dist/: build it (incremental, a no-op when CI already built). A type error elsewhere
  // still emits JavaScript, so only a missing entry point stops these tests.
  await exec('npx', ['tsc', '-b', 'tsconfig.build.json'], { cwd: ROOT }).catch((error: unknown) => {
    if (!existsSync(join(ROOT, 'dist', 'src', 'cli.js'))) throw error;
  });
  dir = await mkdtemp(join(tmpdir(), 'cli-'));
}, 300_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('infoplus-sync CLI', () => {
  it('has --help on every engine command', async () => {
    const commands = ['demo', 'serve', 'run', 'status', 'reconcile'];
    const results = await Promise.all(commands.map((c) => cli([c, '--help'])));
    results.forEach(({ code, stdout }, i) => {
      expect(code).toBe(0);
      expect(stdout).toContain(`Usage: infoplus-sync ${commands[i]}`);
      expect(stdout).toContain('--data-dir');
    });
  });

  it('demo --json exits 0 and reports that the ERP and Infoplus agree', async () => {
    const { code, stdout } = await cli(['demo', '--json', '--orders', '20']);
    const result = JSON.parse(stdout) as {
      ok: boolean;
      warehouse: { shipments: number; receipts: number; adjustments: number };
      touchpoints: {
        touchpoint: string;
        status: string;
        counts: { created: number; pulled: number; failed: number };
        check: { ok: boolean };
      }[];
    };
    expect(code).toBe(0);
    expect(result.ok).toBe(true);
    expect(result.touchpoints.map((t) => t.touchpoint)).toEqual([
      'vendors',
      'items',
      'asns',
      'orders',
      'shipments',
      'item-receipts',
      'inventory-adjustments',
    ]);
    expect(
      result.touchpoints.every((t) => t.check.ok && t.status === 'succeeded' && t.counts.failed === 0),
    ).toBe(true);
    expect(result.touchpoints.find((t) => t.touchpoint === 'orders')?.counts.created).toBe(20);
    expect(result.touchpoints.find((t) => t.touchpoint === 'shipments')?.counts.pulled).toBe(
      result.warehouse.shipments,
    );
  });

  it.each([4, 19])(
    'demo --variants random --seed %i exits 0 and names the variants it ran under',
    async (seed) => {
      const { code, stdout } = await cli([
        'demo',
        '--json',
        '--orders',
        '8',
        '--variants',
        'random',
        '--seed',
        String(seed),
      ]);
      const result = JSON.parse(stdout) as { ok: boolean; variants: string };
      expect(result.variants).toContain(`(random, seed ${seed})`);
      expect(result.ok).toBe(true);
      expect(code).toBe(0);
    },
  );

  it('probe-infoplus against a simulator started with variants reports them and saves the findings', async () => {
    const sim = await startSimulator({
      apiKey: 'probe-cli-key',
      variants: { filterOps: 'ge', authStatus: '401' },
    });
    try {
      const profile = join(dir, 'probe-profile.yaml');
      await writeFile(
        profile,
        sampleProfileText('sqlite', { erpUrl: 'unused.sqlite', infoplusBaseUrl: sim.baseUrl }),
      );
      const dataDir = join(dir, 'probe-data');
      const { code, stdout, stderr } = await cli(
        ['probe-infoplus', '--config', profile, '--json', '--data-dir', dataDir],
        { INFOPLUS_API_KEY: 'probe-cli-key' },
      );
      expect(code, stderr).toBe(0);
      const report = JSON.parse(stdout) as {
        findings: { key: string; variant: string | null }[];
        saved: { text: string };
      };
      const variant = (k: string): string | null | undefined =>
        report.findings.find((f) => f.key === k)?.variant;
      expect([variant('filterOps'), variant('authStatus'), variant('errorBody')]).toEqual([
        'ge',
        '401',
        'empty',
      ]);
      expect(await readFile(report.saved.text, 'utf8')).toContain('filters use ge/le');
      expect(sim.stats().writes).toBe(0);
    } finally {
      await sim.close();
    }
  });

  it('run --demo --dry-run --json reports without writing, then real runs and status --json agree', async () => {
    const dataDir = join(dir, 'run');
    type Dry = {
      ok: boolean;
      dryRun: boolean;
      report: { touchpoints: { touchpoint: string; wouldCreate: number; problems: { message: string }[] }[] };
    };
    const first = await cli(['run', '--demo', '--dry-run', '--json', '--data-dir', dataDir]);
    const before = JSON.parse(first.stdout) as Dry;
    const problems = before.report.touchpoints.reduce((n, t) => n + t.problems.length, 0);
    expect(before).toMatchObject({ dryRun: true, ok: problems === 0 });
    expect(first.code).toBe(problems === 0 ? 0 : 1);
    expect(before.report.touchpoints.find((t) => t.touchpoint === 'vendors')?.wouldCreate).toBe(3);

    const real = await cli([
      'run',
      '--demo',
      '--json',
      '-t',
      'vendors',
      '-t',
      'items',
      '--data-dir',
      dataDir,
    ]);
    expect(real.code).toBe(0);
    const runs = (
      JSON.parse(real.stdout) as {
        runs: { touchpoint: string; status: string; counts: { created: number } }[];
      }
    ).runs;
    // The dry run wrote nothing: everything is created now.
    expect(runs.map((r) => `${r.touchpoint}:${r.status}:${r.counts.created}`)).toEqual([
      'vendors:succeeded:3',
      'items:succeeded:10',
    ]);

    const second = await cli(['run', '--demo', '--dry-run', '--json', '--data-dir', dataDir]);
    expect(second.code).toBe(0);
    const after = JSON.parse(second.stdout) as Dry;
    expect(after.report.touchpoints.find((t) => t.touchpoint === 'vendors')?.wouldCreate).toBe(0);
    expect(after.report.touchpoints.find((t) => t.touchpoint === 'orders')?.wouldCreate).toBe(50);

    const status = await cli(['status', '--demo', '--json', '--data-dir', dataDir]);
    expect(status.code).toBe(0);
    const s = JSON.parse(status.stdout) as {
      configured: boolean;
      health: string;
      touchpoints: { name: string; lastRun: { status: string } | null }[];
    };
    expect(s).toMatchObject({ configured: true, health: 'ok' });
    expect(s.touchpoints.find((t) => t.name === 'items')?.lastRun?.status).toBe('succeeded');
    expect(s.touchpoints.find((t) => t.name === 'orders')?.lastRun).toBeNull();
  });

  it('reconcile --demo: reports what is missing (exit 1), --repair queues it, a run makes both sides agree', async () => {
    const dataDir = join(dir, 'reconcile');
    type Report = {
      ok: boolean;
      report: {
        touchpoints: {
          touchpoint: string;
          agreeing: number;
          counts: { missing: number };
          findings: { repaired?: string }[];
        }[];
      };
    };
    const vendorsOf = (stdout: string) => (JSON.parse(stdout) as Report).report.touchpoints[0]!;
    const before = await cli(['reconcile', '--demo', '-t', 'vendors', '--json', '--data-dir', dataDir]);
    expect(before.code).toBe(1);
    expect(vendorsOf(before.stdout)).toMatchObject({
      touchpoint: 'vendors',
      agreeing: 0,
      counts: { missing: 3 },
    });

    const repair = await cli([
      'reconcile',
      '--demo',
      '-t',
      'vendors',
      '--repair',
      '--json',
      '--data-dir',
      dataDir,
    ]);
    expect(repair.code).toBe(0);
    expect(vendorsOf(repair.stdout).findings.map((f) => f.repaired)).toEqual(
      Array(3).fill('queued for the next run'),
    );

    expect((await cli(['run', '--demo', '-t', 'vendors', '--data-dir', dataDir])).code).toBe(0);
    const after = await cli(['reconcile', '--demo', '-t', 'vendors', '--data-dir', dataDir]);
    expect(after.code).toBe(0);
    expect(after.stdout).toMatch(/Vendors\s+3\s+3\s+3\s/);

    const pull = await cli(['reconcile', '--demo', '-t', 'shipments', '--data-dir', dataDir]);
    expect(pull.code).not.toBe(0);
    expect(pull.stderr).toContain(
      '"shipments" is not a push touchpoint; reconcile compares vendors, items, asns, orders',
    );
  });

  it('status --json on a fresh data folder says it is not set up (exit 2)', async () => {
    const { code, stdout } = await cli(['status', '--json', '--data-dir', join(dir, 'fresh')]);
    expect(code).toBe(2);
    expect(JSON.parse(stdout)).toMatchObject({ configured: false, health: 'error' });
  });

  it('rejects an unknown touchpoint with a message that lists the valid ones', async () => {
    const { code, stderr } = await cli(['run', '--demo', '-t', 'invoices']);
    expect(code).not.toBe(0);
    expect(stderr).toContain('"invoices" is not a touchpoint; use one of: vendors, items, asns, orders');
  });

  it('serve --demo --port 0 prints the UI address and answers getStatus with the token only', async () => {
    const child: ChildProcess = spawn(
      process.execPath,
      [BIN, 'serve', '--demo', '--port', '0', '--data-dir', join(dir, 'serve')],
      {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    try {
      let stdout = '';
      const accessFile = await new Promise<string>((resolveLine, reject) => {
        child.stdout?.on('data', (chunk: Buffer) => {
          stdout += chunk.toString();
          const m = /UI: http:\/\/127\.0\.0\.1:\d+ \(the address with its access token is in (\S+)\)/.exec(
            stdout,
          );
          if (m?.[1] && stdout.includes('Simulator:')) resolveLine(m[1]);
        });
        child.once('exit', (code) => reject(new Error(`serve exited early (${code}): ${stdout}`)));
      });
      // Issue 13: stdout (a service's log) never carries the token; a 0600 file in the data folder does.
      expect(stdout).not.toContain('token=');
      expect(accessFile).toBe(join(dir, 'serve', 'ui-access.json'));
      if (process.platform !== 'win32') expect(statSync(accessFile).mode & 0o777).toBe(0o600);
      const access = JSON.parse(readFileSync(accessFile, 'utf8')) as { uiUrl: string };
      const uiLine = access.uiUrl;
      expect(stdout).toMatch(
        /Simulator: http:\/\/127\.0\.0\.1:\d+\/infoplus-wms\/api \(API key: sim-demo-key\)/,
      );
      const [base, token] = uiLine.split('/#token=') as [string, string];
      const call = (auth: string | null) =>
        fetch(`${base}/api/call/getStatus`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            ...(auth ? { authorization: `Bearer ${auth}` } : {}),
          },
          body: '{}',
        });
      const okRes = await call(token);
      expect(okRes.status).toBe(200);
      expect(await okRes.json()).toMatchObject({ ok: true, value: { configured: true, demo: true } });
      expect((await call('not-the-token-at-all')).status).toBe(401);
      const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(stdout).toContain('Stopped.');
      expect(existsSync(accessFile)).toBe(false);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });
});
