/** The BI layer: the Tableau / Power BI dataset, pseudonymised ids, formula-safe cells, and the churn KPIs. */
export { datasetColumns } from './dataset-columns.js';
export { writeDatasetParquet } from './dataset-parquet.js';
export { datasetCsv, type ExportOptions, exportDataset } from './export-dataset.js';
export { type ChurnKpis, churnKpis, type GroupKpis, type RealisedChurn, realisedChurn } from './kpis.js';
export { kpisMarkdown } from './kpis-markdown.js';
export { pseudonymId } from './pseudonymise.js';
export { safeCell } from './safe-cell.js';
export { latestScoredBatch, type ScoredCustomer, scoredCustomers } from './scored-customers.js';
export { dashboardWireframe } from './wireframe.js';
export { writeBi } from './write-bi.js';
