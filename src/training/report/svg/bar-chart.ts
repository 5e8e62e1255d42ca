/** Horizontal bar chart (feature importance): one labelled bar per item, value written at the bar's end. */
import { type ChartLabel, el, esc, px, svgRoot } from './markup.js';
import { GRID, INK, MUTED, SERIES } from './palette.js';
import { linearScale } from './scale.js';

/** One bar. */
export interface BarItem {
  label: string;
  value: number;
  /** Extra text for the bar's tooltip (e.g. the technical feature name). */
  note?: string;
}

/** A bar chart: items in display order. */
export interface BarChartSpec extends ChartLabel {
  items: readonly BarItem[];
  format?: (v: number) => string;
  width?: number;
  color?: string;
}

const ROW = 26;

/** Renders bars largest-first as given; the label column is sized to the longest label. Negative values are drawn from 0 leftwards. */
export function horizontalBarChart(spec: BarChartSpec): string {
  const width = spec.width ?? 720;
  const format = spec.format ?? ((v: number) => v.toFixed(3));
  const longest = Math.max(4, ...spec.items.map((i) => i.label.length));
  const labelWidth = Math.min(320, 12 + longest * 7);
  const valueWidth = 64;
  const lo = Math.min(0, ...spec.items.map((i) => i.value));
  const hi = Math.max(0, ...spec.items.map((i) => i.value));
  const x = linearScale(lo, hi === lo ? lo + 1 : hi, labelWidth, width - valueWidth);
  const height = spec.items.length * ROW + 12;
  const bars = spec.items.map((item, i) => {
    const y = 6 + i * ROW;
    const x0 = x(Math.min(0, item.value));
    const w = Math.abs(x(item.value) - x(0));
    const label = item.label.length > 44 ? `${item.label.slice(0, 43)}…` : item.label;
    return el(
      'g',
      {},
      el('title', {}, esc(`${item.label}: ${format(item.value)}${item.note ? ` (${item.note})` : ''}`)),
      el('text', { x: labelWidth - 10, y: px(y + ROW / 2 + 4), 'text-anchor': 'end', 'font-size': 12.5, fill: INK }, esc(label)),
      el('rect', { x: px(x0), y: px(y + 4), width: px(Math.max(w, 1)), height: ROW - 8, rx: 3, fill: spec.color ?? SERIES[0] }),
      el(
        'text',
        { x: px(x(Math.max(0, item.value)) + 6), y: px(y + ROW / 2 + 4), 'font-size': 12, fill: MUTED },
        esc(format(item.value)),
      ),
    );
  });
  const axis = el('line', { x1: px(x(0)), x2: px(x(0)), y1: 4, y2: height - 4, stroke: GRID, 'stroke-width': 1 });
  return svgRoot(spec, width, height, axis + bars.join(''));
}
