import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Every module of the layer, except tests, test helpers and the catalogue's template parts (reached via the catalogue). */
function modules(dir: string, rel = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) return e.name === 'templates' ? [] : modules(path.join(dir, e.name), r);
    return /\.ts$/.test(e.name) && !/\.test(-helpers)?\.ts$/.test(e.name) && r !== 'index.ts' ? [r] : [];
  });
}

describe('src/insights/index.ts', () => {
  it('re-exports every public module of the layer', () => {
    const index = readFileSync(path.join(here, 'index.ts'), 'utf8');
    const missing = modules(here).filter((m) => !index.includes(`'./${m.replace(/\.ts$/, '.js')}'`));
    expect(missing).toEqual([]);
  });
});
