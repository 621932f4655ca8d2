import type { ErpConfig, ErpConnection } from './types.js';

/**
 * Opens a pooled connection to the ERP database and checks it works (one round trip), so a wrong
 * password or host fails here with an ErpError rather than on the first statement.
 * Drivers are loaded on demand: a SQLite user never loads tedious.
 */
export async function openErp(config: ErpConfig): Promise<ErpConnection> {
  switch (config.driver) {
    case 'sqlite':
      return (await import('./sqlite-driver.js')).openSqlite(config);
    case 'postgres':
      return (await import('./postgres-driver.js')).openPostgres(config);
    case 'mysql':
      return (await import('./mysql-driver.js')).openMysql(config);
    case 'sqlserver':
      return (await import('./sqlserver-driver.js')).openSqlServer(config);
    default: {
      // settings files are edited by people: name the bad value instead of failing somewhere later
      const driver = String((config as { driver?: unknown }).driver);
      throw new TypeError(`unknown ERP driver "${driver}"; use sqlserver, postgres, mysql or sqlite`);
    }
  }
}
