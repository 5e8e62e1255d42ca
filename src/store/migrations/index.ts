/** All migrations in order. Add a file `NNNN-name.ts` and list it here; never edit an applied migration. */
import { rawTables } from './0001-raw-tables.js';
import { operationalTables } from './0002-operational-tables.js';
import { customerSegments } from './0003-customer-segments.js';
import { predictionFeatures } from './0004-prediction-features.js';
import type { Migration } from './migration.js';

export type { Migration } from './migration.js';
export const migrations: readonly Migration[] = [rawTables, operationalTables, customerSegments, predictionFeatures];
