// Prints the gzipped size of the JavaScript the dashboard loads first (index.html's scripts and their static imports)
// and fails the build above the 500 KB budget.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const dist = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const BUDGET = 500 * 1024;
const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
const seen = new Set();
const queue = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);
while (queue.length > 0) {
  const file = queue.shift();
  if (seen.has(file)) continue;
  seen.add(file);
  if (!file.endsWith('.js')) continue;
  const code = readFileSync(path.join(dist, file), 'utf8');
  // Static imports only (`import ... from "./x.js"`); dynamic import() chunks load later, on demand.
  for (const m of code.matchAll(/(?:^|[;\s}])import\s*(?:[^'"()]*?from\s*)?["']\.\/([^"']+\.js)["']/g))
    queue.push(`assets/${m[1]}`);
}
let total = 0;
for (const file of [...seen].sort()) {
  const gz = gzipSync(readFileSync(path.join(dist, file))).length;
  total += gz;
  console.log(`initial  ${file.padEnd(44)} ${(gz / 1024).toFixed(1).padStart(7)} KB gzip`);
}
console.log(`initial load total: ${(total / 1024).toFixed(1)} KB gzipped (budget ${BUDGET / 1024} KB)`);
if (total > BUDGET) {
  console.error('initial JavaScript is over budget');
  process.exit(1);
}
