export * from './enums.js';
export { contracts, type RawTableName, rawTableNames, type TableContract } from './registry.js';
export * from './tables.js';
