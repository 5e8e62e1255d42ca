/** Foreign-key checks for a load: a referenced key must be in the store already or have been loaded earlier in this run. */
import type { Store } from '../../store/index.js';
import type { RawTableName } from '../contract/index.js';
import { KeySet } from './key-set.js';

const lookupChunk = 500;
// Keys confirmed missing are cached per file so a run of orphan rows costs one query; the cap bounds memory.
const missingCap = 100_000;

/** Remembers which parent keys exist, asking the store only about keys it has not seen. */
export class ReferenceIndex {
  private readonly known = new Map<string, KeySet>();
  private readonly missing = new Map<string, Set<string>>();

  private knownOf(table: RawTableName, column: string): KeySet {
    const id = `${table}.${column}`;
    let set = this.known.get(id);
    if (!set) {
      set = new KeySet();
      this.known.set(id, set);
    }
    return set;
  }

  /** Records keys just written to `table.column` (rows loaded in this run). */
  remember(table: RawTableName, column: string, keys: Iterable<string>): void {
    const set = this.knownOf(table, column);
    for (const k of keys) set.add(k);
    this.missing.delete(`${table}.${column}`);
  }

  /** Forgets which keys were missing (call when a new file starts: its parents may have been loaded since). */
  forgetMissing(): void {
    this.missing.clear();
  }

  /** Looks up in `store` every key of `keys` not yet known either way. */
  async resolve(store: Store, table: RawTableName, column: string, keys: Iterable<string>): Promise<void> {
    const id = `${table}.${column}`;
    const known = this.knownOf(table, column);
    let missing = this.missing.get(id);
    if (!missing || missing.size > missingCap) {
      missing = new Set();
      this.missing.set(id, missing);
    }
    const ask = [...new Set(keys)].filter((k) => !known.has(k) && !missing.has(k));
    for (let i = 0; i < ask.length; i += lookupChunk) {
      const chunk = ask.slice(i, i + lookupChunk);
      const found = await store.all<{ k: string }>(
        `SELECT ${column} AS k FROM ${table} WHERE ${column} IN (${chunk.map(() => '?').join(', ')})`,
        chunk,
      );
      const present = new Set(found.map((r) => String(r.k)));
      for (const k of chunk) {
        if (present.has(k)) known.add(k);
        else missing.add(k);
      }
    }
  }

  /** The keys known to exist in `table.column` (complete for every key passed to `resolve`). */
  existing(table: RawTableName, column: string): { has(key: string): boolean } {
    return this.knownOf(table, column);
  }
}
