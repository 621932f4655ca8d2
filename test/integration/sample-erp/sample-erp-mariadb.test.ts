import { MYSQL_URL, mysqlDb, reachable } from './databases.js';
import { sampleErpSuite } from './suite.js';

// In CI a missing MariaDB fails the run instead of skipping it
const enabled = process.env['CI'] === 'true' || (await reachable({ driver: 'mysql', url: MYSQL_URL }));
sampleErpSuite('MariaDB', mysqlDb, enabled);
