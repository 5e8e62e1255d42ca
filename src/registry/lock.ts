/** A lock file that serialises registry writes across processes sharing one model folder. */
import { closeSync, mkdirSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { ChurnError } from '../errors/index.js';

const STALE_MS = 60_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function holderIsGone(file: string): boolean {
  try {
    const { pid, host } = JSON.parse(readFileSync(file, 'utf8')) as { pid: number; host: string };
    if (host === hostname()) {
      try {
        process.kill(pid, 0);
        return false;
      } catch (e) {
        return (e as NodeJS.ErrnoException).code === 'ESRCH';
      }
    }
  } catch {
    /* unreadable: judge by age */
  }
  try {
    return Date.now() - statSync(file).mtimeMs > STALE_MS;
  } catch {
    return true;
  }
}

/**
 * Runs `fn` while holding `<dir>/.lock` (created with O_EXCL; the folder is created if missing). A lock left by a dead process on this
 * host, or older than a minute, is taken over; otherwise waits up to `timeoutMs`, then fails naming the holder.
 */
export async function withRegistryLock<T>(dir: string, fn: () => Promise<T>, timeoutMs = 15_000): Promise<T> {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, '.lock');
  const started = Date.now();
  for (;;) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, JSON.stringify({ pid: process.pid, host: hostname(), at: new Date().toISOString() }));
      closeSync(fd);
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      if (holderIsGone(file)) {
        try {
          unlinkSync(file);
        } catch {
          /* another process took it over first */
        }
        continue;
      }
      if (Date.now() - started > timeoutMs) {
        let holder = '';
        try {
          holder = readFileSync(file, 'utf8');
        } catch {}
        throw new ChurnError(
          'CHURN_ERR_STORE',
          `The model registry ${dir} is locked by another churn process (${holder}); retry, or delete ${file} if none is running`,
          { lock: file },
        );
      }
      await sleep(25);
    }
  }
  try {
    return await fn();
  } finally {
    try {
      unlinkSync(file);
    } catch {
      /* removed by a takeover; nothing to release */
    }
  }
}
