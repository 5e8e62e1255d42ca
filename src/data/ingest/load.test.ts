import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { closeAllStores, engines } from '../../../test/helpers/stores.js';
import { isChurnError } from '../../errors/index.js';
import type { Store } from '../../store/index.js';
import { type LoadOptions, type LoadSummary, loadCsvFiles } from './index.js';

afterAll(closeAllStores);

const fixture = (name: string) => path.join('test', 'fixtures', 'csv', name);
const tmp = () => mkdtempSync(path.join(tmpdir(), 'churn-load-'));

async function load(store: Store, paths: string[], options: LoadOptions = {}): Promise<LoadSummary> {
  const summary = await loadCsvFiles(store, paths, { quarantineDir: tmp(), ...options });
  for (const f of summary.files) expect(f.read).toBe(f.loaded + f.quarantined);
  expect(summary.read).toBe(summary.loaded + summary.quarantined);
  return summary;
}

const counts = (s: LoadSummary) => s.files.map((f) => [path.basename(f.file), f.read, f.loaded, f.quarantined]);

async function rows(store: Store, table: string): Promise<number> {
  const [{ n }] = await store.all<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table}`);
  return n;
}

/** Quarantine file rows as [line, column, reason, raw]. */
function quarantined(file: string | null): string[][] {
  const records = parse(readFileSync(file ?? '', 'utf8'), { columns: true }) as Record<string, string>[];
  return records.map((r) => [r.line, r.column, r.reason, r.raw_row]);
}

async function loadError(p: Promise<unknown>) {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  if (!isChurnError(e)) throw new Error(`expected a ChurnError, got ${String(e)}`);
  return e;
}

describe.each(engines)('CSV load on $name', ({ open }) => {
  it('loads a clean business in FK order, and a re-run adds nothing', async () => {
    const s = await open();
    const first = await load(s, [fixture('clean')]);
    const expected = [
      ['customers.csv', 5, 5, 0],
      ['subscriptions.csv', 6, 6, 0],
      ['usage_daily.csv', 8, 8, 0],
      ['payments.csv', 8, 8, 0],
      ['support_tickets.csv', 3, 3, 0],
    ];
    expect(counts(first)).toEqual(expected);
    const second = await load(s, [fixture('clean')]);
    expect(counts(second)).toEqual(expected);
    for (const [table, n] of [
      ['customers', 5],
      ['subscriptions', 6],
      ['usage_daily', 8],
      ['payments', 8],
      ['support_tickets', 3],
    ] as const)
      expect(await rows(s, table)).toBe(n);
    expect(await s.all("SELECT city FROM customers WHERE customer_id = 'C004'")).toEqual([{ city: 'Trondheim, Sør' }]);
  });

  it('handles a BOM, CRLF, quoted commas and newlines with right line numbers', async () => {
    const s = await open();
    for (const batchRows of [8192, 2]) {
      const summary = await load(s, [fixture('bom-crlf')], { batchRows });
      expect(counts(summary)).toEqual([['customers.csv', 6, 4, 2]]);
      expect(summary.files[0].blankLines).toBe(1);
      expect(quarantined(summary.files[0].quarantineFile)).toEqual([
        ['6', 'birth_year', 'not_integer', 'C003,2025-01-05,19x0,Other,West,Bergen,Web,Referral'],
        ['10', 'signup_date', 'invalid_date', 'C005,2025-02-30,2001,Female,North,Oslo,iOS,Social'],
      ]);
    }
    expect(await s.all('SELECT customer_id, city FROM customers ORDER BY customer_id')).toEqual([
      { customer_id: 'C001', city: 'Oslo, "Sentrum"' },
      { customer_id: 'C002', city: 'Line one\r\nline two' },
      { customer_id: 'C004', city: 'a\r\nb\r\nc' },
      { customer_id: 'C006', city: 'Oslo' },
    ]);
  });

  it('quarantines a truncated last line and keeps the rest', async () => {
    const s = await open();
    const cut = await load(s, [fixture('truncated')]);
    expect(counts(cut)).toEqual([['customers.csv', 3, 2, 1]]);
    expect(quarantined(cut.files[0].quarantineFile)).toEqual([['4', '', 'truncated_row', 'C003,2025-01-0']]);
    const inQuotes = await load(s, [fixture('truncated-quote')]);
    expect(counts(inQuotes)).toEqual([['customers.csv', 2, 1, 1]]);
    expect(inQuotes.byReason).toEqual({ truncated_row: 1 });
    expect(quarantined(inQuotes.files[0].quarantineFile)[0].slice(0, 3)).toEqual(['3', '', 'truncated_row']);
  });

  it('quarantines rows with extra or missing cells', async () => {
    const s = await open();
    const summary = await load(s, [fixture('cells')]);
    expect(counts(summary)).toEqual([['customers.csv', 4, 2, 2]]);
    expect(quarantined(summary.files[0].quarantineFile).map((r) => [r[0], r[2]])).toEqual([
      ['3', 'column_count'],
      ['4', 'column_count'],
    ]);
  });

  it('parses numbers and dates strictly and names each bad value', async () => {
    const s = await open();
    const summary = await load(s, [fixture('values')]);
    expect(counts(summary)).toEqual([
      ['customers.csv', 8, 1, 7],
      ['subscriptions.csv', 6, 1, 5],
    ]);
    expect(summary.files[0].byReason).toEqual({
      not_integer: 2,
      invalid_date: 1,
      not_in_enum: 1,
      out_of_range: 1,
      missing_value: 1,
      invalid_format: 1,
    });
    expect(summary.files[1].byReason).toEqual({ not_number: 3, out_of_range: 1, invalid_date: 1 });
    expect(await s.all('SELECT subscription_id, monthly_price FROM subscriptions')).toEqual([
      { subscription_id: 'S006', monthly_price: 9.99 },
    ]);
  });

  it('quarantines repeated primary keys and keeps the first occurrence', async () => {
    const s = await open();
    for (const batchRows of [8192, 1]) {
      const summary = await load(s, [fixture('duplicates')], { batchRows, transactionRows: 2 });
      expect(counts(summary)).toEqual([
        ['customers.csv', 5, 3, 2],
        ['usage_daily.csv', 4, 3, 1],
      ]);
      expect(summary.byReason).toEqual({ duplicate_key: 3 });
    }
    expect(await s.all("SELECT signup_date FROM customers WHERE customer_id = 'C001'")).toEqual([{ signup_date: '2025-01-01' }]);
    expect(await s.all("SELECT sessions FROM usage_daily WHERE customer_id = 'C001' AND activity_date = '2025-01-01'")).toEqual([
      { sessions: 1 },
    ]);
  });

  it('quarantines children whose customer or subscription is unknown or was itself quarantined', async () => {
    const s = await open();
    const summary = await load(s, [fixture('orphans')]);
    expect(counts(summary)).toEqual([
      ['customers.csv', 2, 2, 0],
      ['subscriptions.csv', 2, 1, 1],
      ['usage_daily.csv', 2, 1, 1],
      ['payments.csv', 4, 2, 2],
    ]);
    expect(summary.byReason).toEqual({ foreign_key: 4 });
    expect(summary.skipped).toEqual([path.join(fixture('orphans'), 'notes.csv')]);
    expect(quarantined(summary.files[3].quarantineFile).map((r) => [r[0], r[1]])).toEqual([
      ['3', 'customer_id'],
      ['4', 'subscription_id'],
    ]);
  });

  it('checks references against what earlier runs put in the store', async () => {
    const s = await open();
    await load(s, [path.join(fixture('orphans'), 'customers.csv')]);
    const later = await load(s, [
      path.join(fixture('orphans'), 'payments.csv'),
      path.join(fixture('orphans'), 'subscriptions.csv'),
    ]);
    expect(counts(later)).toEqual([
      ['subscriptions.csv', 2, 1, 1],
      ['payments.csv', 4, 2, 2],
    ]);
  });

  it('refuses a file with the wrong delimiter before writing any row of any file', async () => {
    const s = await open();
    const e = await loadError(load(s, [fixture('semicolon')]));
    expect(e.code).toBe('CHURN_ERR_CSV_FORMAT');
    expect(e.message).toContain('payments.csv: uses semicolon');
    expect(await rows(s, 'customers')).toBe(0);
  });

  it('names missing and unknown columns', async () => {
    const s = await open();
    const e = await loadError(load(s, [fixture('columns')]));
    expect(e.code).toBe('CHURN_ERR_CSV_COLUMNS');
    expect(e.context.problems).toMatchObject([{ missing: ['city'], unknown: ['email'] }]);
    expect(e.message).toContain('missing column city; unknown column "email"');
  });

  it('reports empty and header-only files instead of failing', async () => {
    const s = await open();
    const summary = await load(s, [fixture('empty'), fixture('header-only')]);
    expect(summary.files.map((f) => [f.status, f.read])).toEqual([
      ['empty', 0],
      ['header_only', 0],
    ]);
  });

  it('reads files with mixed CRLF and LF line ends', async () => {
    const s = await open();
    expect(counts(await load(s, [fixture('mixed')]))).toEqual([['customers.csv', 4, 4, 0]]);
    expect(await s.all("SELECT city FROM customers WHERE customer_id = 'C003'")).toEqual([{ city: 'two\nlines' }]);
  });

  it('maps any file name with --table, writes one quarantine file when asked, and refuses unknown names', async () => {
    const s = await open();
    const dir = tmp();
    const people = path.join(dir, 'people.csv');
    copyFileSync(path.join(fixture('values'), 'customers.csv'), people);
    const e = await loadError(load(s, [people]));
    expect(e.code).toBe('CHURN_ERR_PARAM');
    const quarantineFile = path.join(dir, 'rejected.csv');
    const summary = await load(s, [people], { table: 'customers', quarantineFile });
    expect(counts(summary)).toEqual([['people.csv', 8, 1, 7]]);
    expect(quarantined(quarantineFile)).toHaveLength(7);
  });
});

describe('a store failure during a load', () => {
  it('stops the load with the store error instead of hanging, and keeps nothing of the open transaction', async () => {
    const [sqlite] = engines;
    const real = await sqlite.open();
    let calls = 0;
    const failing = (s: Store): Store =>
      Object.assign(Object.create(s) as Store, {
        transaction: <T>(fn: (tx: Store) => Promise<T>) => s.transaction((tx) => fn(failing(tx))),
        insertMany: async (...args: Parameters<Store['insertMany']>) => {
          if (++calls === 3) throw new Error('disk full');
          return s.insertMany(...args);
        },
      });
    await expect(load(failing(real), [fixture('duplicates')], { batchRows: 1, transactionRows: 2 })).rejects.toThrow('disk full');
    expect(await rows(real, 'customers')).toBe(2);
  });
});
