/** A chart legend laid out in rows under the plot, wrapping by estimated text width. */
import { el, esc, px } from './markup.js';
import { INK } from './palette.js';

/** One legend entry: a line sample in the series' colour and dash. */
export interface LegendItem {
  name: string;
  color: string;
  dash?: string;
  width?: number;
}

const CHAR = 7; // average glyph width at 12 px of a system sans-serif, for wrapping only

/** Rows needed to show `items` across `width` px. */
export function legendRows(items: readonly LegendItem[], width: number): number {
  return layout(items, width).rows;
}

/** Legend markup starting at (x0, y0), wrapping within `width`. */
export function legend(items: readonly LegendItem[], x0: number, y0: number, width: number): string {
  const { positions } = layout(items, width);
  return el(
    'g',
    { class: 'legend' },
    ...items.map((item, i) => {
      const [x, y] = positions[i];
      return el(
        'g',
        {},
        el('line', {
          x1: px(x0 + x),
          x2: px(x0 + x + 22),
          y1: px(y0 + y),
          y2: px(y0 + y),
          stroke: item.color,
          'stroke-width': item.width ?? 2.5,
          'stroke-dasharray': item.dash,
        }),
        el('text', { x: px(x0 + x + 28), y: px(y0 + y + 4), 'font-size': 12, fill: INK }, esc(item.name)),
      );
    }),
  );
}

function layout(items: readonly LegendItem[], width: number): { rows: number; positions: [number, number][] } {
  const positions: [number, number][] = [];
  let x = 0;
  let row = 0;
  for (const item of items) {
    const w = 28 + item.name.length * CHAR + 18;
    if (x > 0 && x + w > width) {
      x = 0;
      row++;
    }
    positions.push([x, row * 20]);
    x += w;
  }
  return { rows: items.length ? row + 1 : 0, positions };
}
