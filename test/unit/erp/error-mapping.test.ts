import sql from 'mssql';
import { describe, expect, it } from 'vitest';
import type { ErpError } from '../../../src/erp/errors.js';
import { scrubSecrets } from '../../../src/logging/redact.js';
import { mapMysqlError } from '../../../src/erp/mysql-errors.js';
import { mapPgError } from '../../../src/erp/postgres-errors.js';
import { mapSqliteError } from '../../../src/erp/sqlite-errors.js';
import { mapMssqlError } from '../../../src/erp/sqlserver-errors.js';

const opts = { name: 'orders.header', touchpoint: 'orders' };
const withProps = <T extends Error>(e: T, props: Record<string, unknown>): T => Object.assign(e, props);

describe('SQL Server error numbers (no server here: mapped from mssql error objects)', () => {
  const target = { host: 'erp01:1433', database: 'ERP', password: 'Pa55w0rd!' };
  const cases: [Error, string][] = [
    [new sql.ConnectionError("Login failed for user 'sa'.", 'ELOGIN'), 'login-failed'],
    [
      new sql.ConnectionError(
        'Cannot open database "ERPX" requested by the login. The login failed.',
        'ELOGIN',
      ),
      'database-not-found',
    ],
    [
      new sql.ConnectionError('Failed to connect to erp01:1433 - connect ECONNREFUSED', 'ESOCKET'),
      'host-unreachable',
    ],
    [new sql.ConnectionError('Failed to connect to erp01:1433 in 15000ms', 'ETIMEOUT'), 'host-unreachable'],
    [
      withProps(new sql.RequestError("The SELECT permission was denied on the object 'items'", 'EREQUEST'), {
        number: 229,
      }),
      'permission-denied',
    ],
    [
      withProps(new sql.RequestError("Incorrect syntax near 'FORM'.", 'EREQUEST'), {
        number: 102,
        lineNumber: 3,
      }),
      'syntax-error',
    ],
    [
      withProps(new sql.RequestError("Invalid object name 'dbo.nope'.", 'EREQUEST'), { number: 208 }),
      'syntax-error',
    ],
    [
      withProps(new sql.RequestError('Violation of PRIMARY KEY constraint', 'EREQUEST'), { number: 2627 }),
      'constraint-violation',
    ],
    [
      withProps(new sql.RequestError('Cannot insert the value NULL', 'EREQUEST'), { number: 515 }),
      'constraint-violation',
    ],
    [new sql.RequestError('Canceled.', 'ECANCEL'), 'cancelled'],
    [withProps(new sql.RequestError('Transaction was deadlocked', 'EREQUEST'), { number: 1205 }), 'timeout'],
    [new sql.RequestError('Timeout: Request failed to complete in 15000ms', 'ETIMEOUT'), 'timeout'],
    [new sql.ConnectionError('Connection is closed.', 'ECONNCLOSED'), 'connection-lost'],
    [new sql.RequestError('Connection lost - read ECONNRESET', 'ESOCKET'), 'connection-lost'],
    [
      // tedious' code, passed through by mssql (not in mssql's typed code list)
      withProps(
        new sql.RequestError('Requests can only be made in the LoggedIn state, not the Final state'),
        {
          code: 'EINVALIDSTATE',
        },
      ),
      'connection-lost',
    ],
    // Babelfish: PostgreSQL's message under its one generic number
    [
      withProps(new sql.RequestError('permission denied for table items', 'EREQUEST'), { number: 33557097 }),
      'permission-denied',
    ],
    [
      withProps(new sql.RequestError("syntax error near 'FROM' at line 1", 'EREQUEST'), { number: 33557097 }),
      'syntax-error',
    ],
    [new sql.ConnectionError('database "erpx" does not exist', 'ELOGIN'), 'database-not-found'],
    [
      withProps(new sql.RequestError('permission denied for table items', 'EREQUEST'), { number: 50000 }),
      'unknown',
    ],
  ];
  it.each(cases.map(([e, code]) => ({ e, code, label: `${code}: ${e.message}` })))(
    '$label',
    ({ e, code }) => {
      const mapped = mapMssqlError(e, opts, target);
      expect(mapped.code).toBe(code);
      expect(mapped.driver).toBe('sqlserver');
      expect(mapped.message).toContain('orders.header');
      expect(mapped.message).not.toContain('Pa55w0rd!');
    },
  );

  it("says how to trust SQL Server Express's self-signed certificate, and what else when it is trusted", () => {
    const selfSigned = new sql.ConnectionError(
      'Failed to connect to erp01\\SQLEXPRESS - self-signed certificate',
      'ESOCKET',
    );
    const untrusted = mapMssqlError(selfSigned, undefined, { ...target, trustServerCertificate: false });
    expect(untrusted.code).toBe('host-unreachable');
    expect(untrusted.message).toMatch(/SQL Server Express .* self-signed certificate/);
    expect(untrusted.message).toContain('tick "Trust the server certificate"');
    expect(untrusted.message).toContain('trustServerCertificate=true');
    expect(untrusted.message).toMatch(/encryption still on/);
    const trusted = mapMssqlError(
      new sql.ConnectionError(
        'Failed to connect to erp01:1433 - SSL routines::unsupported protocol',
        'ESOCKET',
      ),
      undefined,
      { ...target, trustServerCertificate: true },
    );
    expect(trusted.message).toMatch(/although the server certificate is trusted/);
  });

  it('names the login and its fix: Windows (NTLM) and SQL Server logins', () => {
    const refused = new sql.ConnectionError("Login failed for user 'CORP\\jane'.", 'ELOGIN');
    const ntlm = mapMssqlError(refused, undefined, {
      ...target,
      authType: 'ntlm',
      domain: 'CORP',
      user: 'jane',
    });
    expect(ntlm.code).toBe('login-failed');
    expect(ntlm.message).toContain('Windows login CORP\\jane was refused');
    expect(ntlm.message).toContain('CREATE LOGIN [CORP\\jane] FROM WINDOWS');
    const sqlLogin = mapMssqlError(
      new sql.ConnectionError("Login failed for user 'erp_ro'.", 'ELOGIN'),
      undefined,
      { ...target, authType: 'sql', user: 'erp_ro' },
    );
    expect(sqlLogin.message).toContain('SQL Server login "erp_ro" was refused');
    expect(sqlLogin.message).toMatch(/SQL Server and Windows Authentication mode/);
    expect(sqlLogin.message).not.toContain('Pa55w0rd!');
  });

  it('tells a read-only login which permission a write-back needs', () => {
    const denied = mapMssqlError(
      withProps(new sql.RequestError("The UPDATE permission was denied on the object 'items'", 'EREQUEST'), {
        number: 229,
      }),
      { name: 'shipments.writeBack.record', touchpoint: 'shipments' },
      { ...target, authType: 'sql', user: 'erp_ro' },
    );
    expect(denied.code).toBe('permission-denied');
    expect(denied.message).toContain('login erp_ro');
    expect(denied.message).toMatch(/read-only login is enough for pushes; write-backs need INSERT\/UPDATE/);
  });

  it('names SQL Server Browser and the Port field when an instance name cannot be resolved', () => {
    const e = mapMssqlError(
      new sql.ConnectionError('Failed to get response from SQL Server Browser on erp01', 'EINSTLOOKUP'),
      undefined,
      { ...target, instance: 'SQLEXPRESS' },
    );
    expect(e.code).toBe('host-unreachable');
    expect(e.message).toContain('instance name "SQLEXPRESS"');
    expect(e.message).toContain('UDP port 1434');
    expect(e.message).toContain('fixed TCP port in Port');
  });

  it('points at trustServerCertificate for a self-signed certificate and at line numbers for syntax', () => {
    const tls = mapMssqlError(
      new sql.ConnectionError('Failed to connect to erp01:1433 - self-signed certificate', 'ESOCKET'),
      undefined,
      target,
    );
    expect(tls.message).toContain('trustServerCertificate');
    const syn = mapMssqlError(
      withProps(new sql.RequestError("Incorrect syntax near 'FORM'.", 'EREQUEST'), {
        number: 102,
        lineNumber: 3,
      }),
      opts,
      target,
    );
    expect(syn.message).toContain('line 3');
    expect(syn.driverCode).toBe('102');
  });
});

