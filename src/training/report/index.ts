/** The training report: a self-contained HTML file with inline-SVG charts, rendered from plain data. */
export { reportInputFromArtifact } from './from-artifact.js';
export { renderTrainingReport } from './render.js';
export { type BarChartSpec, type BarItem, horizontalBarChart } from './svg/bar-chart.js';
export { type CalibrationSpec, calibrationPlot } from './svg/calibration-plot.js';
export { type ConfusionCounts, type ConfusionSpec, confusionMatrixChart } from './svg/confusion-matrix.js';
export { type LineChartSpec, type LineSeries, lineChart, type XMarker } from './svg/line-chart.js';
export type { ReportCandidate, ReportCurve, ReportMetrics, TrainingReportInput } from './types.js';
