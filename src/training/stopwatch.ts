/** A stopwatch for per-stage wall-clock timings (reported beside the artifact, never inside it). */

/** Returns a function giving the seconds since its previous call (the first call: since creation), to the millisecond. */
export function stopwatch(): () => number {
  let last = performance.now();
  return () => {
    const now = performance.now();
    const seconds = Math.round(now - last) / 1000;
    last = now;
    return seconds;
  };
}

/**
 * Like stopwatch, for CPU seconds of the whole process (every thread, worker threads included): on a shared machine
 * they say what a stage costs where wall-clock seconds mostly say how loaded the machine was.
 */
export function cpuStopwatch(): () => number {
  let last = process.cpuUsage();
  return () => {
    const used = process.cpuUsage(last);
    last = process.cpuUsage();
    return Math.round((used.user + used.system) / 1000) / 1000;
  };
}
