import { beforeAll, describe, expect, it } from 'vitest';
import type { SupportTicket } from '../contract/index.js';
import { dayOf } from './calendar.js';
import { type Business, churnsBetween, generateForTest, type History, mean, ruleBusinessOptions, windowEnd } from './test-kit.js';

let b: Business;
beforeAll(async () => {
  b = await generateForTest(ruleBusinessOptions);
});

describe('app crashes raise technical tickets', () => {
  it('a technical ticket is opened on a day with crashes far more often than on an active day without', () => {
    const count = { crash: 0, crashTicket: 0, calm: 0, calmTicket: 0, multi: 0, multiTicket: 0 };
    for (const h of b.histories) {
      const technical = new Set(h.tickets.filter((t) => t.category === 'technical').map((t) => t.opened_at));
      for (const u of h.usage) {
        const ticket = technical.has(u.activity_date) ? 1 : 0;
        if (u.crashes === 0) {
          count.calm++;
          count.calmTicket += ticket;
        } else {
          count.crash++;
          count.crashTicket += ticket;
          if (u.crashes >= 2) {
            count.multi++;
            count.multiTicket += ticket;
          }
        }
      }
    }
    expect(count.crash).toBeGreaterThan(5000);
    const perCrashDay = count.crashTicket / count.crash;
    expect(perCrashDay / (count.calmTicket / count.calm)).toBeGreaterThan(20);
    // More crashes that day, more likely a ticket.
    expect(count.multiTicket / count.multi).toBeGreaterThan(1.3 * perCrashDay);
  });
});

describe('slow resolution and low CSAT raise churn', () => {
  // Billing tickets follow failed payments, which drive churn on their own: leave them out of the comparison.
  const resolved = () =>
    b.histories.flatMap((h) =>
      h.tickets
        .filter((t) => t.category !== 'billing' && t.resolved === 1 && dayOf(t.opened_at) <= windowEnd - 60)
        .map((t) => ({ h, t })),
    );
  const bad = (t: SupportTicket) => t.resolution_hours! > 72 || (t.csat !== null && t.csat <= 2);
  const good = (t: SupportTicket) => t.resolution_hours! <= 24 && (t.csat === null || t.csat >= 4);
  const churnShare = (xs: { h: History; t: SupportTicket }[]) =>
    xs.filter(({ h, t }) => churnsBetween(h, dayOf(t.opened_at), dayOf(t.opened_at) + 60)).length / xs.length;

  it('customers churn more in the 60 days after a slow or badly rated ticket than after a fast, well rated one', () => {
    const all = resolved();
    const slow = all.filter(({ t }) => bad(t));
    const fast = all.filter(({ t }) => good(t));
    expect(slow.length).toBeGreaterThan(200);
    expect(churnShare(slow) / churnShare(fast)).toBeGreaterThan(1.35);
  });

  it('CSAT falls with resolution time; open and unrated tickets have no CSAT', () => {
    const rated = b.tickets.filter((t) => t.csat !== null);
    const fast = mean(rated.filter((t) => t.resolution_hours! <= 24).map((t) => t.csat!));
    const slow = mean(rated.filter((t) => t.resolution_hours! > 72).map((t) => t.csat!));
    expect(fast - slow).toBeGreaterThan(0.8);
    const open = b.tickets.filter((t) => t.resolved === 0);
    expect(open.length).toBeGreaterThan(0);
    expect(open.every((t) => t.resolution_hours === null && t.csat === null)).toBe(true);
    expect(rated.length / b.tickets.filter((t) => t.resolved === 1).length).toBeCloseTo(0.65, 1);
  });

  it('service quality is the reason most often given by customers who leave within 60 days of a bad ticket', () => {
    const reasons = new Map<string, number>();
    for (const { h, t } of resolved().filter(({ t }) => bad(t))) {
      const from = dayOf(t.opened_at);
      for (const s of h.subs)
        if (s.end_date && s.cancel_reason !== 'plan_change' && dayOf(s.end_date) >= from && dayOf(s.end_date) <= from + 60)
          reasons.set(s.cancel_reason!, (reasons.get(s.cancel_reason!) ?? 0) + 1);
    }
    const top = [...reasons].sort((a, c) => c[1] - a[1])[0];
    expect(top[0]).toBe('service_quality');
  });
});
