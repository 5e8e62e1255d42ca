/**
 * A small seeded random business for tests (independent of the generator): plan changes, win-backs, tickets resolved
 * across cutoffs, failed payments and refunds, so that point-in-time edge cases occur in a few hundred customers.
 */
import { addDays, daysBetween } from '../dates.js';
import { BusinessFixture } from './fixture.js';

/** A tiny deterministic PRNG (mulberry32). */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `customers` customers between `start` and `end` (ISO days), reproducible from `seed`. */
export function randomBusiness(customers: number, seed = 1, start = '2024-10-01', end = '2025-07-31'): BusinessFixture {
  const r = prng(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
  const span = daysBetween(start, end);
  const f = new BusinessFixture();
  for (let c = 0; c < customers; c++) {
    const id = `C${String(c).padStart(4, '0')}`;
    const signup = addDays(start, int(0, span - 20));
    f.customer(id, {
      signup_date: signup,
      birth_year: r() < 0.15 ? null : int(1950, 2005),
      region: pick(['North', 'South', 'East', 'West', 'Capital, City']),
      device_type: pick(['Android', 'iOS', 'Web', 'SmartTV']),
      acquisition_channel: pick(['Organic', 'Ads', 'Referral', 'Partner', 'Social']),
    });
    let subStart = signup;
    for (let s = 0; s < 3 && subStart <= end; s++) {
      const open = r() < 0.4 || s === 2;
      const subEnd = open ? null : addDays(subStart, int(15, 200));
      const plan = pick(['Basic', 'Standard', 'Premium'] as const);
      f.subscription(id, subStart, subEnd, {
        plan_type: plan,
        billing_cycle: r() < 0.2 ? 'annual' : 'monthly',
        monthly_price: { Basic: 7.99, Standard: 12.49, Premium: 17.99 }[plan],
        discount_pct: r() < 0.2 ? 20 : 0,
        auto_renew: r() < 0.8 ? 1 : 0,
        cancel_reason: subEnd ? pick(['price', 'plan_change', 'low_engagement']) : null,
      });
      const last = subEnd && subEnd < end ? subEnd : end;
      for (let d = subStart; d <= last; d = addDays(d, int(1, 4)))
        f.usage(id, d, int(1, 6), Math.round(r() * 900) / 10 + 0.05, r() < 0.1 ? int(1, 3) : 0);
      for (let d = subStart; d <= last; d = addDays(d, 30)) {
        const status = r() < 0.1 ? 'failed' : r() < 0.03 ? 'refunded' : 'success';
        f.payment(id, d, Math.round(r() * 2000) / 100 + 0.01, status);
      }
      for (let t = int(0, 3); t > 0; t--) {
        const opened = addDays(subStart, int(0, daysBetween(subStart, last)));
        const resolved = r() < 0.8;
        f.ticket(id, opened, {
          category: pick(['technical', 'billing', 'account', 'content', 'other']),
          resolved: resolved ? 1 : 0,
          resolution_hours: resolved ? Math.round(r() * 2000) / 10 : null,
          csat: resolved && r() < 0.7 ? int(1, 5) : null,
        });
      }
      if (!subEnd) break;
      subStart = addDays(subEnd, r() < 0.5 ? 1 : int(2, 60));
    }
  }
  return f;
}
