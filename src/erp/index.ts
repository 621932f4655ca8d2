/** ERP database layer: one interface over SQL Server, PostgreSQL, MySQL/MariaDB and SQLite. */
export { openErp } from './open-erp.js';
export { ErpError, isErpError } from './errors.js';
export { describeErpConfig, safeUrl } from './describe-config.js';
export { parseNamedParams, bindNamedParams } from './named-params.js';
export type { NamedParamToken, SqlDialect, BoundStatement, PlaceholderStyle } from './named-params.js';
export { dialectFacts, quoteIdent, quoteQualified, limitClause, buildUpsert } from './dialect.js';
export type { DialectFacts, UpsertPlan } from './dialect.js';
export type * from './types.js';
