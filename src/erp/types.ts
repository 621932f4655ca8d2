import type { ErpDriverName } from '../contract/dto.js';

export type { ErpDriverName };

/** A value bound as a real parameter. Decimals may be passed as strings to keep their exact digits. */
export type SqlValue = string | number | bigint | boolean | Date | null | Buffer;
/** Named parameters: SQL text uses `@name` in every dialect. */
export type SqlParams = Readonly<Record<string, SqlValue | undefined>>;
/** A result row keyed by column name. */
export type Row = Record<string, unknown>;

/** Context that makes an error message useful: which statement of which touchpoint. */
export interface StatementOptions {
  /** Statement name for errors and logs, e.g. `orders.header` or `shipments.writeBack.line`. */
  readonly name?: string;
  readonly touchpoint?: string;
  readonly timeoutMs?: number;
  readonly signal?: AbortSignal;
}

/** Statements available inside a transaction. */
export interface ErpExecutor {
  query<T extends Row = Row>(sql: string, params?: SqlParams, opts?: StatementOptions): Promise<T[]>;
  execute(sql: string, params?: SqlParams, opts?: StatementOptions): Promise<{ rowsAffected: number }>;
}

/** One ERP database, whatever the driver. */
export interface ErpConnection extends ErpExecutor {
  readonly driver: ErpDriverName;
  /** Streams a large result in bounded memory. */
  stream<T extends Row = Row>(sql: string, params?: SqlParams, opts?: StatementOptions): AsyncIterable<T>;
  /**
   * The same stream in arrays of up to `size` rows (optional; a driver that reads synchronously, SQLite, saves
   * a promise per row on a full scan). Without it, callers group `stream` themselves (see streamInBatches).
   */
  streamBatches?<T extends Row = Row>(
    sql: string,
    params: SqlParams | undefined,
    size: number,
    opts?: StatementOptions,
  ): AsyncIterable<T[]>;
  /** Runs fn in one transaction: commit when it resolves, rollback when it throws. */
  transaction<R>(fn: (tx: ErpExecutor) => Promise<R>, opts?: StatementOptions): Promise<R>;
  /** Server product and version, for Test connection. */
  serverInfo(): Promise<string>;
  close(): Promise<void>;
}

/** SQL Server connection details (mssql / tedious). */
export interface SqlServerConfig {
  readonly driver: 'sqlserver';
  /** `mssql://user@host:port/db?encrypt=true` style URL (password beside it, not in it), or the fields below. */
  readonly url?: string;
  readonly server?: string;
  readonly instance?: string;
  readonly port?: number;
  readonly database?: string;
  readonly authType?: 'sql' | 'ntlm';
  readonly user?: string;
  readonly password?: string;
  readonly domain?: string;
  readonly encrypt?: boolean;
  readonly trustServerCertificate?: boolean;
  readonly connectTimeoutMs?: number;
  /** Default statement timeout, enforced with request.cancel() (default 60000; 0 = none). */
  readonly requestTimeoutMs?: number;
  /** Pooled connections (default 4: a sync agent must not crowd the ERP). */
  readonly poolMax?: number;
}

/** PostgreSQL, MySQL/MariaDB or SQLite connection details. */
export interface UrlErpConfig {
  readonly driver: 'postgres' | 'mysql' | 'sqlite';
  /** postgres://..., mysql://..., or a SQLite file path (`:memory:` allowed). */
  readonly url: string;
  readonly password?: string;
  readonly connectTimeoutMs?: number;
  /** Default statement timeout, default 60000 (SQLite: the busy timeout, default 5000). 0 = none. */
  readonly requestTimeoutMs?: number;
  /** Pooled connections (default 4; SQLite has one connection plus one reader per open stream). */
  readonly poolMax?: number;
  /** SQLite only: create the file when it does not exist (default false: a missing file is 'database-not-found'). */
  readonly createIfMissing?: boolean;
}

export type ErpConfig = SqlServerConfig | UrlErpConfig;

export type ErpErrorCode =
  | 'login-failed'
  | 'database-not-found'
  | 'host-unreachable'
  | 'permission-denied'
  | 'syntax-error'
  | 'timeout'
  | 'cancelled'
  | 'constraint-violation'
  | 'missing-parameter'
  /** A bound value the database cannot take (NaN, invalid Date, an object). */
  | 'invalid-parameter'
  | 'connection-lost'
  | 'unknown';
