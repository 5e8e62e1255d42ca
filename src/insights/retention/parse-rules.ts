/** Validating a retention rule file: schema first, then the checks a schema cannot express; errors name rule and field. */
import { readFileSync } from 'node:fs';
import type { TSchema } from '@sinclair/typebox';
import { Value, type ValueError } from '@sinclair/typebox/value';
import { ChurnError } from '../../errors/index.js';
import { type RetentionRule, type RuleFile, RuleFileSchema } from './rule-schema.js';

function ruleError(source: string, rules: unknown, index: number | undefined, field: string, problem: string, value: unknown) {
  const list = Array.isArray(rules) ? rules : [];
  const raw = index === undefined ? undefined : (list[index] as { id?: unknown } | undefined)?.id;
  const ruleId = typeof raw === 'string' ? raw : undefined;
  const where =
    index === undefined
      ? `${source}: field "${field}"`
      : `${source}: rule "${ruleId ?? `#${index}`}" (rules[${index}]), field "${field}"`;
  return new ChurnError('CHURN_ERR_RULES', `Invalid retention rule file ${where}: ${problem}`, {
    source,
    ruleId,
    ruleIndex: index,
    field,
    value,
  });
}

/** The schema error in words; a closed list of values is spelled out. */
function problemOf(error: ValueError): string {
  if (error.message === 'Expected required property') return 'is required';
  const schema = error.schema as TSchema & { anyOf?: { const?: unknown }[] };
  const consts = schema.anyOf?.map((s) => s.const) ?? [];
  if (consts.length > 0 && consts.every((c) => typeof c === 'string'))
    return `must be one of ${consts.join(', ')} (got ${JSON.stringify(error.value)})`;
  if (error.message === 'Unexpected property') return 'unknown field';
  return `${error.message} (got ${JSON.stringify(error.value)})`;
}

/** The checks across fields and rules: ranges in order, ids and priorities unique. */
function checkSemantics(file: RuleFile, source: string): void {
  const ids = new Map<string, number>();
  const priorities = new Map<number, string>();
  file.rules.forEach((rule, i) => {
    const fail = (field: string, problem: string, value: unknown) => {
      throw ruleError(source, file.rules, i, field, problem, value);
    };
    if (ids.has(rule.id)) fail('id', `duplicate id (also rules[${ids.get(rule.id)}])`, rule.id);
    ids.set(rule.id, i);
    const other = priorities.get(rule.priority);
    if (other !== undefined) fail('priority', `priority ${rule.priority} is already used by rule "${other}"`, rule.priority);
    priorities.set(rule.priority, rule.id);
    for (const key of ['tenureDays', 'clv', 'probability'] as const) {
      const r = rule.when[key];
      if (r?.min !== undefined && r.max !== undefined && r.min >= r.max) {
        fail(`when.${key}`, `min (${r.min}) must be below max (${r.max})`, r);
      }
    }
  });
}

/** Validates a parsed rule file; throws CHURN_ERR_RULES naming the rule id and the field. Rules come back by priority. */
export function parseRules(raw: unknown, source = 'rules'): RetentionRule[] {
  const first = Value.Errors(RuleFileSchema, raw).First();
  if (first) {
    const parts = first.path.split('/').slice(1);
    const rules = (raw as { rules?: unknown } | null)?.rules;
    if (parts[0] === 'rules' && parts.length >= 2) {
      const field = parts.slice(2).join('.') || '(the rule itself)';
      throw ruleError(source, rules, Number(parts[1]), field, problemOf(first), first.value);
    }
    throw ruleError(source, rules, undefined, parts.join('.') || '(root)', problemOf(first), first.value);
  }
  const file = raw as RuleFile;
  checkSemantics(file, source);
  return [...file.rules].sort((a, b) => a.priority - b.priority);
}

/** Reads and validates a JSON rule file. */
export function loadRuleFile(path: string): RetentionRule[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new ChurnError('CHURN_ERR_RULES', `Cannot read retention rule file ${path}: ${(e as Error).message}`, { source: path });
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new ChurnError('CHURN_ERR_RULES', `Retention rule file ${path} is not valid JSON: ${(e as Error).message}`, {
      source: path,
    });
  }
  return parseRules(raw, path);
}
