/** Driver templates for customer support: tickets (by category), resolution time, unresolved tickets, satisfaction. */
import { countOf, formatNumber, windowPhrase } from '../format.js';
import { type DriverTemplate, numberAmong } from '../template.js';

/** Names under which the snapshot may hold the mean resolution hours of the same window. */
function resolutionNames(windowDays: number | undefined): string[] {
  const w = windowDays === undefined ? '' : `_${windowDays}d`;
  return [`avg_resolution_time${w}`, `avg_resolution_hours${w}`, `mean_resolution_hours${w}`];
}

export const supportTemplates: DriverTemplate[] = [
  {
    id: 'support.tickets',
    pattern: /^(total_)?(support_tickets|tickets)$/,
    kind: 'number',
    render: ({ num, feature, features }) => {
      const hours = num > 0 ? numberAmong(features, resolutionNames(feature.windowDays)) : undefined;
      const tail = hours === undefined ? '' : `, mean resolution ${formatNumber(hours)} h`;
      return `${countOf(num, 'support ticket')}${windowPhrase(feature.windowDays)}${tail}`;
    },
  },
  {
    id: 'support.tickets-by-category',
    pattern:
      /^((support_)?tickets_(?<cat>technical|billing|account|content|other)|(?<cat2>technical|billing|account|content|other)_tickets)$/,
    kind: 'number',
    render: ({ num, groups, feature }) =>
      `${countOf(num, `${groups.cat ?? groups.cat2} ticket`)}${windowPhrase(feature.windowDays)}`,
  },
  {
    id: 'support.resolution-time',
    pattern: /^(avg_resolution_time|avg_resolution_hours|mean_resolution_hours)$/,
    kind: 'number',
    render: ({ num, feature }) =>
      `support tickets took ${formatNumber(num)} h on average to resolve${windowPhrase(feature.windowDays)}`,
    missing: ({ feature }) => `no resolved support tickets${windowPhrase(feature.windowDays)}`,
  },
  {
    id: 'support.unresolved',
    pattern: /^(unresolved_tickets|open_tickets|tickets_unresolved)$/,
    kind: 'number',
    render: ({ num, feature }) => `${countOf(num, 'unresolved support ticket')}${windowPhrase(feature.windowDays)}`,
  },
  {
    id: 'support.csat',
    pattern: /^(avg|mean)_csat$/,
    kind: 'number',
    render: ({ num, feature }) => `mean support satisfaction ${formatNumber(num)}/5${windowPhrase(feature.windowDays)}`,
    missing: ({ feature }) => `no satisfaction rating${windowPhrase(feature.windowDays)}`,
  },
  {
    id: 'support.ticket-recency',
    pattern: /^days_since_last_ticket$/,
    kind: 'number',
    render: ({ num }) =>
      num === 0 ? 'opened a support ticket on the latest day' : `last support ticket ${countOf(num, 'day')} ago`,
    missing: () => 'no support ticket on record',
  },
  {
    // src/features defines it as tickets ÷ (sessions + 1); the raw counts, when at hand, say it plainer.
    id: 'support.per-session',
    pattern: /^(support_per_session|tickets_per_session)$/,
    kind: 'number',
    render: ({ num, features }) => {
      const tickets = numberAmong(features, ['support_tickets_30d']);
      const sessions = numberAmong(features, ['total_sessions_30d']);
      if (tickets === undefined || sessions === undefined) return `${Number(num.toPrecision(2))} support tickets per session`;
      return `${countOf(tickets, 'support ticket')} for ${countOf(sessions, 'session')} in the last 30 days`;
    },
  },
];
