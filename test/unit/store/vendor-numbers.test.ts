import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { FIRST_VENDOR_NUMBER, isPlainVendorNo, openStateStore } from '../../../src/store/index.js';

const dirs: string[] = [];
const freshDir = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'vendor-numbers-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('stable vendor numbers (state migration 6)', () => {
  it('gives each code one number, codes differing only in case their own, and keeps them across a reopen', () => {
    const dir = freshDir();
    const store = openStateStore(dir);
    const upper = store.vendorNumbers.assign('ACME-01');
    const lower = store.vendorNumbers.assign('acme-01');
    const mixed = store.vendorNumbers.assign('Acme-01');
    expect(upper).toBe(FIRST_VENDOR_NUMBER);
    expect(new Set([upper, lower, mixed]).size).toBe(3);
    expect(store.vendorNumbers.assign('ACME-01')).toBe(upper);
    store.close();

    const again = openStateStore(dir);
    expect(again.vendorNumbers.get('ACME-01')).toBe(upper);
    expect(again.vendorNumbers.get('acme-01')).toBe(lower);
    expect(again.vendorNumbers.get('nobody')).toBeUndefined();
    expect(again.vendorNumbers.list().map((v) => [v.erpCode, v.number])).toEqual([
      ['ACME-01', upper],
      ['acme-01', lower],
      ['Acme-01', mixed],
    ]);
    again.close();
  });

  it('never hands a number out twice, even after its row was deleted', () => {
    const dir = freshDir();
    const store = openStateStore(dir);
    const a = store.vendorNumbers.assign('A');
    const b = store.vendorNumbers.assign('B');
    store.close();
    // someone deletes the newest row by hand
    const db = new Database(join(dir, 'state.sqlite'));
    db.prepare('DELETE FROM vendor_numbers WHERE erp_code = ?').run('B');
    db.close();
    const again = openStateStore(dir);
    expect(again.vendorNumbers.next()).toBe(b + 1);
    const c = again.vendorNumbers.assign('C');
    expect(c).toBe(b + 1);
    expect([a, b]).not.toContain(c);
    again.close();
  });

  it('sends plain whole-number codes below the first assigned number as they are', () => {
    expect(isPlainVendorNo('42')).toBe(true);
    expect(isPlainVendorNo('0')).toBe(true);
    expect(isPlainVendorNo('042')).toBe(false);
    expect(isPlainVendorNo('ACME-01')).toBe(false);
    expect(isPlainVendorNo('1.5')).toBe(false);
    expect(isPlainVendorNo(String(FIRST_VENDOR_NUMBER))).toBe(false);
    expect(isPlainVendorNo(String(FIRST_VENDOR_NUMBER - 1))).toBe(true);
  });
});
