/** Confusion-matrix grid: actual classes as rows, predicted as columns, counts with shares, shaded by count. */
import { type ChartLabel, el, esc, px, svgRoot } from './markup.js';
import { INK, MUTED } from './palette.js';

/** The four counts (positive = churned). */
export interface ConfusionCounts {
  tp: number;
  fp: number;
  tn: number;
  fn: number;
}

/** A confusion matrix to draw. */
export interface ConfusionSpec extends ChartLabel {
  counts: ConfusionCounts;
  /** Class names, default "Churned" / "Stayed". */
  positive?: string;
  negative?: string;
  format?: (n: number) => string;
}

/** Renders the 2 × 2 matrix; correct cells are blue, errors orange, with opacity growing with the count. */
export function confusionMatrixChart(spec: ConfusionSpec): string {
  const { tp, fp, tn, fn } = spec.counts;
  const pos = spec.positive ?? 'Churned';
  const neg = spec.negative ?? 'Stayed';
  const fmt = spec.format ?? ((n: number) => String(n));
  const total = tp + fp + tn + fn || 1;
  const max = Math.max(tp, fp, tn, fn, 1);
  const x0 = 150;
  const y0 = 56;
  const cell = 150;
  const cells = [
    { r: 0, c: 0, n: tp, ok: true, name: 'True positives', hint: 'churners flagged' },
    { r: 0, c: 1, n: fn, ok: false, name: 'False negatives', hint: 'churners missed' },
    { r: 1, c: 0, n: fp, ok: false, name: 'False positives', hint: 'stayers flagged' },
    { r: 1, c: 1, n: tn, ok: true, name: 'True negatives', hint: 'stayers left alone' },
  ];
  const body = cells.map(({ r, c, n, ok, name, hint }) => {
    const x = x0 + c * cell;
    const y = y0 + r * cell;
    const share = n / max;
    const dark = share > 0.55;
    return el(
      'g',
      {},
      el('title', {}, esc(`${name} (${hint}): ${fmt(n)} of ${fmt(total)}`)),
      el('rect', {
        x,
        y,
        width: cell - 4,
        height: cell - 4,
        rx: 6,
        fill: ok ? '#0072B2' : '#D55E00',
        'fill-opacity': px(0.1 + 0.8 * share),
      }),
      el(
        'text',
        {
          x: px(x + cell / 2 - 2),
          y: px(y + 62),
          'text-anchor': 'middle',
          'font-size': 26,
          'font-weight': 700,
          fill: dark ? '#fff' : INK,
        },
        esc(fmt(n)),
      ),
      el(
        'text',
        { x: px(x + cell / 2 - 2), y: px(y + 86), 'text-anchor': 'middle', 'font-size': 12.5, fill: dark ? '#fff' : MUTED },
        esc(`${((100 * n) / total).toFixed(1)} %`),
      ),
      el(
        'text',
        { x: px(x + cell / 2 - 2), y: px(y + 112), 'text-anchor': 'middle', 'font-size': 12, fill: dark ? '#fff' : MUTED },
        esc(hint),
      ),
    );
  });
  const heads = [
    el('text', { x: x0 + cell - 2, y: 18, 'text-anchor': 'middle', 'font-size': 13, 'font-weight': 600, fill: INK }, 'Predicted'),
    el('text', { x: x0 + cell / 2 - 2, y: 44, 'text-anchor': 'middle', 'font-size': 13, fill: MUTED }, esc(pos)),
    el('text', { x: x0 + cell * 1.5 - 2, y: 44, 'text-anchor': 'middle', 'font-size': 13, fill: MUTED }, esc(neg)),
    el(
      'text',
      {
        x: 20,
        y: y0 + cell - 2,
        'font-size': 13,
        'font-weight': 600,
        fill: INK,
        transform: `rotate(-90 20 ${y0 + cell - 2})`,
        'text-anchor': 'middle',
      },
      'Actual',
    ),
    el('text', { x: x0 - 12, y: y0 + cell / 2 + 2, 'text-anchor': 'end', 'font-size': 13, fill: MUTED }, esc(pos)),
    el('text', { x: x0 - 12, y: y0 + cell * 1.5 + 2, 'text-anchor': 'end', 'font-size': 13, fill: MUTED }, esc(neg)),
  ];
  return svgRoot(spec, x0 + 2 * cell + 10, y0 + 2 * cell + 8, heads.join('') + body.join(''));
}
