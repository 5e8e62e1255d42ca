import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createArtifact } from '../../registry/index.js';
import { sampleDraft } from '../../registry/sample-draft.test-support.js';
import { reportInputFromArtifact } from './from-artifact.js';
import { renderTrainingReport } from './render.js';
import { sampleReportInput } from './sample-input.test-support.js';

const input = sampleReportInput();
const html = renderTrainingReport(input);

describe('training report', () => {
  it('is one self-contained file: no URLs, scripts, external stylesheets, fonts or images', () => {
    expect(html).not.toMatch(/https?:/i);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\((?!#)/i);
    expect(html).not.toMatch(/\bsrc=/i);
    expect(html.match(/<svg /g)?.length).toBe(6);
    mkdirSync('test-output', { recursive: true });
    writeFileSync(path.join('test-output', 'training-report-sample.html'), html);
  });

  it('has every section, each with a heading', () => {
    for (const [id, heading] of [
      ['summary', 'Run summary'],
      ['comparison', 'Model comparison'],
      ['curves', 'ROC and precision-recall curves'],
      ['calibration', 'Calibration'],
      ['threshold', 'Decision threshold'],
      ['importance', 'Feature importance'],
      ['trust', 'Why these numbers can be trusted'],
    ]) {
      expect(html).toContain(`<section id="${id}"`);
      expect(html).toContain(`<h2 id="${id}-h">${heading}</h2>`);
    }
  });

  it('writes the input numbers formatted: metrics to 3 decimals, rows with separators, rates as percentages', () => {
    const chosen = input.candidates[0].metrics;
    expect(html).toContain(`<td class="best">${chosen.prAuc!.toFixed(3)}</td>`);
    expect(html).toContain('31,874 training · 4,000 validation');
    expect(html).toContain('7.9 % training');
    expect(html).toContain(`Customers with a churn probability at or above <strong>${chosen.threshold.toFixed(3)}</strong>`);
    expect(html).toContain(`>${input.chosen.confusion.tp}</text>`);
    expect(html).toContain('Days since last activity');
    expect(html).toContain('2025-02-28, 2025-03-31 … 2025-09-30 (8 cutoffs)');
  });

  it('marks the selected model and states the selection rule', () => {
    expect(html).toContain(
      '<tr class="selected" aria-current="true"><th scope="row">Histogram boosting <span class="badge">selected</span></th>',
    );
    expect(html).toContain('Highest validation PR-AUC; candidates within 0.002');
  });

  it('gives every chart an accessible title and every table column a header', () => {
    const svgs = html.match(/<svg [^>]*>/g) ?? [];
    for (const tag of svgs) expect(tag).toMatch(/role="img" aria-labelledby="[a-z-]+-title/);
    expect(html).toContain('<title id="roc-title">ROC curves of all candidates</title>');
    expect(html.match(/<th scope="col"/g)?.length).toBe(16);
  });

  it('checks the label windows against the validation cutoff in the trust box', () => {
    expect(html).toContain('The last training labels matured on 2025-10-30, on or before the first validation cutoff 2025-10-31');
  });

  it('escapes text from the input', () => {
    const evil = renderTrainingReport({ ...input, selection: { rule: '<script>x</script>', reason: 'a & b' } });
    expect(evil).toContain('&#60;script&#62;x&#60;/script&#62;');
    expect(evil).not.toContain('<script>');
  });

  it('is byte-reproducible without generatedAt', () => {
    expect(renderTrainingReport(sampleReportInput())).toBe(html);
  });

  it('describes a flat-table run by its file, label and k-fold validation instead of cutoffs', () => {
    const table = renderTrainingReport({
      ...input,
      source: 'table',
      data: {
        ...input.data,
        window: null,
        cutoffs: null,
        horizonDays: null,
        folds: { k: 5, stratified: true },
        table: { file: 'telco-customer-churn.csv', target: 'Churn', positive: 'Yes' },
      },
    });
    expect(table).toContain('telco-customer-churn.csv — label <code>Churn</code> = <code>Yes</code>');
    expect(table).toContain('5-fold stratified cross-validation (out-of-fold scores)');
    expect(table).toContain('so validation is 5-fold stratified cross-validation');
    expect(table).not.toContain('Training cutoffs');
  });

  it('shows every named importance side by side with its method, its sample and each feature’s rank', () => {
    expect(html).toContain('<th scope="col">Permutation (ROC-AUC drop)</th>');
    expect(html).toContain(
      '<li>Permutation (ROC-AUC drop): permutation: mean ROC-AUC drop over 2 shuffles of 3564 validation rows — 3,564 rows of the out-of-time validation</li>',
    );
    expect(html).toContain('<li>Model-native: split cover share — read off the fitted model</li>');
    // Failed payments: second by mean |SHAP|, first by permutation, not in the native list.
    expect(html).toContain(
      '<th scope="row">Failed payments, last 30 days</th><td>0.2970 <span class="rank">#2</span></td><td>0.0412 <span class="rank">#1</span></td><td>—</td>',
    );
    const older = renderTrainingReport({ ...input, importances: undefined });
    expect(older).not.toContain('Three measures side by side');
  });

  it('renders from an artifact alone', () => {
    const report = renderTrainingReport(reportInputFromArtifact(createArtifact(sampleDraft(1))));
    expect(report).toContain('>Failed payments 30d</text>');
    expect(report).toContain('<th scope="row">Logistic regression <span class="badge">selected</span></th>');
    expect(report).not.toMatch(/https?:/);
  });
});