describe('PostgreSQL, MySQL and SQLite mapping details', () => {
  it('maps SQLSTATEs, writes @names for $n and maps positions back to the SQL as written', () => {
    const e = withProps(new Error('inconsistent types deduced for parameter $2'), {
      code: '42P08',
      position: '20',
    });
    const mapped = mapPgError(e, opts, { host: 'db:5432', database: 'erp', user: 'x' }, (p) => p + 5, [
      'since',
      'shipVia',
    ]);
    expect(mapped.code).toBe('syntax-error');
    expect(mapped.message).toContain('@shipVia');
    expect(mapped.position).toBe(25);
    expect(
      mapPgError(withProps(new Error('x'), { code: '57014' }), opts, { host: '', database: '', user: '' })
        .code,
    ).toBe('cancelled');
    expect(
      mapPgError(
        withProps(new Error('canceling statement due to statement timeout'), { code: '57014' }),
        opts,
        {
          host: '',
          database: '',
          user: '',
        },
      ).code,
    ).toBe('timeout');
    expect(
      mapPgError(withProps(new Error('deadlock detected'), { code: '40P01' }), opts, {
        host: '',
        database: '',
        user: '',
      }).code,
    ).toBe('timeout');
  });

  it('takes a socket errno shaped like a SQLSTATE (EPIPE) for a lost connection, not a server error', () => {
    const target = { host: 'db:5432', database: 'erp', user: 'x' };
    const epipe = withProps(new Error('write EPIPE'), { code: 'EPIPE', errno: -32, syscall: 'write' });
    expect(mapPgError(epipe, opts, target).code).toBe('connection-lost');
    expect(mapPgError(withProps(new Error('write EPIPE'), { code: 'EPIPE' }), opts, target).code).toBe(
      'connection-lost',
    );
  });

  it('maps mysql2 codes and MariaDB-only numbers', () => {
    const t = { host: 'db:3306' };
    expect(
      mapMysqlError(withProps(new Error('denied'), { code: 'ER_TABLEACCESS_DENIED_ERROR' }), opts, t).code,
    ).toBe('permission-denied');
    expect(
      mapMysqlError(withProps(new Error('max_statement_time exceeded'), { errno: 1969 }), opts, t).code,
    ).toBe('timeout');
    expect(
      mapMysqlError(withProps(new Error('conn'), { code: 'PROTOCOL_CONNECTION_LOST' }), opts, t).code,
    ).toBe('connection-lost');
  });

  it('maps SQLite result codes', () => {
    const sqlite = (code: string, msg: string): ErpError =>
      mapSqliteError(withProps(new Error(msg), { code }), opts, '/x.db');
    expect(sqlite('SQLITE_CANTOPEN', 'unable to open database file').code).toBe('database-not-found');
    expect(sqlite('SQLITE_READONLY', 'attempt to write a readonly database').code).toBe('permission-denied');
    expect(sqlite('SQLITE_BUSY', 'database is locked').code).toBe('timeout');
    expect(sqlite('SQLITE_CONSTRAINT_UNIQUE', 'UNIQUE constraint failed').code).toBe('constraint-violation');
    expect(sqlite('SQLITE_ERROR', 'near "SELEC": syntax error').code).toBe('syntax-error');
  });

  it('removes passwords and URL credentials from driver text', () => {
    expect(scrubSecrets('connect to postgres://erp:hunter22@db/erp failed', [])).toBe(
      'connect to postgres://erp:[redacted]@db/erp failed',
    );
    expect(scrubSecrets('bad password hunter22 given', ['hunter22'])).toBe('bad password [redacted] given');
  });
});
