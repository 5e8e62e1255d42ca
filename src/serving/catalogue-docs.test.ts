import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { errorCatalogue } from '../errors/index.js';
import { openApiInfo } from './openapi.js';

const doc = readFileSync(new URL('../../docs/api.md', import.meta.url), 'utf8');

describe('the error catalogue is documented', () => {
  it.each(Object.entries(errorCatalogue))('%s is in docs/api.md with its status', (code, { status }) => {
    expect(doc).toContain(`| \`${code}\` | ${status} |`);
  });

  it('lists every code in the OpenAPI Problem schema', () => {
    const codes = openApiInfo().components.schemas.Problem.properties.code.enum;
    expect([...codes].sort()).toEqual(Object.keys(errorCatalogue).sort());
  });
});
