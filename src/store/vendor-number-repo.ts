/**
 * Stable whole vendor numbers for ERP vendor codes that are not plain integers (Infoplus vendorNo is an int).
 * A code gets its number the first time a run needs it and keeps it for good; codes are compared exactly
 * (ACME-01 and acme-01 are two vendors), and a number is never handed out twice.
 */
import type Database from 'better-sqlite3';
import { FIRST_VENDOR_NUMBER } from '../domain/vendor-number.js';

export { FIRST_VENDOR_NUMBER, isPlainVendorNo } from '../domain/vendor-number.js';

/** One assigned number. */
export interface VendorNumber {
  readonly erpCode: string;
  readonly number: number;
  readonly assignedAt: string;
}

interface Row {
  erp_code: string;
  number: number;
  assigned_at: string;
}

export class VendorNumberRepo {
  private readonly getStmt: Database.Statement<[string], Row>;
  private readonly insertStmt: Database.Statement<[string, string]>;

  constructor(private readonly db: Database.Database) {
    this.getStmt = db.prepare('SELECT erp_code, number, assigned_at FROM vendor_numbers WHERE erp_code = ?');
    this.insertStmt = db.prepare(
      'INSERT INTO vendor_numbers (erp_code, assigned_at) VALUES (?, ?) ON CONFLICT (erp_code) DO NOTHING',
    );
  }

  /** The number of a code, or undefined when none was assigned yet. */
  get(erpCode: string): number | undefined {
    return this.getStmt.get(erpCode)?.number;
  }

  /** The code's number, assigning the next one when it has none (committed at once). */
  assign(erpCode: string, now: Date = new Date()): number {
    this.insertStmt.run(erpCode, now.toISOString());
    return this.getStmt.get(erpCode)!.number;
  }

  /** The number the next new code would get (dry runs show it without assigning). */
  next(): number {
    const row = this.db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'vendor_numbers'").get() as
      { seq: number } | undefined;
    return (row?.seq ?? FIRST_VENDOR_NUMBER - 1) + 1;
  }

  /** Every assigned number, in number order. */
  list(): VendorNumber[] {
    return (
      this.db
        .prepare('SELECT erp_code, number, assigned_at FROM vendor_numbers ORDER BY number')
        .all() as Row[]
    ).map((r) => ({ erpCode: r.erp_code, number: r.number, assignedAt: r.assigned_at }));
  }
}
