import { describe, expect, it } from 'vitest';
import { mix32 } from './random.js';
import { generateForTest, isVoluntaryChurn } from './test-kit.js';

const base = { customers: 3000, months: 6, seed: 8 } as const;
/** A deterministic half of the customers. */
const treated = (id: string) => mix32(Number(id.slice(1)), 77) % 2 === 0;

describe('the churnHazard hook multiplies the voluntary-cancellation hazard', () => {
  it('a multiplier of 0 removes voluntary churn entirely; involuntary churn remains', async () => {
    const b = await generateForTest({ ...base, churnHazard: () => 0 });
    expect(b.subscriptions.filter(isVoluntaryChurn).length).toBe(0);
    expect(b.summary.churnEvents.payment_failed).toBeGreaterThan(30);
  });

  it('halving the hazard for a random half of the customers about halves their voluntary churn', async () => {
    const b = await generateForTest({ ...base, churnHazard: (id) => (treated(id) ? 0.5 : 1) });
    const rate = (arm: boolean) => {
      const ids = new Set(b.customers.filter((c) => treated(c.customer_id) === arm).map((c) => c.customer_id));
      return b.subscriptions.filter((s) => ids.has(s.customer_id) && isVoluntaryChurn(s)).length / ids.size;
    };
    const ratio = rate(true) / rate(false);
    expect(ratio).toBeGreaterThan(0.4);
    expect(ratio).toBeLessThan(0.65);
  });

  it('is called on subscribed days only (window days, and for the initial base the billing period running at the start), and changes nothing when it returns 1', async () => {
    const seen: string[] = [];
    const b = await generateForTest({
      ...base,
      customers: 200,
      churnHazard: (id, date) => {
        if (id === 'C00000150') seen.push(date);
        return 1;
      },
    });
    const plain = await generateForTest({ ...base, customers: 200 });
    expect(b.raw).toEqual(plain.raw);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((d) => d <= '2025-06-30')).toBe(true);
    expect(seen.filter((d) => d < '2025-01-01').length).toBeLessThan(366);
    const subs = b.subscriptions.filter((s) => s.customer_id === 'C00000150');
    expect(seen.every((d) => subs.some((s) => s.start_date <= d && (s.end_date === null || s.end_date >= d)))).toBe(true);
  });

  it('a hook returning NaN or a negative number stops generation with an error naming the customer and date', async () => {
    await expect(generateForTest({ ...base, customers: 5, churnHazard: () => Number.NaN })).rejects.toMatchObject({
      code: 'CHURN_ERR_PARAM',
      context: expect.objectContaining({ customerId: 'C00000001', date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) }),
    });
  });
});
