/**
 * Spreadsheet formula-injection guard: a TEXT cell starting with = + - @ (or tab / carriage return) gets a leading
 * apostrophe so Excel, Sheets, Tableau and Power BI read it as text. Numbers are emitted as numbers, so a genuine
 * negative number stays numeric.
 */
const risky = /^[=+\-@\t\r]/;

/** The CSV text of one cell: numbers as plain decimals, null as empty, text neutralised. */
export function safeCell(v: string | number | null): string {
  if (v === null) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  return risky.test(v) ? `'${v}` : v;
}
