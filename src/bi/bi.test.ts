import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import Fastify from 'fastify';
import { asyncBufferFromFile, parquetMetadataAsync, parquetReadObjects } from 'hyparquet';
import { beforeAll, describe, expect, it } from 'vitest';
import { saveSegmentation, segmentSnapshot } from '../insights/index.js';
import { type MonitoredBusiness, monitoredAt, monitoredBusiness } from '../monitoring/testing/drifted-business.test-support.js';
import { loadScorer, savePredictions, scoreCustomers } from '../scoring/index.js';
import type { ServingDeps } from '../serving/deps.js';
import { monitoringRoutes } from '../serving/routes/monitoring/index.js';
import { churnKpis, datasetColumns, datasetCsv, pseudonymId, safeCell, scoredCustomers, writeBi } from './index.js';

describe('formula-injection guard', () => {
  it('prefixes text starting with = + - @ tab or CR with an apostrophe and keeps numbers numeric', () => {
    expect(['=1+1', '+A1', '-2+3', '@SUM(A1)', '\tx', '\rx', 'Paris', ''].map(safeCell)).toEqual([
      "'=1+1",
      "'+A1",
      "'-2+3",
      "'@SUM(A1)",
      "'\tx",
      "'\rx",
      'Paris',
      '',
    ]);
    expect([-12.5, 0, 3, null, Number.NaN].map(safeCell)).toEqual(['-12.5', '0', '3', '', '']);
  });
});

