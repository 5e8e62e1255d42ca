/** Referential integrity: every foreign key of the contract points at an existing row (the engines enforce it unless turned off). */
import { contracts, rawTableNames } from '../contract/index.js';
import { keySql, type QualityCheck } from './check.js';

/** One check per foreign key of the contract. */
export const referenceChecks: QualityCheck[] = rawTableNames.flatMap((table) =>
  contracts[table].foreignKeys.map(
    (fk): QualityCheck => ({
      id: `${table}.${fk.column}_exists`,
      description: `${table}.${fk.column} points at an existing ${fk.references.table}.${fk.references.column}`,
      severity: 'error',
      category: 'reference',
      sql: () =>
        `SELECT ${keySql(table, 'c')} AS key FROM ${table} c WHERE c.${fk.column} IS NOT NULL AND NOT EXISTS ` +
        `(SELECT 1 FROM ${fk.references.table} p WHERE p.${fk.references.column} = c.${fk.column})`,
    }),
  ),
);
