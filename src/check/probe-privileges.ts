/**
 * Check's least-privilege probe: the sync needs to read its source tables or views and write its write-back
 * targets, nothing more. A login that is sysadmin, superuser or holds global grants turns a mistake in a
 * profile (or a stolen password) into a lost database, so check warns and points at the README.
 */
import type { ErpConnection, Row } from '../erp/types.js';

const truthy = (v: unknown): boolean => v === true || v === 1 || v === '1' || v === 't' || v === 'true';

async function sqlServer(erp: ErpConnection): Promise<string[]> {
  const [row] = await erp.query<Row>(
    "SELECT IS_SRVROLEMEMBER('sysadmin') AS sysadmin, IS_MEMBER('db_owner') AS db_owner",
  );
  const out: string[] = [];
  if (truthy(row?.sysadmin)) out.push('is a member of the sysadmin server role');
  if (truthy(row?.db_owner)) out.push('is db_owner of the database');
  return out;
}

async function postgres(erp: ErpConnection): Promise<string[]> {
  const [row] = await erp.query<Row>(
    `SELECT r.rolsuper, r.rolcreaterole, r.rolbypassrls,
            (SELECT d.datdba = r.oid FROM pg_database d WHERE d.datname = current_database()) AS dbowner
       FROM pg_roles r WHERE r.rolname = current_user`,
  );
  const out: string[] = [];
  if (truthy(row?.rolsuper)) out.push('is a superuser');
  if (truthy(row?.rolcreaterole)) out.push('may create roles (CREATEROLE)');
  if (truthy(row?.rolbypassrls)) out.push('bypasses row-level security');
  if (truthy(row?.dbowner)) out.push('owns the database');
  return out;
}

async function mysql(erp: ErpConnection): Promise<string[]> {
  const rows = await erp.query<Row>('SHOW GRANTS FOR CURRENT_USER()');
  const out = new Set<string>();
  for (const row of rows) {
    const grant = String(Object.values(row)[0] ?? '');
    const global = /\bON\s+\*\.\*/i.test(grant);
    if (global && /\bALL PRIVILEGES\b/i.test(grant)) out.add('has ALL PRIVILEGES on every database (*.*)');
    else if (global && /\b(SUPER|CREATE USER|FILE|SHUTDOWN|PROCESS|RELOAD)\b/i.test(grant))
      out.add('has global administrative privileges (SUPER, FILE, CREATE USER ...)');
    if (/\bWITH GRANT OPTION\b/i.test(grant))
      out.add('may grant its privileges to others (WITH GRANT OPTION)');
  }
  return [...out];
}

/**
 * What the login can do beyond the sync's needs, in plain words (empty when nothing stands out). SQLite has
 * no logins: the file's permissions are the whole story. A server that cannot answer the question is not
 * an error: the probe says nothing then.
 */
export async function excessPrivileges(erp: ErpConnection): Promise<string[]> {
  try {
    if (erp.driver === 'sqlserver') return await sqlServer(erp);
    if (erp.driver === 'postgres') return await postgres(erp);
    if (erp.driver === 'mysql') return await mysql(erp);
    return [];
  } catch {
    return [];
  }
}
