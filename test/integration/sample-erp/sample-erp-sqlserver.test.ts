import { MSSQL_URL, sqlServerDb } from './databases.js';
import { sampleErpSuite } from './suite.js';

// SQL Server whenever MSSQL_URL names one; CI (which starts the Babelfish endpoint) fails without it
const CI = process.env['CI'] === 'true';
sampleErpSuite(
  'SQL Server',
  () => {
    if (!MSSQL_URL)
      throw new Error('MSSQL_URL is not set: .ci/run starts the SQL Server endpoint and exports it');
    return sqlServerDb(MSSQL_URL);
  },
  CI || (MSSQL_URL !== undefined && MSSQL_URL !== ''),
);
