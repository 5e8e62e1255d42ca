/** Committing one batch of parsed rows: foreign-key and duplicate-key checks in file order, upsert of the good rows, quarantine of the rest. */
import type { Store } from '../../store/index.js';
import { contracts, type RawTableName, rawTableNames } from '../contract/index.js';
import type { KeySet } from './key-set.js';
import type { QuarantinedRow, QuarantineWriter } from './quarantine.js';
import type { RowProblem } from './reasons.js';
import type { ReferenceIndex } from './references.js';
import type { ReasonCounts } from './summary.js';

/** A parsed row waiting for its batch: typed values, or the problem already found. */
export interface PendingRow {
  line: number;
  raw: string;
  /** Cells the parser found (0 when the row could not be parsed). */
  cells: number;
  values: unknown[] | null;
  problem: RowProblem | null;
}

/** Everything a batch commit needs from its load run. */
export interface BatchTarget {
  store: Store;
  table: RawTableName;
  sourceFile: string;
  references: ReferenceIndex;
  /** Primary keys written to this table earlier in this run. */
  loadedKeys: KeySet;
  quarantine: QuarantineWriter;
}

/** Columns other tables reference, e.g. customers.customer_id: loaded keys are remembered for later files' checks. */
const referencedColumns = new Map<RawTableName, string[]>();
for (const t of rawTableNames)
  for (const fk of contracts[t].foreignKeys) {
    const list = referencedColumns.get(fk.references.table) ?? [];
    if (!list.includes(fk.references.column)) list.push(fk.references.column);
    referencedColumns.set(fk.references.table, list);
  }

const show = (v: unknown) => JSON.stringify(v);

/** Checks and writes `rows`; returns the rows loaded and the rejected rows' reasons. */
export async function commitBatch(
  target: BatchTarget,
  rows: readonly PendingRow[],
): Promise<{ loaded: number; byReason: ReasonCounts }> {
  const { store, table, references, loadedKeys } = target;
  const contract = contracts[table];
  const fks: ForeignKeyCheck[] = contract.foreignKeys.map((fk) => ({
    ...fk,
    at: contract.columns.indexOf(fk.column),
    existing: references.existing(fk.references.table, fk.references.column),
  }));
  const pk = contract.primaryKey.map((c) => contract.columns.indexOf(c));
  for (const fk of fks) {
    const keys = new Set<string>();
    for (const r of rows) if (r.values && r.values[fk.at] !== null) keys.add(String(r.values[fk.at]));
    await references.resolve(store, fk.references.table, fk.references.column, keys);
  }
  const good: unknown[][] = [];
  const rejected: QuarantinedRow[] = [];
  const byReason: ReasonCounts = {};
  for (const r of rows) {
    let problem = r.problem;
    if (!problem && r.values)
      problem = referenceProblem(r.values, fks) ?? duplicateProblem(r.values, pk, contract.primaryKey, loadedKeys);
    if (problem) {
      rejected.push({ sourceFile: target.sourceFile, line: r.line, raw: r.raw, ...problem });
      byReason[problem.reason] = (byReason[problem.reason] ?? 0) + 1;
    } else if (r.values) good.push(r.values);
  }
  if (good.length)
    await store.insertMany(table, contract.columns, good, {
      onConflict: 'upsert',
      conflictColumns: contract.primaryKey,
      distinctKeys: true,
    });
  for (const column of referencedColumns.get(table) ?? []) {
    const at = contract.columns.indexOf(column);
    references.remember(
      table,
      column,
      good.map((v) => String(v[at])),
    );
  }
  await target.quarantine.write(rejected);
  return { loaded: good.length, byReason };
}

interface ForeignKeyCheck {
  column: string;
  at: number;
  references: { table: RawTableName; column: string };
  existing: { has(key: string): boolean };
}

function referenceProblem(values: unknown[], fks: ForeignKeyCheck[]): RowProblem | null {
  for (const fk of fks) {
    const v = values[fk.at];
    if (v === null || fk.existing.has(String(v))) continue;
    return {
      column: fk.column,
      reason: 'foreign_key',
      detail: `${fk.column} ${show(v)} is not in ${fk.references.table}.${fk.references.column} (neither in the store nor loaded earlier in this run)`,
    };
  }
  return null;
}

function duplicateProblem(values: unknown[], at: number[], names: string[], loadedKeys: KeySet): RowProblem | null {
  let key = String(values[at[0]]);
  for (let i = 1; i < at.length; i++) key += `\u0001${values[at[i]]}`;
  if (loadedKeys.add(key)) return null;
  const shown = names.map((c, i) => `${c}=${show(values[at[i]])}`).join(', ');
  return {
    column: names.join('+'),
    reason: 'duplicate_key',
    detail: `${shown} already appeared earlier in this load; the first occurrence was kept`,
  };
}
