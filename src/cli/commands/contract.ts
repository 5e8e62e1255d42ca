/** `churn contract [--json]`: the five raw-table contracts, readable or as one JSON Schema document. */
import type { Command } from 'commander';
import { type ColumnSpec, columnSpecs, contracts, type RawTableName, rawTableNames } from '../../data/index.js';
import { action } from '../context.js';

/** All raw-table schemas in one JSON Schema (2020-12) document; keys and foreign keys as `x-` annotations. */
export function contractJsonSchema(): Record<string, unknown> {
  const defs: Record<string, unknown> = {};
  for (const t of rawTableNames) {
    const c = contracts[t];
    // Round-trip through JSON drops TypeBox's symbol keys, leaving plain JSON Schema.
    defs[t] = {
      ...JSON.parse(JSON.stringify(c.schema)),
      'x-primaryKey': c.primaryKey,
      'x-foreignKeys': c.foreignKeys.map((fk) => ({
        column: fk.column,
        references: `${fk.references.table}.${fk.references.column}`,
      })),
      'x-dateColumn': c.dateColumn,
      'x-csvFile': `${t}.csv`,
    };
  }
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://churnlab.dev/schemas/raw-tables.json',
    title: 'churnlab raw tables',
    description: 'One row of each raw table as loaded from CSV (`churn load`) or generated (`churn generate`).',
    $defs: defs,
  };
}

function allowed(c: ColumnSpec): string {
  switch (c.kind) {
    case 'enum':
      return (c.values ?? []).join(' | ');
    case 'integer':
    case 'number':
      return `${c.minimum ?? '−∞'} … ${c.maximum ?? '∞'}`;
    case 'date':
      return 'YYYY-MM-DD (a real day)';
    case 'string': {
      const length = c.minLength === c.maxLength ? `${c.minLength}` : `${c.minLength ?? 0}–${c.maxLength ?? '∞'}`;
      return `${length} chars${c.pattern ? ` matching ${c.pattern}` : ''}`;
    }
  }
}

/** The contract of one table as an aligned text block. */
export function describeTable(table: RawTableName): string {
  const c = contracts[table];
  const rows = columnSpecs(table).map((s) => [s.name, s.kind, s.nullable ? 'yes' : 'no', allowed(s), s.description]);
  const head = ['column', 'type', 'null', 'allowed values', 'description'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    `  ${cells
      .map((x, i) => x.padEnd(widths[i]))
      .join('  ')
      .trimEnd()}`;
  const fks = c.foreignKeys.map((fk) => `${fk.column} → ${fk.references.table}.${fk.references.column}`);
  return [
    `${table} (${table}.csv) — primary key (${c.primaryKey.join(', ')})${c.dateColumn ? `, dated by ${c.dateColumn}` : ''}`,
    line(head),
    ...rows.map(line),
    ...(fks.length ? [`  foreign keys: ${fks.join('; ')}`] : []),
  ].join('\n');
}

export function registerContract(program: Command): void {
  program
    .command('contract')
    .description('Print the data contract of the five raw tables (columns, types, ranges, enums, keys)')
    .option('--json', 'print all tables as one JSON Schema document')
    .action(
      action((options: { json?: boolean }) => {
        if (options.json) console.log(JSON.stringify(contractJsonSchema(), null, 2));
        else console.log(rawTableNames.map(describeTable).join('\n\n'));
      }),
    );
}
