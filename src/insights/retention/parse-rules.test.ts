import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { type ChurnError, isChurnError } from '../../errors/index.js';
import { defaultRuleFile } from './default-rules.js';
import { loadRuleFile, parseRules } from './parse-rules.js';

const file = (mutate: (rules: Record<string, unknown>[]) => void) => {
  const copy = structuredClone(defaultRuleFile) as unknown as { version: number; rules: Record<string, unknown>[] };
  mutate(copy.rules);
  return copy;
};

function errorOf(fn: () => unknown): ChurnError {
  try {
    fn();
  } catch (e) {
    if (isChurnError(e, 'CHURN_ERR_RULES')) return e;
    throw e;
  }
  throw new Error('expected CHURN_ERR_RULES');
}

describe('parseRules validates a rule file and names the rule and the field', () => {
  it('accepts the default rules and returns them by priority', () => {
    expect(parseRules(defaultRuleFile).map((r) => r.priority)).toEqual([10, 20, 30, 40, 50, 60, 90]);
  });

  it('names the rule and field of an out-of-range uplift', () => {
    const e = errorOf(() =>
      parseRules(
        file((r) => {
          (r[1].recommend as Record<string, unknown>).expectedUplift = 1.5;
        }),
        'my-rules.json',
      ),
    );
    expect(e.message).toBe(
      'Invalid retention rule file my-rules.json: rule "payment-card-update" (rules[1]), field "recommend.expectedUplift": Expected number to be less or equal to 1 (got 1.5)',
    );
    expect(e.context).toMatchObject({
      ruleId: 'payment-card-update',
      ruleIndex: 1,
      field: 'recommend.expectedUplift',
      value: 1.5,
    });
  });

  it('spells out the allowed values of a closed list', () => {
    const e = errorOf(() =>
      parseRules(
        file((r) => {
          (r[0].when as Record<string, unknown>).riskBuckets = ['Extreme'];
        }),
      ),
    );
    expect(e.message).toContain(
      'rule "vip-personal-call" (rules[0]), field "when.riskBuckets.0": must be one of Low, Medium, High, Very High (got "Extreme")',
    );
  });

  it('rejects unknown fields and missing required ones', () => {
    expect(errorOf(() => parseRules(file((r) => Object.assign(r[2].when as object, { tenure: 3 })))).message).toContain(
      'rule "crash-technical-outreach" (rules[2]), field "when.tenure": unknown field',
    );
    expect(
      errorOf(() =>
        parseRules(
          file((r) => {
            delete (r[3].recommend as Record<string, unknown>).channel;
          }),
        ),
      ).message,
    ).toContain('rule "support-recovery" (rules[3]), field "recommend.channel": is required');
  });

  it('falls back to the rule position when the id itself is bad', () => {
    const e = errorOf(() =>
      parseRules(
        file((r) => {
          r[4].id = 'Bad Id';
        }),
      ),
    );
    expect(e.message).toContain('rule "Bad Id" (rules[4]), field "id"');
    expect(errorOf(() => parseRules(file((r) => delete r[4].id))).message).toContain(
      'rule "#4" (rules[4]), field "id": is required',
    );
  });

  it('rejects duplicate ids, shared priorities and empty ranges', () => {
    expect(errorOf(() => parseRules(file((r) => (r[5].id = 'vip-personal-call')))).message).toContain(
      'rule "vip-personal-call" (rules[5]), field "id": duplicate id (also rules[0])',
    );
    expect(errorOf(() => parseRules(file((r) => (r[6].priority = 20)))).message).toContain(
      'rule "at-risk-check-in" (rules[6]), field "priority": priority 20 is already used by rule "payment-card-update"',
    );
    const e = errorOf(() => parseRules(file((r) => Object.assign(r[0].when as object, { probability: { min: 0.8, max: 0.5 } }))));
    expect(e.message).toContain(
      'rule "vip-personal-call" (rules[0]), field "when.probability": min (0.8) must be below max (0.5)',
    );
  });

  it('names file-level problems', () => {
    expect(errorOf(() => parseRules({ version: 2, rules: [] }, 'r.json')).message).toBe(
      'Invalid retention rule file r.json: field "version": Expected 1 (got 2)',
    );
    expect(errorOf(() => parseRules({ version: 1, rules: [] })).message).toContain('field "rules"');
  });

  it('reads a JSON file and reports unreadable or broken files', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'churn-rules-'));
    const good = path.join(dir, 'good.json');
    writeFileSync(good, JSON.stringify(defaultRuleFile));
    expect(loadRuleFile(good)).toHaveLength(7);
    const broken = path.join(dir, 'broken.json');
    writeFileSync(broken, '{ "version": 1, ');
    expect(errorOf(() => loadRuleFile(broken)).message).toMatch(/broken\.json is not valid JSON/);
    expect(errorOf(() => loadRuleFile(path.join(dir, 'missing.json'))).message).toMatch(/Cannot read retention rule file/);
  });
});

describe('docs/retention-rules.md', () => {
  const doc = readFileSync(fileURLToPath(new URL('../../../docs/retention-rules.md', import.meta.url)), 'utf8');

  it('shows an example rule file that validates', () => {
    const json = /```json\n([\s\S]*?)```/.exec(doc)?.[1] ?? '';
    expect(parseRules(JSON.parse(json)).map((r) => r.id)).toEqual(['payment-card-update']);
  });

  it('documents every default rule with its priority', () => {
    // Table cells may be padded by the formatter.
    for (const r of defaultRuleFile.rules) expect(doc).toMatch(new RegExp(`\\|\\s*${r.priority}\\s*\\|\\s*\`${r.id}\`\\s*\\|`));
  });
});
