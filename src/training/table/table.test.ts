import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { inferSchema } from './infer.js';
import { readTable } from './read-table.js';
import { tableFrame } from './table-frame.js';
import { readTarget } from './target.js';

const dir = mkdtempSync(path.join(tmpdir(), 'churn-table-'));
function csv(name: string, text: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}

// Telco-like: an id, yes/no, 0/1, a mostly-numeric column with a blank, a 3-level category, a date, a constant.
const telcoLike = csv(
  'telco-like.csv',
  [
    'customerID,Partner,Senior,TotalCharges,Contract,SignedOn,Country,Churn',
    'A-1,Yes,0,29.85,Month-to-month,2024-01-03,FR,No',
    'A-2,No,1, ,One year,2024-02-03,FR,Yes',
    'A-3,yes,0,108.15,Two year,2024-03-03,FR,No',
    'A-4,No,0,1840.75,Month-to-month,2024-04-03,FR,Yes',
  ].join('\n'),
);

describe('flat table schema inference', () => {
  it('types yes/no and 0/1 as booleans, mostly-numeric text as numbers, and drops ID-like, date and constant columns', () => {
    const table = readTable(telcoLike);
    const schema = inferSchema(table, 'Churn');
    expect(schema.inputs).toEqual([
      { name: 'Partner', type: 'boolean', categories: ['No', 'Yes'], required: false },
      { name: 'Senior', type: 'boolean', categories: ['0', '1'], required: false },
      { name: 'TotalCharges', type: 'numeric', required: false },
      { name: 'Contract', type: 'categorical', categories: ['Month-to-month', 'One year', 'Two year'], required: false },
    ]);
    expect(schema.dropped.map((d) => [d.name, d.reason.split(':')[0]])).toEqual([
      ['customerID', 'ID-like'],
      ['SignedOn', 'date'],
      ['Country', 'constant'],
    ]);
    expect(schema.idColumn).toBe('customerID');
  });

  it('reads blanks as missing and maps boolean spellings case-insensitively', () => {
    const table = readTable(telcoLike);
    const schema = inferSchema(table, 'Churn', 'customerID');
    const rows = table.rows.map((r) => Object.fromEntries(table.header.map((h, j) => [h, r[j]])));
    const frame = tableFrame(schema.inputs, rows, ['A-1', 'A-2', 'A-3', 'A-4']);
    expect(Array.from(frame.columns.Partner as Float64Array)).toEqual([1, 0, 1, 0]);
    expect(Array.from(frame.columns.TotalCharges as Float64Array)).toEqual([29.85, Number.NaN, 108.15, 1840.75]);
    expect(frame.columns.Contract).toEqual(['Month-to-month', 'One year', 'Two year', 'Month-to-month']);
  });

  it('rejects a scoring row with a bad cell, naming the column and the line', () => {
    const schema = inferSchema(readTable(telcoLike), 'Churn', 'customerID');
    expect(() => tableFrame(schema.inputs, [{ Partner: 'maybe', Senior: '0', TotalCharges: '1', Contract: 'x' }], ['r'])).toThrow(
      expect.objectContaining({ code: 'CHURN_ERR_VALIDATION', message: 'Partner (line 2): must be No or Yes (got "maybe")' }),
    );
    expect(() => tableFrame(schema.inputs, [{ Partner: 'No', Senior: '0', TotalCharges: 'n/a', Contract: 'x' }], ['r'])).toThrow(
      expect.objectContaining({ code: 'CHURN_ERR_VALIDATION', context: { field: 'TotalCharges', line: 2, row: 0 } }),
    );
  });
});

describe('flat table target', () => {
  it('guesses the positive value from yes / true / 1 and builds the 0/1 label', () => {
    const t = readTarget(readTable(telcoLike), 'Churn');
    expect(t.positive).toBe('Yes');
    expect(Array.from(t.label)).toEqual([0, 1, 0, 1]);
  });

  it('refuses blank targets with their lines, and targets with other than two values', () => {
    const blank = readTable(csv('blank.csv', 'x,y\n1,a\n2,\n3,b\n'));
    expect(() => readTarget(blank, 'y')).toThrow(
      expect.objectContaining({ code: 'CHURN_ERR_VALIDATION', context: { column: 'y', lines: [3] } }),
    );
    const three = readTable(csv('three.csv', 'x,y\n1,a\n2,b\n3,c\n'));
    expect(() => readTarget(three, 'y')).toThrow(/exactly two values \(found 3/);
    const unclear = readTable(csv('unclear.csv', 'x,y\n1,left\n2,stayed\n'));
    expect(() => readTarget(unclear, 'y')).toThrow(/pass --positive VALUE/);
    expect(readTarget(unclear, 'y', 'left').label).toEqual(Uint8Array.from([1, 0]));
  });
});
