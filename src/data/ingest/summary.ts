/** What a load did: rows read, loaded and quarantined per file and by reason, and the text `churn load` prints. */
import type { RawTableName } from '../contract/index.js';
import type { QuarantineReason } from './reasons.js';

/** Counts per quarantine reason (only reasons that occurred). */
export type ReasonCounts = Partial<Record<QuarantineReason, number>>;

/** One file's outcome. Always `read === loaded + quarantined`. */
export interface FileLoadSummary {
  file: string;
  table: RawTableName;
  /** `empty`: 0 bytes or whitespace only, nothing to do; `header_only`: a header and no rows. */
  status: 'loaded' | 'empty' | 'header_only';
  /** Data rows (CSV records) in the file; blank lines are not rows. */
  read: number;
  loaded: number;
  quarantined: number;
  blankLines: number;
  byReason: ReasonCounts;
  /** Where this file's rejected rows went (null when none were rejected). */
  quarantineFile: string | null;
  seconds: number;
}

/** The outcome of `loadCsvFiles`. */
export interface LoadSummary {
  files: FileLoadSummary[];
  /** Files in a loaded directory that are not named after a raw table (left alone). */
  skipped: string[];
  read: number;
  loaded: number;
  quarantined: number;
  byReason: ReasonCounts;
  seconds: number;
  rowsPerSecond: number;
}

/** Adds `from`'s reason counts into `into`. */
export function addReasons(into: ReasonCounts, from: ReasonCounts): void {
  for (const [reason, n] of Object.entries(from) as [QuarantineReason, number][]) into[reason] = (into[reason] ?? 0) + n;
}

/** Totals over files. */
export function summarise(files: FileLoadSummary[], skipped: string[], seconds: number): LoadSummary {
  const byReason: ReasonCounts = {};
  let read = 0;
  let loaded = 0;
  let quarantined = 0;
  for (const f of files) {
    read += f.read;
    loaded += f.loaded;
    quarantined += f.quarantined;
    addReasons(byReason, f.byReason);
  }
  return {
    files,
    skipped,
    read,
    loaded,
    quarantined,
    byReason,
    seconds,
    rowsPerSecond: seconds > 0 ? Math.round(read / seconds) : 0,
  };
}

const n = (x: number) => x.toLocaleString('en');

/** A readable table of the summary for the terminal. */
export function formatLoadSummary(s: LoadSummary): string {
  const rows = s.files.map((f) => [
    f.file,
    f.table,
    n(f.read),
    n(f.loaded),
    n(f.quarantined),
    f.status === 'loaded' ? '' : f.status,
  ]);
  const table = [['file', 'table', 'read', 'loaded', 'quarantined', 'note'], ...rows];
  const widths = table[0].map((_, j) => Math.max(...table.map((r) => r[j].length)));
  const lines = table.map((r) =>
    r
      .map((c, j) => (j >= 2 && j <= 4 ? c.padStart(widths[j]) : c.padEnd(widths[j])))
      .join('  ')
      .trimEnd(),
  );
  lines.push(
    `total: read ${n(s.read)}, loaded ${n(s.loaded)}, quarantined ${n(s.quarantined)} in ${s.seconds.toFixed(1)}s (${n(s.rowsPerSecond)} rows/s)`,
  );
  const reasons = Object.entries(s.byReason).sort((a, b) => b[1] - a[1]);
  if (reasons.length) lines.push(`quarantined by reason: ${reasons.map(([r, c]) => `${r} ${n(c)}`).join(', ')}`);
  const files = [...new Set(s.files.map((f) => f.quarantineFile).filter((f): f is string => f !== null))];
  for (const f of files) lines.push(`quarantine file: ${f}`);
  if (s.skipped.length) lines.push(`skipped (not a raw table name): ${s.skipped.join(', ')}`);
  return lines.join('\n');
}
