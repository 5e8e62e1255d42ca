export * from './contract/index.js';
export * from './generate/index.js';
export * from './ingest/index.js';
export * from './quality/index.js';
