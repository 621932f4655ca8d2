import type { ErpDriverName, ErpErrorCode } from './types.js';

export type { ErpErrorCode };

/** What the driver mapping knows about a failure; turned into one readable message. */
export interface ErpErrorInit {
  readonly code: ErpErrorCode;
  readonly driver: ErpDriverName;
  /** The person-facing explanation without context, e.g. `Login failed for user "erp"`. */
  readonly detail: string;
  readonly statement?: string;
  readonly touchpoint?: string;
  /** The driver's own error code (SQLSTATE, ER_*, SQL Server error number, SQLITE_*). */
  readonly driverCode?: string;
  /** 1-based character position in the statement, when the server reports one. */
  readonly position?: number;
  readonly cause?: unknown;
}

const WHAT: Record<ErpErrorCode, string> = {
  'login-failed': 'Login failed',
  'database-not-found': 'Database not found',
  'host-unreachable': 'Database server unreachable',
  'permission-denied': 'Permission denied',
  'syntax-error': 'SQL syntax error',
  timeout: 'Timed out',
  cancelled: 'Cancelled',
  'constraint-violation': 'Constraint violation',
  'missing-parameter': 'Missing parameter',
  'invalid-parameter': 'Invalid parameter value',
  'connection-lost': 'Connection to the database lost',
  unknown: 'Database error',
};

/** A database failure with the context a person needs to fix it; never contains a password. */
export class ErpError extends Error {
  override readonly name = 'ErpError';
  readonly code: ErpErrorCode;
  readonly driver: ErpDriverName;
  readonly statement?: string;
  readonly touchpoint?: string;
  readonly driverCode?: string;
  readonly position?: number;
  /** The plain explanation without the "what/where" prefix. */
  readonly detail: string;

  constructor(init: ErpErrorInit) {
    super(formatMessage(init), init.cause === undefined ? undefined : { cause: init.cause });
    this.code = init.code;
    this.driver = init.driver;
    this.detail = init.detail;
    if (init.statement !== undefined) this.statement = init.statement;
    if (init.touchpoint !== undefined) this.touchpoint = init.touchpoint;
    if (init.driverCode !== undefined) this.driverCode = init.driverCode;
    if (init.position !== undefined) this.position = init.position;
  }

  /** A copy with statement/touchpoint filled in where missing (errors raised below the statement level). */
  withContext(ctx: { statement?: string | undefined; touchpoint?: string | undefined }): ErpError {
    if (
      (this.statement ?? ctx.statement) === this.statement &&
      (this.touchpoint ?? ctx.touchpoint) === this.touchpoint
    ) {
      return this;
    }
    return new ErpError({
      code: this.code,
      driver: this.driver,
      detail: this.detail,
      ...optional('statement', this.statement ?? ctx.statement),
      ...optional('touchpoint', this.touchpoint ?? ctx.touchpoint),
      ...optional('driverCode', this.driverCode),
      ...optional('position', this.position),
      cause: this.cause,
    });
  }
}

/** True for an ErpError (also across module copies). */
export function isErpError(e: unknown): e is ErpError {
  return (
    e instanceof ErpError || (e instanceof Error && e.name === 'ErpError' && 'code' in e && 'driver' in e)
  );
}

function formatMessage(init: ErpErrorInit): string {
  let where = '';
  if (init.statement !== undefined) where += ` in statement "${init.statement}"`;
  if (init.touchpoint !== undefined) where += ` of touchpoint "${init.touchpoint}"`;
  const pos = init.position !== undefined ? ` (at character ${init.position})` : '';
  return `${WHAT[init.code]}${where} [${init.driver}]: ${init.detail}${pos}`;
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

/** Keeps the failed rollback next to the original error for logs, without replacing it. */
export function attachRollbackError(original: unknown, rollbackError: unknown): void {
  if (original instanceof Error && !('rollbackError' in original)) {
    Object.defineProperty(original, 'rollbackError', { value: rollbackError, enumerable: false });
  }
}
