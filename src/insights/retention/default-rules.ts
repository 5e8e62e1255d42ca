/**
 * The retention rules churnlab ships with, as a rule file (the same JSON shape a user's file has).
 * Uplifts and costs are starting assumptions to be replaced by measured ones from experiments (docs/retention-rules.md).
 */
import { parseRules } from './parse-rules.js';
import type { RetentionRule, RuleFile } from './rule-schema.js';

const atRisk = ['Medium', 'High', 'Very High'] as const;

export const defaultRuleFile: RuleFile = {
  version: 1,
  rules: [
    {
      id: 'vip-personal-call',
      description: 'Very high risk and still high lifetime value: a person calls.',
      priority: 10,
      when: { riskBuckets: ['Very High'], clv: { min: 4 } },
      recommend: {
        action: 'personal_call',
        channel: 'phone',
        offer: 'call from the retention team with a tailored offer',
        expectedUplift: 0.3,
        costPerContact: 15,
      },
    },
    {
      id: 'payment-card-update',
      description: 'Failed payments drive the risk: ask for a card update and retry the charge.',
      priority: 20,
      when: {
        riskBuckets: [...atRisk],
        topDrivers: ['failed_payments_*', 'total_amount_failed_*', 'payment_failure_rate', 'days_since_last_failed_payment'],
      },
      recommend: {
        action: 'card_update_and_retry',
        channel: 'email',
        offer: 'one-click card update link; automatic retry of the failed charge',
        expectedUplift: 0.35,
        costPerContact: 0.5,
      },
    },
    {
      id: 'crash-technical-outreach',
      description: 'App crashes drive the risk: technical outreach.',
      priority: 30,
      when: {
        riskBuckets: [...atRisk],
        topDrivers: ['total_crashes_*', 'crash_rate_*', 'sessions_per_crash', 'support_tickets_technical_*'],
      },
      recommend: {
        action: 'technical_outreach',
        channel: 'email',
        offer: 'troubleshooting guide, app update and the priority support line',
        expectedUplift: 0.15,
        costPerContact: 2,
      },
    },
    {
      id: 'support-recovery',
      description: 'Support experience drives the risk: a senior agent follows up.',
      priority: 40,
      when: {
        riskBuckets: [...atRisk],
        topDrivers: [
          'support_tickets_*',
          'avg_resolution_time_*',
          'unresolved_tickets',
          'avg_csat_*',
          'support_per_session',
          'days_since_last_ticket',
        ],
      },
      recommend: {
        action: 'support_follow_up',
        channel: 'phone',
        offer: 'follow-up by a senior agent on open issues',
        expectedUplift: 0.15,
        costPerContact: 5,
      },
    },
    {
      id: 'engagement-personalised-content',
      description: 'Falling or low engagement drives the risk: personalised content.',
      priority: 50,
      when: {
        riskBuckets: [...atRisk],
        topDrivers: [
          'total_sessions_*',
          'active_days_*',
          'total_minutes_*',
          'avg_session_minutes_*',
          'minutes_per_active_day_*',
          'days_since_last_activity',
          'inactive_*',
          'sessions_trend_*',
          'minutes_trend_*',
          'recent_sessions_share',
        ],
      },
      recommend: {
        action: 'personalised_content',
        channel: 'push',
        offer: 'personalised recommendations from the viewing history',
        expectedUplift: 0.1,
        costPerContact: 0.1,
      },
    },
    {
      id: 'price-discount-or-downgrade',
      description: 'Price drives the risk: a time-limited discount or a cheaper plan.',
      priority: 60,
      when: {
        riskBuckets: [...atRisk],
        topDrivers: [
          'monthly_price',
          'effective_monthly_price',
          'discount_pct',
          'has_discount',
          'plan_type',
          'billing_cycle',
          'downgraded_*',
          'plan_changes_*',
          'total_amount_success_*',
        ],
      },
      recommend: {
        action: 'discount_or_downgrade_offer',
        channel: 'email',
        offer: '25 % off for 3 months, or a switch to a cheaper plan',
        expectedUplift: 0.2,
        costPerContact: 6,
      },
    },
    {
      id: 'at-risk-check-in',
      description: 'High risk that no driver-specific rule covers: a low-cost check-in.',
      priority: 90,
      when: { riskBuckets: ['High', 'Very High'] },
      recommend: {
        action: 'retention_check_in',
        channel: 'email',
        offer: 'loyalty reminder with what is new',
        expectedUplift: 0.05,
        costPerContact: 0.1,
      },
    },
  ],
};

/** The default rules, validated and sorted by priority. */
export const defaultRules: RetentionRule[] = parseRules(defaultRuleFile, 'default retention rules');
