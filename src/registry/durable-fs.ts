/** Crash-safe file primitives: write + fsync, fsync a directory, replace a file atomically by rename. */
import { closeSync, fsyncSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';

/** Flushes a directory entry table so a rename or create inside it survives a power cut. */
export function fsyncDir(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch (e) {
    // Some platforms/filesystems cannot open or fsync directories; the rename is still atomic there.
    if (!['EISDIR', 'EPERM', 'EINVAL', 'EBADF'].includes((e as NodeJS.ErrnoException).code ?? '')) throw e;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Creates `file` with `data` and fsyncs it. The data is written in at least two chunks and `afterFirstChunk`
 * runs in between — the crash tests use it to die with a genuinely half-written file on disk.
 */
export function writeFileDurable(file: string, data: string, afterFirstChunk?: () => void): void {
  const bytes = Buffer.from(data, 'utf8');
  const chunk = Math.max(1, Math.min(1 << 20, Math.ceil(bytes.byteLength / 2)));
  const fd = openSync(file, 'wx');
  try {
    for (let at = 0; at < bytes.byteLength; at += chunk) {
      let off = at;
      const end = Math.min(at + chunk, bytes.byteLength);
      while (off < end) off += writeSync(fd, bytes, off, end - off);
      if (at === 0) afterFirstChunk?.();
    }
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Unique temporary name next to `target`, tagged with host and pid (`~` never occurs in a hostname) so stale ones can be recognised. */
export function tempNameFor(target: string): string {
  const rand = Math.random().toString(36).slice(2, 10);
  return path.join(path.dirname(target), `.tmp~${hostname()}~${process.pid}~${rand}~${path.basename(target)}`);
}

/** Replaces `file` by `data` atomically: readers see the old or the new content, never a mix (write temp, fsync, rename, fsync dir). */
export function replaceFileAtomic(file: string, data: string): void {
  const tmp = tempNameFor(file);
  try {
    writeFileDurable(tmp, data);
    renameSync(tmp, file);
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      /* already renamed or never created */
    }
    throw e;
  }
  fsyncDir(path.dirname(file));
}
