import { MSSQL_URL, sqlServerDb } from './databases.js';
import { sampleErpSuite } from './suite.js';

// SQL Server only when MSSQL_URL names one
sampleErpSuite('SQL Server', () => sqlServerDb(MSSQL_URL ?? ''), MSSQL_URL !== undefined && MSSQL_URL !== '');
