/** The training report: one self-contained HTML file (inline CSS and SVG; no scripts, fonts or network). */
import { calibrationSection } from './sections/calibration.js';
import { comparisonSection } from './sections/comparison.js';
import { curvesSection } from './sections/curves.js';
import { importanceSection } from './sections/importance.js';
import { summarySection } from './sections/summary.js';
import { thresholdSection } from './sections/threshold.js';
import { trustSection } from './sections/trust.js';
import { REPORT_CSS } from './style.js';
import { esc } from './svg/markup.js';
import type { TrainingReportInput } from './types.js';

const toc: [string, string][] = [
  ['summary', 'Summary'],
  ['comparison', 'Comparison'],
  ['curves', 'ROC & PR'],
  ['calibration', 'Calibration'],
  ['threshold', 'Threshold'],
  ['importance', 'Importance'],
  ['trust', 'Trust'],
];

/**
 * Renders the report. Pure: the same input gives the same bytes (leave `generatedAt` out for a
 * reproducible file). Everything a reader sees is inside the one file, so it can be mailed or archived.
 */
export function renderTrainingReport(input: TrainingReportInput): string {
  const title = input.title ?? 'Churn model training report';
  const meta = [
    `model <code>${esc(input.modelId)}</code>`,
    input.codeVersion ? `churnlab ${esc(input.codeVersion)}` : '',
    input.generatedAt ? `generated ${esc(input.generatedAt)}` : '',
    input.source === 'snapshots' ? 'trained on point-in-time snapshots' : 'trained on a flat table',
  ].filter(Boolean);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<title>${esc(title)} — ${esc(input.modelId)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<header class="top"><div class="inner"><h1>${esc(title)}</h1><p>${meta.join(' · ')}</p></div></header>
<nav class="toc" aria-label="Sections">${toc.map(([id, name]) => `<a href="#${id}">${name}</a>`).join('')}</nav>
<main>
${summarySection(input)}
${comparisonSection(input)}
${curvesSection(input)}
${calibrationSection(input)}
${thresholdSection(input)}
${importanceSection(input)}
${trustSection(input)}
</main>
<footer>A self-contained file: no scripts, fonts or other resources are loaded from anywhere.</footer>
</body>
</html>
`;
}
