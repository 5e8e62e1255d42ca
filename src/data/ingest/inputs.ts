/** Which files a load reads and into which tables: file names (`customers.csv`, …) or `--table`, in foreign-key order. */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { ChurnError } from '../../errors/index.js';
import { type RawTableName, rawTableNames } from '../contract/index.js';

/** One file to load and its table. */
export interface LoadInput {
  file: string;
  table: RawTableName;
}

const knownNames = rawTableNames.map((t) => `${t}.csv`).join(', ');

/** The raw table a file name stands for (`payments.csv` → payments), or null. */
export function tableForFile(file: string): RawTableName | null {
  const base = path
    .basename(file)
    .toLowerCase()
    .replace(/\.csv$/, '');
  return (rawTableNames as readonly string[]).includes(base) ? (base as RawTableName) : null;
}

/** Expands directories, maps files to tables, drops repeats and orders parents before children. */
export async function resolveInputs(
  paths: readonly string[],
  table?: RawTableName,
): Promise<{ inputs: LoadInput[]; skipped: string[] }> {
  if (!paths.length) throw new ChurnError('CHURN_ERR_PARAM', `Name at least one CSV file or directory to load (${knownNames}).`);
  const inputs: LoadInput[] = [];
  const skipped: string[] = [];
  for (const p of paths) {
    const info = await stat(p).catch(() => null);
    if (!info) throw new ChurnError('CHURN_ERR_PARAM', `No such file or directory: ${p}`, { path: p });
    if (info.isDirectory()) {
      if (table)
        throw new ChurnError('CHURN_ERR_PARAM', `--table applies to files, not to the directory ${p}; name the files instead.`, {
          path: p,
        });
      const names = (await readdir(p)).sort();
      const found = names.filter((n) => tableForFile(n));
      if (!found.length)
        throw new ChurnError('CHURN_ERR_PARAM', `${p} holds none of the raw table files (${knownNames}).`, { path: p });
      for (const n of names) {
        const t = tableForFile(n);
        if (t) inputs.push({ file: path.join(p, n), table: t });
        else if (/\.csv$/i.test(n)) skipped.push(path.join(p, n));
      }
      continue;
    }
    const t = table ?? tableForFile(p);
    if (!t)
      throw new ChurnError(
        'CHURN_ERR_PARAM',
        `Cannot tell which table ${p} is for: name it after a raw table (${knownNames}) or pass --table.`,
        { path: p },
      );
    inputs.push({ file: p, table: t });
  }
  const seen = new Set<string>();
  const unique = inputs.filter((i) => {
    const key = path.resolve(i.file);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const order = (t: RawTableName) => rawTableNames.indexOf(t);
  unique.sort((a, b) => order(a.table) - order(b.table)); // stable: files of one table keep the order given
  return { inputs: unique, skipped };
}
