/** The public surface of src/insights: driver sentences, CLV, retention rules and campaigns, experiments, segment names. */

export {
  type ChurnBy,
  type ChurnDimension,
  type ChurnGroup,
  churnBy,
  churnDimensions,
  tenureBand,
} from './analytics/churn-by.js';
// Customer lifetime value and revenue at risk
export {
  type CustomerValue,
  customerValue,
  daysPerMonth,
  defaultLifetimeOptions,
  type LifetimeOptions,
  lifetimeValue,
  monthlyHazard,
} from './clv/lifetime-value.js';
export { summariseValues, summariseValuesBy, type ValueSummary } from './clv/value-summary.js';
// Drivers in business words
export {
  aggregateContributionRows,
  aggregateContributions,
  type EncodedToOriginal,
  type FeatureGroups,
  groupEncodedFeatures,
  oneHotOriginal,
} from './drivers/aggregate.js';
export { driverCatalogue, findTemplate } from './drivers/catalogue.js';
export {
  type DriverContext,
  type DriverDescription,
  type DriverInput,
  describeDriver,
  describeFact,
} from './drivers/describe-driver.js';
export { type DriverDirection, describeEffect, directionOf } from './drivers/effect.js';
export { type ParsedFeatureName, parseFeatureName } from './drivers/feature-name.js';
export {
  countOf,
  formatDuration,
  formatMoney,
  formatNumber,
  formatPercent,
  formatSigned,
  humanise,
  windowPhrase,
} from './drivers/format.js';
export type { DriverTemplate, FactInput } from './drivers/template.js';
export { compareStrength, driversFrom, isSelectableCount, risingDrivers, topDrivers } from './drivers/top-drivers.js';
// Retention experiments
export {
  type ArmCounts,
  type ArmResult,
  analyseExperiment,
  type ExperimentAnalysis,
  type ExperimentVerdict,
} from './experiments/analyse-experiment.js';
export { type Arm, assignArm, assignmentUniform } from './experiments/assign-arm.js';
export {
  type CreateExperimentOptions,
  createExperiment,
  type Experiment,
  experimentIdOf,
  experimentMaturity,
  getExperiment,
  reportExperiment,
} from './experiments/experiment-store.js';
export { erf, erfc, normalCdf, normalQuantile, twoSidedPValue } from './experiments/normal.js';
export {
  type Interval,
  newcombeDifferenceInterval,
  twoProportionZTest,
  waldDifferenceInterval,
  wilsonInterval,
} from './experiments/proportions.js';
export { type ActionRecord, formatCampaign, recordActions, writeCampaignCsv } from './retention/campaign-output.js';
// Retention rules and campaigns
export { checkScoredCustomer } from './retention/check-customer.js';
export { defaultRuleFile, defaultRules } from './retention/default-rules.js';
export { defaultTopK, globToRegExp, matchRule } from './retention/match-rule.js';
export { loadRuleFile, parseRules } from './retention/parse-rules.js';
export {
  type CampaignLine,
  type CampaignOptions,
  type CampaignPlan,
  type CampaignTotals,
  planCampaign,
} from './retention/plan-campaign.js';
export { type Recommendation, type RecommendOptions, recommend, rulesTopK } from './retention/recommend.js';
export {
  type Channel,
  channels,
  type RetentionRule,
  RetentionRuleSchema,
  type RuleAction,
  RuleActionSchema,
  type RuleConditions,
  RuleConditionsSchema,
  type RuleFile,
  RuleFileSchema,
} from './retention/rule-schema.js';
export {
  campaignFromScores,
  type StoredCampaign,
  type StoredCampaignLine,
} from './retention/stored-campaign.js';
// Store-backed insights: scored snapshots, segmentation runs
export {
  findScoredSnapshot,
  requireScoredSnapshot,
  type ScoredSnapshot,
  type ScoredSnapshotQuery,
  type StoredScore,
  type StoredScoreExplanation,
} from './scored/read-scores.js';
// Segment names
export { type Archetype, archetypes, mainstreamName } from './segments/archetypes.js';
export { type BehaviourMatrix, behaviourMatrix, monthlyRevenueColumn } from './segments/behaviour-matrix.js';
export { type NamedSegment, type NamingOptions, nameSegments } from './segments/name-segments.js';
export { orderSegments, relabel } from './segments/order-segments.js';
export { formatSegmentation, writeSegmentFiles } from './segments/segment-files.js';
export { type SegmentInput, segmentInputsFromClusters } from './segments/segment-input.js';
export {
  type Segmentation,
  type SegmentOptions,
  type SegmentProfile,
  segmentSnapshot,
} from './segments/segment-snapshot.js';
export {
  latestSegmentation,
  latestSegmentNames,
  type SegmentSummary,
  saveSegmentation,
} from './segments/segment-store.js';
export { centroidSignals, familyMembers, familyOf, type SignalFamily, signalFamilies } from './segments/signals.js';
// Inputs
export {
  type ContributionUnit,
  type Driver,
  type FeatureValue,
  type RiskBucket,
  riskBuckets,
  type ScoredCustomer,
} from './types.js';
