#!/usr/bin/env node
// Entry point: runs the compiled CLI (built by `npm install` / `npm run build`).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const main = fileURLToPath(new URL('../dist/cli/main.js', import.meta.url));
if (!existsSync(main)) {
  console.error('churnlab is not built yet: run `npm install` (or `npm run build`) in the project folder first.');
  process.exit(1);
}
await import(main);
