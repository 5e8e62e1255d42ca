import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { featureCatalogue, featureContractHash, legacyFeatureNames } from './catalogue.js';

describe('feature catalogue', () => {
  it('keeps every name of the original system', () => {
    expect([...legacyFeatureNames].sort()).toEqual(
      [
        'total_sessions_30d',
        'avg_session_minutes_30d',
        'total_crashes_30d',
        'failed_payments_30d',
        'total_amount_success_30d',
        'support_tickets_30d',
        'avg_resolution_time_30d',
        'monthly_price',
        'auto_renew',
        'plan_type',
      ].sort(),
    );
  });

  it('has unique snake_case names, a description and a window for every feature, and a unit for every number', () => {
    const names = featureCatalogue.map((f) => f.name);
    expect(new Set(names).size).toBe(names.length);
    for (const f of featureCatalogue) {
      expect(f.name).toMatch(/^[a-z][a-z0-9_]*$/);
      expect(f.description.length, f.name).toBeGreaterThan(10);
      if (f.origin === 'snapshot') expect(f.window, f.name).not.toBe('');
      if (f.type === 'numeric') expect(f.unit, f.name).not.toBe('');
    }
    expect(featureCatalogue.length).toBe(84); // 64 snapshot + 20 derived
  });

  it('has a stable contract fingerprint (update it together with featureDefinitionsVersion when a definition changes)', () => {
    expect(featureContractHash).toBe('3f539525eaf4ccbb');
  });

  it('is documented in docs/features.md, one table row per feature', () => {
    const doc = readFileSync(new URL('../../docs/features.md', import.meta.url), 'utf8');
    for (const f of featureCatalogue) expect(doc, f.name).toContain(`| \`${f.name}\``);
  });
});
