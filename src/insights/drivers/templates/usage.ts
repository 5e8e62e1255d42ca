/** Driver templates for product usage: sessions, minutes, active days, crashes, recency and trends. */
import { countOf, formatNumber, formatPercent, humanise, windowPhrase } from '../format.js';
import { type DriverTemplate, numberAmong } from '../template.js';

/** The noun for a usage measure in a trend sentence: `total_sessions` → "sessions". */
function usageNoun(what: string): string {
  const w = what.replace(/^(total|avg|mean)_/, '');
  if (w === 'sessions') return 'sessions';
  if (w === 'minutes' || w === 'usage_minutes') return 'minutes of use';
  if (w === 'active_days') return 'active days';
  if (w === 'crashes') return 'crashes';
  return humanise(w);
}

/** The comparison period of a trend: last 30 days vs "the month before", else vs "the N days before". */
function versus(windowDays: number | undefined): string {
  return windowDays === undefined || windowDays === 30 ? 'vs the month before' : `vs the ${windowDays} days before`;
}

/** "down 60 %", "up 25 %", "unchanged" from a relative change. */
function change(relative: number): string {
  if (Math.abs(relative) < 0.005) return 'unchanged';
  return `${relative < 0 ? 'down' : 'up'} ${formatPercent(Math.abs(relative))}`;
}

export const usageTemplates: DriverTemplate[] = [
  {
    id: 'usage.sessions',
    pattern: /^(total_)?sessions$/,
    kind: 'number',
    render: ({ num, feature }) => `${countOf(num, 'session')}${windowPhrase(feature.windowDays)}`,
  },
  {
    id: 'usage.active-days',
    pattern: /^active_days$/,
    kind: 'number',
    render: ({ num, feature }) =>
      feature.windowDays === undefined
        ? `active on ${countOf(num, 'day')}`
        : `active on ${formatNumber(num)} of the last ${feature.windowDays} days`,
  },
  {
    id: 'usage.minutes',
    pattern: /^(total_)?(usage_)?minutes$/,
    kind: 'number',
    render: ({ num, feature }) => `${countOf(num, 'minute')} of use${windowPhrase(feature.windowDays)}`,
  },
  {
    id: 'usage.minutes-per-session',
    pattern: /^(avg_session_minutes|(avg_)?minutes_per_session)$/,
    kind: 'number',
    render: ({ num, feature }) => `sessions last ${countOf(num, 'minute')} on average${windowPhrase(feature.windowDays)}`,
    missing: ({ feature }) => `no sessions${windowPhrase(feature.windowDays)}`,
  },
  {
    id: 'usage.crashes',
    pattern: /^(total_)?(app_)?crashes$/,
    kind: 'number',
    render: ({ num, feature }) => `${countOf(num, 'app crash', 'app crashes')}${windowPhrase(feature.windowDays)}`,
  },
  {
    // src/features defines it as sessions ÷ (crashes + 1); the raw counts, when at hand, say it plainer.
    id: 'usage.sessions-per-crash',
    pattern: /^sessions_per_crash$/,
    kind: 'number',
    render: ({ num, features }) => {
      const crashes = numberAmong(features, ['total_crashes_30d']);
      const sessions = numberAmong(features, ['total_sessions_30d']);
      if (crashes === undefined || sessions === undefined) return `${formatNumber(num)} sessions per app crash`;
      return `${countOf(crashes, 'app crash', 'app crashes')} in ${countOf(sessions, 'session')} in the last 30 days`;
    },
  },
  {
    id: 'usage.crash-rate',
    pattern: /^crash_rate$/,
    kind: 'number',
    render: ({ num, feature }) => `${Number(num.toPrecision(2))} app crashes per session${windowPhrase(feature.windowDays)}`,
    missing: ({ feature }) => `no sessions${windowPhrase(feature.windowDays)}`,
  },
  {
    id: 'usage.previous-window',
    pattern: /^(?<what>(total_)?(sessions|minutes))_prev$/,
    kind: 'number',
    render: ({ num, groups, feature }) => {
      const w = feature.windowDays ?? 30;
      const amount = groups.what.endsWith('sessions') ? countOf(num, 'session') : `${countOf(num, 'minute')} of use`;
      return `${amount} in the ${w} days before the last ${w}`;
    },
  },
  {
    id: 'usage.inactive',
    pattern: /^inactive$/,
    kind: 'flag',
    render: ({ num, feature }) =>
      num ? `no activity at all${windowPhrase(feature.windowDays)}` : `active${windowPhrase(feature.windowDays)}`,
  },
  {
    id: 'usage.minutes-per-active-day',
    pattern: /^minutes_per_active_day$/,
    kind: 'number',
    render: ({ num, feature }) => `${countOf(num, 'minute')} of use per active day${windowPhrase(feature.windowDays)}`,
    missing: ({ feature }) => `no active days${windowPhrase(feature.windowDays)}`,
  },
  {
    id: 'usage.recent-share',
    pattern: /^recent_sessions_share$/,
    kind: 'number',
    // About 7/30 ≈ 23 % when usage is steady, lower when it is fading.
    render: ({ num }) => `${formatPercent(num)} of the last 30 days' sessions fell in the last 7 days`,
    missing: () => 'no sessions in the last 30 days',
  },
  {
    id: 'usage.recency',
    pattern: /^days_since_last_(activity|active|session|login|usage)$/,
    kind: 'number',
    render: ({ num }) => (num === 0 ? 'active on the latest day' : `no activity for ${countOf(num, 'day')}`),
    missing: () => 'no activity on record',
  },
  {
    // src/features' trend: (last − before) ÷ (last + before) in [−1, 1]; the relative change is 2s ÷ (1 − s).
    id: 'usage.trend',
    pattern: /^(?<what>[a-z_]+?)_trend$/,
    kind: 'number',
    render: ({ num, groups, feature }) =>
      num >= 1
        ? `${usageNoun(groups.what)} up from none ${versus(feature.windowDays).replace('vs ', 'in ')}`
        : `${usageNoun(groups.what)} ${change((2 * num) / (1 - num))} ${versus(feature.windowDays)}`,
    missing: ({ groups }) => `no ${usageNoun(groups.what)} in either month to compare`,
  },
  {
    // Relative change: (last window ÷ the window before) − 1, so −0.6 reads "down 60 %".
    id: 'usage.change',
    pattern: /^(?<what>[a-z_]+?)_(change|pct_change|relative_change)$/,
    kind: 'number',
    render: ({ num, groups, feature }) => `${usageNoun(groups.what)} ${change(num)} ${versus(feature.windowDays)}`,
    missing: ({ groups }) => `no ${usageNoun(groups.what)} in the month before to compare`,
  },
  {
    // Ratio: last window / the window before, so 0.4 reads "down 60 %".
    id: 'usage.trend-ratio',
    pattern: /^(?<what>[a-z_]+?)_(trend_)?ratio$/,
    kind: 'number',
    render: ({ num, groups, feature }) => `${usageNoun(groups.what)} ${change(num - 1)} ${versus(feature.windowDays)}`,
    missing: ({ groups }) => `no ${usageNoun(groups.what)} in the month before to compare`,
  },
];
