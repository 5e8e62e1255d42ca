/**
 * The boot source of an eval'd worker thread that runs one of the project's modules: the compiled .js beside the
 * caller in dist, or its .ts source through tsx's loader when the caller itself runs from source (vitest, tsx) — tsx
 * is a dev dependency and is only resolved in that case. Every thread pool of the project (learning, training,
 * snapshots, the job log writer) boots its workers this way.
 */

/**
 * `entryName` is the module's file name without extension, beside `callerUrl` (the caller's import.meta.url).
 * `onLoadError` is the source of a function given the error when the module fails to load; by default the error is
 * rethrown, which the Worker reports as its 'error' event.
 */
export function workerBootSource(callerUrl: string, entryName: string, onLoadError = '(e) => { throw e; }'): string {
  const fromSource = callerUrl.endsWith('.ts');
  const entry = new URL(`./${entryName}${fromSource ? '.ts' : '.js'}`, callerUrl).href;
  // import.meta.resolve is missing when tsx runs this module as CommonJS; the bare name then resolves from the cwd.
  const loader = !fromSource
    ? ''
    : typeof import.meta.resolve === 'function'
      ? import.meta.resolve('tsx/esm/api')
      : 'tsx/esm/api';
  return `(${JSON.stringify(loader)} ? import(${JSON.stringify(loader)}).then((m) => m.register()) : Promise.resolve())
  .then(() => import(${JSON.stringify(entry)}))
  .catch(${onLoadError});`;
}
