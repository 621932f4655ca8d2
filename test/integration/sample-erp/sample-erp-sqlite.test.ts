import { sqliteDb } from './databases.js';
import { sampleErpSuite } from './suite.js';

sampleErpSuite('SQLite', sqliteDb, true);
