/** Terminal progress (label, count, %, ETA) on a TTY; silent in CI and when output is piped. */

export interface Progress {
  tick(done: number, note?: string): void;
  done(note?: string): void;
}

const quiet = () => !process.stderr.isTTY || process.env.CI === 'true';

/** A progress line for `total` units of work (total 0 = unknown). */
export function progress(label: string, total = 0): Progress {
  const start = Date.now();
  let last = 0;
  const render = (done: number, note = '') => {
    const secs = (Date.now() - start) / 1000;
    const pct = total ? ` ${((100 * done) / total).toFixed(0)}%` : '';
    const eta = total && done ? ` ETA ${Math.max(0, (secs * (total - done)) / done).toFixed(0)}s` : '';
    process.stderr.write(
      `\r\x1b[K${label}: ${done.toLocaleString('en')}${total ? `/${total.toLocaleString('en')}` : ''}${pct}${eta} ${note}`,
    );
  };
  return {
    tick(done, note) {
      if (quiet() || Date.now() - last < 100) return;
      last = Date.now();
      render(done, note);
    },
    done(note) {
      if (quiet()) return;
      process.stderr.write(`\r\x1b[K${label}: done in ${((Date.now() - start) / 1000).toFixed(1)}s ${note ?? ''}\n`);
    },
  };
}
