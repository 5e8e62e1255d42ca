export { type Dialect, postgresDialect, sqliteDialect } from './dialect.js';
export { redactUrl, type StoreErrorReason } from './errors.js';
export { type Migration, migrations } from './migrations/index.js';
export { type OpenOptions, openStore } from './open.js';
export { PostgresStore } from './postgres.js';
export { dropRawTableIndexes, rawTableIndexes, restoreRawTableIndexes } from './raw-indexes.js';
export { SqliteStore } from './sqlite.js';
export type { Engine, InsertOptions, OnConflict, Row, Store } from './store.js';
