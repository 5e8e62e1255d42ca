import { describe, expect, it } from 'vitest';
import { featureCatalogue } from '../../features/index.js';
import { describeFact } from './describe-driver.js';

// Every feature the point-in-time layer produces must read as a business sentence, not the generic fallback.
describe('the driver catalogue covers the feature catalogue of src/features', () => {
  it.each(featureCatalogue.map((f) => [f.name, f] as const))('%s has a template', (_name, f) => {
    const value = f.type === 'categorical' ? (f.levels?.[0] ?? 'North') : f.type === 'boolean' ? 1 : (f.min ?? 0) + 2;
    const { template, fact } = describeFact(f.name, value);
    expect(template).not.toBe('generic');
    expect(fact).not.toMatch(/_/);
  });
});
