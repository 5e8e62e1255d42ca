/** The retention rule file as a TypeBox schema (JSON Schema underneath): conditions a customer must meet, and the action. */
import { type Static, Type as T, type TLiteral, type TSchema, type TUnion } from '@sinclair/typebox';
import { billingCycles, planTypes } from '../../data/contract/index.js';
import { riskBuckets } from '../types.js';

const strict = { additionalProperties: false } as const;
// Typed as a union of the literal values so rule types read 'Low' | 'Medium' | …, not string.
const oneOf = <V extends string>(values: readonly V[]) =>
  T.Union(values.map((v) => T.Literal(v))) as unknown as TUnion<TLiteral<V>[]>;
const nonEmpty = <S extends TSchema>(item: S) => T.Array(item, { minItems: 1 });

/** A numeric range: `min` inclusive, `max` exclusive; either may be left out. */
const Range = (bounds: { minimum?: number; maximum?: number } = {}) =>
  T.Object({ min: T.Optional(T.Number(bounds)), max: T.Optional(T.Number(bounds)) }, strict);

/** Contact channels a retention team can use. */
export const channels = ['email', 'sms', 'push', 'in_app', 'phone'] as const;

/** Conditions; all given ones must hold (AND), a list matches any of its entries (OR). */
export const RuleConditionsSchema = T.Object(
  {
    riskBuckets: T.Optional(nonEmpty(oneOf(riskBuckets))),
    segments: T.Optional(nonEmpty(T.String({ minLength: 1 }))),
    /** Feature names, `*` as wildcard, of which one must be among the customer's top-k drivers raising risk. */
    topDrivers: T.Optional(nonEmpty(T.String({ minLength: 1 }))),
    /** How many of the strongest risk-raising drivers `topDrivers` looks at. Default 3. */
    topK: T.Optional(T.Integer({ minimum: 1, maximum: 50 })),
    plans: T.Optional(nonEmpty(oneOf(planTypes))),
    billingCycles: T.Optional(nonEmpty(oneOf(billingCycles))),
    tenureDays: T.Optional(Range({ minimum: 0 })),
    clv: T.Optional(Range()),
    probability: T.Optional(Range({ minimum: 0, maximum: 1 })),
  },
  strict,
);

/** What the rule recommends. */
export const RuleActionSchema = T.Object(
  {
    action: T.String({ minLength: 1 }),
    channel: oneOf(channels),
    offer: T.Union([T.String({ minLength: 1 }), T.Null()]),
    /** Relative reduction of the churn probability the action is expected to achieve, in (0, 1]. */
    expectedUplift: T.Number({ exclusiveMinimum: 0, maximum: 1 }),
    /** Cost of contacting one customer (incentive included), in the revenue currency. */
    costPerContact: T.Number({ minimum: 0 }),
  },
  strict,
);

/** One rule; the lowest `priority` number among the matching rules wins, and priorities are unique. */
export const RetentionRuleSchema = T.Object(
  {
    id: T.String({ pattern: '^[a-z0-9][a-z0-9-]*$' }),
    description: T.String({ minLength: 1 }),
    priority: T.Integer({ minimum: 1 }),
    when: RuleConditionsSchema,
    recommend: RuleActionSchema,
  },
  strict,
);

/** A rule file: `{ "version": 1, "rules": [ … ] }`. */
export const RuleFileSchema = T.Object({ version: T.Literal(1), rules: nonEmpty(RetentionRuleSchema) }, strict);

export type RuleConditions = Static<typeof RuleConditionsSchema>;
export type RuleAction = Static<typeof RuleActionSchema>;
export type RetentionRule = Static<typeof RetentionRuleSchema>;
export type RuleFile = Static<typeof RuleFileSchema>;
export type Channel = (typeof channels)[number];
