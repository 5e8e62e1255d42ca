/** The plot frame of x/y charts: plot area, gridlines, ticks, tick labels and axis titles. */
import { el, esc, px } from './markup.js';
import { AXIS, GRID, MUTED } from './palette.js';
import { linearScale, niceTicks, type Scale } from './scale.js';

/** One axis: its data domain, title, and how tick values are written. */
export interface AxisSpec {
  domain: [number, number];
  label: string;
  format?: (v: number) => string;
  ticks?: number;
}

/** A plot area inside a chart of `width` × `height`, with its scales. */
export interface Frame {
  x: Scale;
  y: Scale;
  left: number;
  right: number;
  top: number;
  bottom: number;
  /** Gridlines, axes, tick labels and axis titles. */
  markup: string;
}

const defaultFormat = (v: number) => String(Number(v.toPrecision(6)));

/** Lays out a plot area with margins for tick labels and axis titles and draws its frame. */
export function plotFrame(width: number, height: number, xAxis: AxisSpec, yAxis: AxisSpec, bottomExtra = 0): Frame {
  const left = 58;
  const right = width - 16;
  const top = 14;
  const bottom = height - 46 - bottomExtra;
  const x = linearScale(xAxis.domain[0], xAxis.domain[1], left, right);
  const y = linearScale(yAxis.domain[0], yAxis.domain[1], bottom, top);
  const fx = xAxis.format ?? defaultFormat;
  const fy = yAxis.format ?? defaultFormat;
  const parts: string[] = [];
  for (const t of niceTicks(yAxis.domain[0], yAxis.domain[1], yAxis.ticks ?? 5)) {
    parts.push(el('line', { x1: left, x2: right, y1: px(y(t)), y2: px(y(t)), stroke: GRID, 'stroke-width': 1 }));
    parts.push(el('text', { x: left - 8, y: px(y(t) + 4), 'text-anchor': 'end', 'font-size': 12, fill: MUTED }, esc(fy(t))));
  }
  for (const t of niceTicks(xAxis.domain[0], xAxis.domain[1], xAxis.ticks ?? 5)) {
    parts.push(el('line', { x1: px(x(t)), x2: px(x(t)), y1: top, y2: bottom, stroke: GRID, 'stroke-width': 1 }));
    parts.push(el('text', { x: px(x(t)), y: bottom + 18, 'text-anchor': 'middle', 'font-size': 12, fill: MUTED }, esc(fx(t))));
  }
  parts.push(el('line', { x1: left, x2: right, y1: bottom, y2: bottom, stroke: AXIS, 'stroke-width': 1 }));
  parts.push(el('line', { x1: left, x2: left, y1: top, y2: bottom, stroke: AXIS, 'stroke-width': 1 }));
  parts.push(
    el(
      'text',
      { x: px((left + right) / 2), y: bottom + 38, 'text-anchor': 'middle', 'font-size': 13, fill: MUTED },
      esc(xAxis.label),
    ),
  );
  const cy = px((top + bottom) / 2);
  parts.push(
    el(
      'text',
      { x: 16, y: cy, transform: `rotate(-90 16 ${cy})`, 'text-anchor': 'middle', 'font-size': 13, fill: MUTED },
      esc(yAxis.label),
    ),
  );
  return { x, y, left, right, top, bottom, markup: el('g', { class: 'frame', 'aria-hidden': 'true' }, ...parts) };
}
