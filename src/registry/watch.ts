/** Watching the champion pointer so a server switches models without a restart (hot reload). */
import { type FSWatcher, watch } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { type AliasEntry, parsePointer, pointerFile, readPointer } from './pointer.js';

/** Stops a watch. */
export interface CurrentWatcher {
  close(): void;
}

/**
 * Calls `onChange(champion, previous)` whenever the champion of registry `dir` changes (promote, rollback).
 * Polls the pointer every `intervalMs` (works on shared and network folders) and also reacts at once to
 * fs.watch events where the platform has them. The pointer is replaced atomically, so a read never sees a
 * half-written file; an unreadable pointer is skipped until the next tick. No call for the initial state.
 */
export function watchCurrent(
  dir: string,
  onChange: (champion: AliasEntry | null, previous: AliasEntry | null) => void | Promise<void>,
  options: { intervalMs?: number } = {},
): CurrentWatcher {
  const file = pointerFile(dir);
  let last: AliasEntry | null | undefined;
  try {
    last = readPointer(dir).champion; // read now, so a promotion right after this call is reported
  } catch {
    last = undefined; // unreadable now: the first good read becomes the initial state
  }
  let running = false;
  let again = false;
  let closed = false;

  const check = async (): Promise<void> => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      const champion = await readChampion(file);
      if (champion !== undefined && !closed) {
        if (last === undefined) last = champion;
        else if ((champion?.modelId ?? null) !== (last?.modelId ?? null) || champion?.since !== last?.since) {
          const previous = last;
          last = champion;
          await onChange(champion, previous);
        }
      }
    } finally {
      running = false;
      if (again && !closed) {
        again = false;
        void check();
      }
    }
  };

  const timer = setInterval(() => void check(), options.intervalMs ?? 1000);
  timer.unref();
  let watcher: FSWatcher | undefined;
  try {
    watcher = watch(dir, { persistent: false }, () => void check());
    watcher.on('error', () => watcher?.close());
  } catch {
    /* no fs.watch here (or no folder yet): polling alone */
  }
  return {
    close() {
      closed = true;
      clearInterval(timer);
      watcher?.close();
    },
  };
}

/** The champion in the pointer file; null when there is none; undefined when the file cannot be read right now. */
async function readChampion(file: string): Promise<AliasEntry | null | undefined> {
  try {
    return parsePointer(await readFile(file, 'utf8'), file).champion;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ENOENT' ? null : undefined;
  }
}
