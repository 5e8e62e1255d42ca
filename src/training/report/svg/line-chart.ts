/** Line chart: several series over shared x/y axes, optional point markers, a marked x value, a legend. */
import { type AxisSpec, plotFrame } from './frame.js';
import { legend, legendRows } from './legend.js';
import { type ChartLabel, el, esc, px, svgRoot } from './markup.js';
import { INK, seriesColor } from './palette.js';

/** One line. `y` may hold nulls (undefined values): the line breaks there. */
export interface LineSeries {
  name: string;
  x: readonly number[];
  y: readonly (number | null)[];
  color?: string;
  dash?: string;
  width?: number;
  /** Draw a dot at each point, with these radii (px) or 3.5 px. */
  points?: boolean | readonly number[];
  /** Leave out of the legend (e.g. reference lines explained in the caption). */
  hideInLegend?: boolean;
}

/** A vertical line marking one x value (e.g. the chosen threshold). */
export interface XMarker {
  x: number;
  label: string;
  color?: string;
}

/** A line chart: axes, series, optional marker. */
export interface LineChartSpec extends ChartLabel {
  x: AxisSpec;
  y: AxisSpec;
  series: readonly LineSeries[];
  marker?: XMarker;
  width?: number;
  height?: number;
}

/** Renders a line chart as an inline SVG string. */
export function lineChart(spec: LineChartSpec): string {
  const width = spec.width ?? 560;
  const items = spec.series
    .map((s, i) => ({ s, color: s.color ?? seriesColor(i) }))
    .filter(({ s }) => !s.hideInLegend)
    .map(({ s, color }) => ({ name: s.name, color, dash: s.dash, width: s.width }));
  const rows = legendRows(items, width - 70);
  const height = (spec.height ?? 380) + rows * 20;
  const f = plotFrame(width, height, spec.x, spec.y, rows * 20 + (rows ? 6 : 0));
  const clipId = `${spec.id}-clip`;
  const clip = el(
    'clipPath',
    { id: clipId },
    el('rect', { x: f.left, y: f.top - 4, width: px(f.right - f.left + 4), height: px(f.bottom - f.top + 8) }),
  );
  const lines = spec.series.map((s, i) => {
    const color = s.color ?? seriesColor(i);
    const d = pathData(s, f.x, f.y);
    const dots = s.points
      ? s.x
          .map((x, j) => {
            const y = s.y[j];
            if (y === null || y === undefined) return '';
            const r = Array.isArray(s.points) ? s.points[j] : 3.5;
            return el('circle', { cx: px(f.x(x)), cy: px(f.y(y)), r: px(r), fill: color, 'fill-opacity': 0.85 });
          })
          .join('')
      : '';
    return el(
      'g',
      { class: 'series' },
      el('title', {}, esc(s.name)),
      d
        ? el('path', {
            d,
            fill: 'none',
            stroke: color,
            'stroke-width': s.width ?? 2,
            'stroke-dasharray': s.dash,
            'stroke-linejoin': 'round',
          })
        : '',
      dots,
    );
  });
  const marker = spec.marker ? drawMarker(spec.marker, f.x(spec.marker.x), f.top, f.bottom, f.right) : '';
  const legendY = f.bottom + 62;
  return svgRoot(
    spec,
    width,
    height,
    el('defs', {}, clip) +
      f.markup +
      el('g', { 'clip-path': `url(#${clipId})` }, ...lines) +
      marker +
      legend(items, f.left, legendY, width - 70),
  );
}

function pathData(s: LineSeries, x: (v: number) => number, y: (v: number) => number): string {
  let d = '';
  let pen = false;
  for (let i = 0; i < s.x.length; i++) {
    const v = s.y[i];
    if (v === null || v === undefined || !Number.isFinite(v)) {
      pen = false;
      continue;
    }
    d += `${pen ? 'L' : 'M'}${px(x(s.x[i]))},${px(y(v))}`;
    pen = true;
  }
  return d;
}

function drawMarker(m: XMarker, x: number, top: number, bottom: number, right: number): string {
  const color = m.color ?? INK;
  const anchorEnd = x > right - 90;
  return el(
    'g',
    { class: 'marker' },
    el('line', { x1: px(x), x2: px(x), y1: top, y2: bottom, stroke: color, 'stroke-width': 1.5, 'stroke-dasharray': '5 4' }),
    el(
      'text',
      {
        x: px(anchorEnd ? x - 6 : x + 6),
        y: top + 14,
        'text-anchor': anchorEnd ? 'end' : 'start',
        'font-size': 12,
        'font-weight': 600,
        fill: color,
      },
      esc(m.label),
    ),
  );
}
