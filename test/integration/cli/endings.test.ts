// How `run` ends, told truthfully, and the error inbox from the command line: the built CLI spawned as a user
// runs it. Records that wait fail the run (one line per reason), `errors` lists / retries / skips them, a broken
// profile is named as `check --offline` names it, and a data folder that cannot be written never exits 0.
import { execFile } from 'node:child_process';
import { chmodSync, existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const exec = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../../..');
const BIN = join(ROOT, 'bin', 'infoplus-sync.js');
let dir: string;

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

async function cli(args: string[], asUser?: { uid: number; gid: number }): Promise<Outcome> {
  try {
    const { stdout, stderr } = await exec(process.execPath, [BIN, ...args], {
      cwd: ROOT,
      env: { ...process.env, INFOPLUS_SYNC_DATA_DIR: join(dir, 'default') },
      maxBuffer: 20 * 1024 * 1024,
      ...(asUser ?? {}),
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

/** Adds an item whose status code the profile's lookup does not know: an ERP-data problem, parked. */
function addBadItem(dataDir: string, sku: string): void {
  const db = new Database(join(dataDir, 'demo-erp.sqlite'));
  try {
    const now = new Date().toISOString().replace('T', ' ').replace('Z', '');
    db.prepare(
      `INSERT INTO items (sku, description, unit_price, active, qty_adjusted, updated_at)
       VALUES (?, 'Unknown status', 1.5, 7, 0, ?)`,
    ).run(sku, now);
  } finally {
    db.close();
  }
}

/** Copies the demo ERP's first sales order (with its lines) under each of the given order numbers, dated now. */
function copyOrders(dataDir: string, orderNos: readonly string[]): void {
  const db = new Database(join(dataDir, 'demo-erp.sqlite'));
  try {
    const now = new Date().toISOString().replace('T', ' ').replace('Z', '');
    const first = db.prepare('SELECT * FROM sales_orders ORDER BY order_id LIMIT 1').get() as Record<
      string,
      unknown
    >;
    const lines = db
      .prepare('SELECT * FROM sales_order_lines WHERE order_id = ?')
      .all(first['order_id']) as Record<string, unknown>[];
    const insert = (table: string, row: Record<string, unknown>): number | bigint => {
      const cols = Object.keys(row);
      return db
        .prepare(`INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`)
        .run(row).lastInsertRowid;
    };
    for (const orderNo of orderNos) {
      const { order_id: _id, ...header } = first;
      const id = insert('sales_orders', { ...header, order_no: orderNo, updated_at: now });
      for (const { line_id: _l, ...line } of lines) insert('sales_order_lines', { ...line, order_id: id });
    }
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  await exec('npx', ['tsc', '-b', 'tsconfig.build.json'], { cwd: ROOT }).catch((error: unknown) => {
    if (!existsSync(join(ROOT, 'dist', 'src', 'cli.js'))) throw error;
  });
  dir = await mkdtemp(join(tmpdir(), 'cli-endings-'));
}, 300_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('run endings and the errors command', () => {
  it('has --help on errors list, retry and skip, and on run --full', async () => {
    for (const sub of ['list', 'retry', 'skip']) {
      const { code, stdout } = await cli(['errors', sub, '--help']);
      expect(code).toBe(0);
      expect(stdout).toContain(`Usage: infoplus-sync errors ${sub}`);
      expect(stdout).toContain('--touchpoint');
      expect(stdout).toContain('--data-dir');
    }
    const run = await cli(['run', '--help']);
    expect(run.stdout).toContain('--full');
    expect(run.stdout).toMatch(/records still wait/);
  });

  it('run exits 1 while a record is parked and says why; errors list/skip/retry act on it', async () => {
    const dataDir = join(dir, 'parked');
    const first = await cli(['run', '--demo', '-t', 'vendors', '-t', 'items', '--data-dir', dataDir]);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('Every record is in sync.');

    const bad = 'SKU-BAD-STATUS';
    addBadItem(dataDir, bad);
    const parked = await cli(['run', '--demo', '-t', 'items', '--json', '--data-dir', dataDir]);
    expect(parked.code).toBe(1);
    const ending = JSON.parse(parked.stdout) as {
      ok: boolean;
      runs: { touchpoint: string; status: string }[];
      waiting: { touchpoint: string; category: string; count: number; blocking: boolean; line: string }[];
    };
    expect(ending.ok).toBe(false);
    expect(ending.waiting).toEqual([
      expect.objectContaining({ touchpoint: 'items', category: 'erp-data', count: 1, blocking: true }),
    ]);
    expect(ending.waiting[0]!.line).toMatch(/^items: 1 record\(s\) parked: ERP data problem/);
    expect(ending.waiting[0]!.line).toContain(bad);

    // a second run with nothing changed still ends in 1: the record still waits
    const again = await cli(['run', '--demo', '-t', 'items', '--data-dir', dataDir]);
    expect(again.code).toBe(1);
    expect(again.stdout).toMatch(/items: 1 record\(s\) parked: ERP data problem/);
    expect(again.stdout).toContain('Not every record is in sync');
    // reconcile does not call that "agree" either
    const rec = await cli(['reconcile', '--demo', '-t', 'items', '--data-dir', dataDir]);
    expect(rec.code).toBe(1);
    expect(rec.stdout).toContain('ERP and Infoplus do not agree: 1 ERP record(s) wait in the error inbox');
    expect(rec.stdout).not.toMatch(/^ERP and Infoplus agree/m);
    // the other touchpoint was not run: its state does not matter
    expect((await cli(['run', '--demo', '-t', 'vendors', '--data-dir', dataDir])).code).toBe(0);

    const list = await cli(['errors', 'list', '--demo', '--json', '--data-dir', dataDir]);
    expect(list.code).toBe(0);
    const listed = JSON.parse(list.stdout) as {
      count: number;
      items: { recordKey: string; status: string }[];
    };
    expect(listed.items.map((i) => `${i.recordKey}:${i.status}`)).toEqual([`${bad}:open`]);
    const text = await cli(['errors', 'list', '--demo', '-t', 'items', '--data-dir', dataDir]);
    expect(text.stdout).toContain(bad);
    expect(
      (await cli(['errors', 'list', '--demo', '-t', 'orders', '--json', '--data-dir', dataDir])).stdout,
    ).toContain('"count": 0');

    const unknown = await cli(['errors', 'skip', 'NO-SUCH-KEY', '--demo', '--data-dir', dataDir]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('NO-SUCH-KEY: not in the error inbox');

    const skip = await cli(['errors', 'skip', bad, '--demo', '--data-dir', dataDir]);
    expect(skip.code).toBe(0);
    expect(skip.stdout).toContain('1 record(s) set aside');
    // set aside by a person: listed, but the run is no longer failed for it
    const afterSkip = await cli(['run', '--demo', '-t', 'items', '--data-dir', dataDir]);
    expect(afterSkip.code).toBe(0);
    expect(afterSkip.stdout).toMatch(/items: 1 record\(s\) set aside with Skip/);
    // ...but it is still missing from Infoplus, whatever the reason
    expect((await cli(['reconcile', '--demo', '-t', 'items', '--data-dir', dataDir])).code).toBe(1);
    const vendors = await cli(['reconcile', '--demo', '-t', 'vendors', '--data-dir', dataDir]);
    expect(vendors.code).toBe(0);
    expect(vendors.stdout).toContain('ERP and Infoplus agree.');

    const status = JSON.parse((await cli(['status', '--demo', '--json', '--data-dir', dataDir])).stdout) as {
      inbox: { total: number; byCategory: Record<string, number>; byStatus: Record<string, number> };
    };
    expect(status.inbox).toMatchObject({ total: 1, byCategory: { 'erp-data': 1 }, byStatus: { skipped: 1 } });

    const retry = await cli(['errors', 'retry', '--all', '--demo', '--data-dir', dataDir]);
    expect(retry.code).toBe(0);
    expect(retry.stdout).toContain('1 record(s) queued');
    const afterRetry = await cli(['run', '--demo', '-t', 'items', '--json', '--data-dir', dataDir]);
    expect(afterRetry.code).toBe(1);
    expect(
      (JSON.parse(afterRetry.stdout) as { waiting: { status: string }[] }).waiting.map((w) => w.status),
    ).toEqual(['open']);
    expect((await cli(['errors', 'retry', '--demo', '--data-dir', dataDir])).code).not.toBe(0);
  }, 300_000);

  it('colliding keys and an empty key are parked, listed by errors list --json, and fail run and reconcile', async () => {
    const dataDir = join(dir, 'keys');
    const first = await cli([
      'run',
      '--demo',
      '-t',
      'vendors',
      '-t',
      'items',
      '-t',
      'orders',
      '--data-dir',
      dataDir,
    ]);
    expect(first.code).toBe(0);
    copyOrders(dataDir, ['SO-DUP', 'SO-DUP ', '']);

    const run = await cli(['run', '--demo', '-t', 'orders', '--json', '--data-dir', dataDir]);
    expect(run.code).toBe(1);
    const ending = JSON.parse(run.stdout) as {
      ok: boolean;
      waiting: { touchpoint: string; category: string; count: number; line: string }[];
    };
    expect(ending.ok).toBe(false);
    // the empty key and the colliding pair, each group on its own line
    expect(ending.waiting.every((w) => w.touchpoint === 'orders' && w.category === 'key-collision')).toBe(
      true,
    );
    expect(ending.waiting.reduce((n, w) => n + w.count, 0)).toBe(3);
    expect(ending.waiting.map((w) => w.line).join('\n')).toContain('"SO-DUP" and "SO-DUP "');

    const list = await cli(['errors', 'list', '--demo', '--json', '-t', 'orders', '--data-dir', dataDir]);
    const listed = JSON.parse(list.stdout) as {
      items: { recordKey: string; category: string; message: string }[];
    };
    expect(listed.items.map((i) => i.recordKey).sort()).toEqual(['', 'SO-DUP', 'SO-DUP ']);
    expect(listed.items.every((i) => i.category === 'key-collision')).toBe(true);
    // the text list shows keys a person can tell apart
    const text = await cli(['errors', 'list', '--demo', '-t', 'orders', '--data-dir', dataDir]);
    expect(text.stdout).toContain('"SO-DUP "');
    expect(text.stdout).toContain('""');

    const rec = await cli(['reconcile', '--demo', '-t', 'orders', '--json', '--data-dir', dataDir]);
    expect(rec.code).toBe(1);
    const findings = (
      JSON.parse(rec.stdout) as {
        report: { touchpoints: { findings: { kind: string; recordKey: string }[] }[] };
      }
    ).report.touchpoints[0]!.findings;
    expect(findings.map((f) => `${f.kind}:${f.recordKey}`).sort()).toEqual([
      'invalid-key:',
      'key-collision:SO-DUP',
      'key-collision:SO-DUP ',
    ]);
  }, 300_000);

  it('run --config with a broken or missing profile prints the problems check --offline prints (exit 2)', async () => {
    const missing = join(dir, 'no-such-profile.yaml');
    const check = await cli(['check', '--offline', '--config', missing]);
    const run = await cli(['run', '--config', missing, '--data-dir', join(dir, 'broken')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('file not found');
    const problemLines = (s: string) => s.split('\n').filter((l) => /^\s+(ERROR|WARN)/.test(l));
    expect(problemLines(check.stdout)).toHaveLength(1);
    expect(problemLines(run.stderr)).toEqual(problemLines(check.stdout));

    const broken = join(dir, 'broken.yaml');
    writeFileSync(broken, 'name: broken\nversion: 1\ntimezone: Mars/Olympus\nspelling: wrong\n');
    const checked = await cli(['check', '--offline', '--config', broken]);
    const ran = await cli(['run', '--config', broken, '--data-dir', join(dir, 'broken')]);
    expect(ran.code).toBe(2);
    expect(problemLines(checked.stdout).length).toBeGreaterThan(1);
    expect(problemLines(ran.stderr)).toEqual(problemLines(checked.stdout));
    const json = JSON.parse(
      (await cli(['run', '--config', broken, '--json', '--data-dir', join(dir, 'broken')])).stdout,
    ) as { ok: boolean; error: { problems: { path: string; message: string }[] } };
    expect(json.ok).toBe(false);
    expect(json.error.problems.length).toBe(problemLines(checked.stdout).length);
  });

  it('a data folder that cannot be written fails the run (exit 1) and says it is read-only', async () => {
    const dataDir = join(dir, 'read-only');
    expect((await cli(['run', '--demo', '-t', 'vendors', '--data-dir', dataDir])).code).toBe(0);
    // root writes through permissions: then the run is done as an unprivileged user
    const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : undefined;
    const lock = (path: string): void => {
      if (statSync(path).isDirectory()) for (const f of readdirSync(path)) lock(join(path, f));
      chmodSync(path, statSync(path).isDirectory() ? 0o555 : 0o444);
    };
    lock(dataDir);
    try {
      const run = await cli(['run', '--demo', '-t', 'vendors', '--data-dir', dataDir], asUser);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/sync state cannot be written: the data folder .* is read-only/);
      const json = await cli(['run', '--demo', '--json', '-t', 'vendors', '--data-dir', dataDir], asUser);
      expect(json.code).toBe(1);
      expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, error: { code: 'state-unwritable' } });
    } finally {
      chmodSync(dataDir, 0o755);
    }
  });
});
