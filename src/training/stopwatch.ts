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
