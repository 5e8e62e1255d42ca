import { describe, expect, it } from 'vitest';
import { horizontalBarChart } from './bar-chart.js';
import { confusionMatrixChart } from './confusion-matrix.js';
import { lineChart } from './line-chart.js';
import { linearScale, niceDomain, niceTicks } from './scale.js';

describe('scales and ticks', () => {
  it('chooses 1-2-5 steps without float noise', () => {
    expect(niceTicks(0, 1, 5)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceTicks(0, 0.3, 5)).toEqual([0, 0.1, 0.2, 0.3]);
    expect(niceTicks(0, 0.3, 8)).toEqual([0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3]);
    expect(niceTicks(3, 97, 5)).toEqual([20, 40, 60, 80]);
    expect(niceDomain(3, 97, 5)).toEqual([0, 100]);
  });

  it('maps the domain onto the range, flipping for y axes', () => {
    const y = linearScale(0, 1, 300, 0);
    expect([y(0), y(0.25), y(1)]).toEqual([300, 225, 0]);
  });
});

describe('charts', () => {
  it('breaks a line where values are undefined instead of drawing them as zero', () => {
    const svg = lineChart({
      id: 't',
      title: 'T',
      x: { domain: [0, 1], label: 'x' },
      y: { domain: [0, 1], label: 'y' },
      series: [{ name: 's', x: [0, 0.5, 1], y: [0.5, null, 0.5] }],
    });
    const d = /<path d="([^"]+)"/.exec(svg)?.[1] ?? '';
    expect(d.match(/M/g)?.length).toBe(2);
    expect(d).not.toContain('L');
  });

  it('draws one bar per item with its value and a tooltip naming the technical feature', () => {
    const svg = horizontalBarChart({
      id: 'b',
      title: 'B',
      items: [
        { label: 'Tenure', value: 0.5, note: 'tenure_days' },
        { label: 'Plan', value: 0.25 },
      ],
    });
    expect(svg.match(/<rect /g)?.length).toBe(2);
    expect(svg).toContain('<title>Tenure: 0.500 (tenure_days)</title>');
  });

  it('labels each confusion cell with its count and share of all customers', () => {
    const svg = confusionMatrixChart({ id: 'c', title: 'C', counts: { tp: 10, fn: 5, fp: 20, tn: 65 } });
    expect(svg).toContain('<title>False positives (stayers flagged): 20 of 100</title>');
    expect(svg).toContain('>65.0 %</text>');
  });
});
