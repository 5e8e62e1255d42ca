/** The driver catalogue: every feature family's template, tried in order; unmatched names get the generic sentence. */
import type { DriverTemplate } from './template.js';
import { accountTemplates } from './templates/account.js';
import { billingTemplates } from './templates/billing.js';
import { supportTemplates } from './templates/support.js';
import { usageTemplates } from './templates/usage.js';

/** The default catalogue: billing, support, usage, then account and profile templates. */
export const driverCatalogue: readonly DriverTemplate[] = [
  ...billingTemplates,
  ...supportTemplates,
  ...usageTemplates,
  ...accountTemplates,
];

/** The first template whose pattern matches `base`, with the pattern's named groups. */
export function findTemplate(
  base: string,
  catalogue: readonly DriverTemplate[] = driverCatalogue,
): { template: DriverTemplate; groups: Record<string, string> } | undefined {
  for (const template of catalogue) {
    const m = template.pattern.exec(base);
    if (m) return { template, groups: { ...(m.groups ?? {}) } };
  }
  return undefined;
}
