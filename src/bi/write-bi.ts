/** `churn bi export`: the dataset, the KPI page and the dashboard wireframe, written to the bi/ folder. */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Store } from '../store/index.js';
import { type ExportOptions, exportDataset } from './export-dataset.js';
import { type ChurnKpis, churnKpis } from './kpis.js';
import { kpisMarkdown } from './kpis-markdown.js';
import { dashboardWireframe } from './wireframe.js';

/** Writes the three files into `dir`; returns their paths, the row count and the KPIs. */
export async function writeBi(
  store: Store,
  dir: string,
  o: ExportOptions,
): Promise<{ files: string[]; rows: number; kpis: ChurnKpis }> {
  const { file, rows } = await exportDataset(store, dir, o);
  const kpis = await churnKpis(store);
  const kpiFile = path.join(dir, 'churn_kpis.md');
  writeFileSync(kpiFile, kpisMarkdown(kpis));
  const wireFile = path.join(dir, 'dashboard_wireframe.md');
  writeFileSync(wireFile, dashboardWireframe());
  return { files: [file, kpiFile, wireFile], rows, kpis };
}
