/** The model folder `models/<id>/`: written whole in a temp dir and renamed into place, read back with checks. */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { ChurnError } from '../errors/index.js';
import { decodeArtifact } from './codec.js';
import { fsyncDir, tempNameFor, writeFileDurable } from './durable-fs.js';
import type { ModelArtifact } from './schema/artifact.js';

/** The steps of a save, in order; a crash-test hook may throw (or kill the process) at any of them. */
export type SaveStep = 'model-file-partial' | 'folder-written' | 'folder-renamed' | 'row-inserted' | 'pointer-switched';

/** Path of a model's artifact file inside a registry folder. */
export const modelFile = (dir: string, modelId: string) => path.join(dir, modelId, 'model.json');

/** Path of a model's training report inside a registry folder. */
export const reportFile = (dir: string, modelId: string) => path.join(dir, modelId, 'report.html');

/**
 * Writes `<dir>/<modelId>/` (model.json + optional report.html) so it appears complete or not at all:
 * files go to a temp folder, are fsynced, and the folder is renamed into place. An existing folder of the
 * same id holds the same content (ids are content hashes), so it is kept and `false` returned.
 */
export function writeModelFolder(
  dir: string,
  artifact: ModelArtifact,
  text: string,
  reportHtml: string | undefined,
  onStep: (step: SaveStep) => void = () => {},
): boolean {
  mkdirSync(dir, { recursive: true });
  const target = path.join(dir, artifact.modelId);
  if (existsSync(target)) {
    readArtifactFile(modelFile(dir, artifact.modelId));
    return false;
  }
  const tmp = tempNameFor(target);
  mkdirSync(tmp);
  try {
    writeFileDurable(path.join(tmp, 'model.json'), text, () => onStep('model-file-partial'));
    if (reportHtml !== undefined) writeFileDurable(path.join(tmp, 'report.html'), reportHtml);
    fsyncDir(tmp);
    onStep('folder-written');
    renameSync(tmp, target);
    fsyncDir(dir);
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
  onStep('folder-renamed');
  return true;
}

/** Reads and fully checks one artifact file; a missing or broken file is CHURN_ERR_NOT_FOUND / CHURN_ERR_ARTIFACT. */
export function readArtifactFile(file: string): ModelArtifact {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT')
      throw new ChurnError('CHURN_ERR_NOT_FOUND', `No model artifact at ${file}`, { file });
    throw e;
  }
  return decodeArtifact(text, file);
}

/** Removes temp folders left by crashed saves: this host's dead processes, or any older than a day. */
export function removeStaleTemps(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const removed: string[] = [];
  for (const name of readdirSync(dir)) {
    const m = /^\.tmp~([^~]+)~(\d+)~/.exec(name);
    if (!m) continue;
    const full = path.join(dir, name);
    const [, host, pid] = m;
    let dead = false;
    if (host === hostname()) {
      try {
        process.kill(Number(pid), 0);
      } catch (e) {
        dead = (e as NodeJS.ErrnoException).code === 'ESRCH';
      }
    }
    const old = Date.now() - statSync(full).mtimeMs > 86_400_000;
    if (dead || old) {
      rmSync(full, { recursive: true, force: true });
      removed.push(name);
    }
  }
  return removed;
}
