/** Colours of the report: the Okabe–Ito palette (distinguishable with colour-vision deficiencies) and neutral greys. */

/** Series colours in order; the selected model is drawn first, in the first colour. */
export const SERIES = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000'] as const;

/** Text colour. */
export const INK = '#1f2933';
/** Secondary text colour. */
export const MUTED = '#616e7c';
/** Gridline colour. */
export const GRID = '#e4e7eb';
/** Axis and reference-line colour. */
export const AXIS = '#9aa5b1';

/** The colour of series `i` (cycling). */
export const seriesColor = (i: number) => SERIES[i % SERIES.length];