describe('BI export and KPIs on a generated, scored business', () => {
  let b: MonitoredBusiness;
  let dir: string;
  let csv: Record<string, string>[];
  let segmentRun: string;
  beforeAll(async () => {
    b = await monitoredBusiness(false);
    const result = await scoreCustomers(b.store, loadScorer(b.artifact), { at: monitoredAt });
    await savePredictions(b.store, result);
    const first = result.customers[0].customerId;
    await b.store.run('UPDATE customers SET city = ? WHERE customer_id = ?', ['=HYPERLINK("http://x")', first]);
    // Four segments of the scored date; one customer left out of the run must still be exported, as "(unsegmented)".
    segmentRun = (
      await saveSegmentation(b.store, await segmentSnapshot(b.store, { k: 4, seed: 7, reportKs: [4], at: monitoredAt }))
    ).run_id;
    await b.store.run('DELETE FROM customer_segments WHERE run_id = ? AND customer_id = ?', [segmentRun, first]);
    dir = path.join(b.config.projectDir, 'bi');
    await writeBi(b.store, dir, { hmacKey: 'key-one' });
    csv = parse(readFileSync(path.join(dir, 'tableau_ready_dataset.csv'), 'utf8'), { columns: true });
  }, 120_000);

  it('writes one row per active customer with keyed pseudonyms, unlinkable without the key', async () => {
    const [{ n }] = await b.store.all<{ n: number }>(
      "SELECT COUNT(*) AS n FROM predictions WHERE source = 'batch_score' AND snapshot_date = ?",
      [monitoredAt],
    );
    expect(csv.length).toBe(Number(n));
    const raw = (await scoredCustomers(b.store)).map((c) => c.customerId);
    const keys = csv.map((r) => r.customer_key);
    expect(new Set(keys).size).toBe(raw.length);
    expect(keys).toEqual(raw.map((id) => pseudonymId('key-one', id)));
    for (const k of keys.slice(0, 50)) expect(raw).not.toContain(k);
    expect(pseudonymId('key-two', raw[0])).not.toBe(keys[0]);
    const rawCsv = datasetCsv(await scoredCustomers(b.store), { hmacKey: 'x', rawIds: true });
    expect(rawCsv).toContain(`\n${raw[0]},`);
  });

  it('writes the same rows and columns as Parquet, typed, and read back they equal the CSV cell by cell', async () => {
    const { files, rows } = await writeBi(b.store, dir, { hmacKey: 'key-one', format: 'parquet' });
    expect(files[0]).toBe(path.join(dir, 'tableau_ready_dataset.parquet'));
    const file = await asyncBufferFromFile(files[0]);
    const meta = await parquetMetadataAsync(file);
    const types = Object.fromEntries(meta.schema.slice(1).map((e) => [e.name, [e.type, e.converted_type ?? null]]));
    expect(Object.keys(types)).toEqual(datasetColumns.map(([n]) => n));
    expect(types).toMatchObject({
      customer_key: ['BYTE_ARRAY', 'UTF8'],
      monthly_price: ['DOUBLE', null],
      tenure_days: ['INT32', 'INT_32'],
      churn_flag: ['INT32', 'INT_32'],
      snapshot_date: ['INT32', 'DATE'],
      scored_at: ['INT64', 'TIMESTAMP_MILLIS'],
    });
    const back = (await parquetReadObjects({ file })) as Record<string, unknown>[];
    expect(rows).toBe(csv.length);
    expect(back.length).toBe(csv.length);
    // The CSV is the Parquet value through the CSV rules: dates as YYYY-MM-DD, timestamps as ISO, text neutralised.
    const asCsv = (name: string, v: unknown) =>
      v instanceof Date
        ? name === 'snapshot_date'
          ? v.toISOString().slice(0, 10)
          : v.toISOString()
        : safeCell(v as string | number | null);
    for (let i = 0; i < csv.length; i++)
      for (const [name] of datasetColumns) expect(asCsv(name, back[i][name]), `row ${i} ${name}`).toBe(csv[i][name]);
    expect(back[0].city).toBe('=HYPERLINK("http://x")');
    expect(back[0].snapshot_date).toEqual(new Date(`${monitoredAt}T00:00:00Z`));
    expect(typeof back[0].churn_probability).toBe('number');
  });

  it('neutralises a formula cell coming from the data', () => {
    expect(csv[0].city).toBe('\'=HYPERLINK("http://x")');
    expect(csv.every((r) => !/^[=+\-@]/.test(r.city))).toBe(true);
  });

  it('KPIs in the markdown and GET /kpis equal SQL totals over the predictions table', async () => {
    const [t] = await b.store.all<{ n: number; p: number; flagged: number }>(
      "SELECT COUNT(*) AS n, AVG(probability) AS p, SUM(decision) AS flagged FROM predictions WHERE source = 'batch_score'",
    );
    const buckets = await b.store.all<{ risk_bucket: string; n: number }>(
      "SELECT risk_bucket, COUNT(*) AS n FROM predictions WHERE source = 'batch_score' GROUP BY risk_bucket ORDER BY risk_bucket",
    );
    const k = await churnKpis(b.store);
    expect(k.total.customers).toBe(Number(t.n));
    expect(k.total.predictedChurnRate).toBeCloseTo(Number(t.p), 12);
    expect(k.total.flagged).toBe(Number(t.flagged));
    expect(k.byRiskBucket.map((g) => [g.group, g.customers])).toEqual(buckets.map((r) => [r.risk_bucket, Number(r.n)]));
    const risk = csv.reduce((s, r) => s + Number(r.revenue_at_risk || 0), 0);
    expect(k.total.revenueAtRiskMonthly).toBeCloseTo(risk, 0);
    expect(k.realised?.cohortDate).toBe('2025-11-05');
    expect(k.realised?.subscriptionChurnRate).toBeGreaterThan(0);
    const md = readFileSync(path.join(dir, 'churn_kpis.md'), 'utf8');
    expect(md).toContain(`| active customers | ${t.n} |`);
    expect(md).toContain(`| predicted churn rate | ${(Number(t.p) * 100).toFixed(2)} % |`);
    expect(md).toContain(`| revenue at risk, annualised | ${(k.total.revenueAtRiskMonthly * 12).toFixed(2)} |`);
    for (const g of buckets) expect(md).toMatch(new RegExp(`\\| ${g.risk_bucket} \\| ${g.n} \\|`));

    const app = Fastify();
    const deps = { store: b.store, models: { peek: () => null } } as unknown as ServingDeps;
    await app.register(async (a) => monitoringRoutes(a, deps));
    const res = await app.inject({ method: 'GET', url: '/kpis' });
    expect(res.statusCode).toBe(200);
    expect(res.json().total.customers).toBe(Number(t.n));
    await app.close();
  });

  it('fills the segment column from the newest segmentation and gives KPIs by segment equal to SQL totals', async () => {
    const members = await b.store.all<{ customer_id: string; segment_name: string }>(
      'SELECT customer_id, segment_name FROM customer_segments WHERE run_id = ?',
      [segmentRun],
    );
    const nameOf = new Map(members.map((m) => [m.customer_id, m.segment_name]));
    const ids = (await scoredCustomers(b.store)).map((c) => c.customerId);
    expect(csv.map((r) => r.segment)).toEqual(ids.map((id) => nameOf.get(id) ?? ''));
    expect(csv.filter((r) => r.segment === '').length).toBe(1);

    const sql = await b.store.all<{ segment_name: string | null; n: number; p: number }>(
      `SELECT s.segment_name, COUNT(*) AS n, AVG(p.probability) AS p
         FROM predictions p LEFT JOIN customer_segments s ON s.customer_id = p.customer_ref AND s.run_id = ?
        WHERE p.source = 'batch_score' AND p.snapshot_date = ? GROUP BY s.segment_name`,
      [segmentRun, monitoredAt],
    );
    const expected = sql
      .map((r) => ({ group: r.segment_name ?? '(unsegmented)', customers: Number(r.n), p: Number(r.p) }))
      .sort((x, y) => (x.group < y.group ? -1 : 1));
    const k = await churnKpis(b.store);
    expect(k.bySegment.map((g) => [g.group, g.customers])).toEqual(expected.map((e) => [e.group, e.customers]));
    expect(expected.length).toBe(5);
    for (const [i, g] of k.bySegment.entries()) expect(g.predictedChurnRate).toBeCloseTo(expected[i].p, 12);
    const md = readFileSync(path.join(dir, 'churn_kpis.md'), 'utf8');
    expect(md).toContain('## By segment');
    for (const e of expected) expect(md).toContain(`| ${e.group} | ${e.customers} | ${(e.p * 100).toFixed(2)} % |`);
  });
});
