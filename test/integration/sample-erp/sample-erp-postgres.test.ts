import { PG_URL, postgresDb, reachable } from './databases.js';
import { sampleErpSuite } from './suite.js';

// In CI a missing PostgreSQL fails the run instead of skipping it
const enabled = process.env['CI'] === 'true' || (await reachable({ driver: 'postgres', url: PG_URL }));
sampleErpSuite('PostgreSQL', postgresDb, enabled);
