/** The generator's synthetic business as row objects, so the leakage test can rewrite its future. */
import {
  contracts,
  type GenerateOptions,
  generateBusiness,
  memorySink,
  type RawTableName,
  rawTableNames,
} from '../../data/index.js';
import type { BusinessFixture } from './fixture.js';

/** Generates a business in memory and returns its rows keyed by table, as objects with contract column names. */
export async function generatedTables(options: GenerateOptions): Promise<BusinessFixture['rows']> {
  const sink = memorySink();
  await generateBusiness(options, sink);
  const out = {} as BusinessFixture['rows'];
  for (const t of rawTableNames as readonly RawTableName[]) {
    const cols = contracts[t].columns;
    out[t] = sink.tables[t].map((row) => Object.fromEntries(cols.map((c, i) => [c, row[i]])));
  }
  return out;
}
