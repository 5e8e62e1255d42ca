import { describe, expect, it } from 'vitest';
import { type RememberedScore, ScoreCache } from './score-cache.js';

const entry = (id: string): RememberedScore => ({
  values: {},
  plain: { customer_id: id, probability: 0.5, prediction: 1, risk_bucket: 'High', model_id: 'm' },
});

describe('score cache', () => {
  it('stores a record at its second sighting, not its first', () => {
    const cache = new ScoreCache();
    expect(cache.offer('a', () => entry('a'))).toBe(false);
    expect(cache.get('a')).toBeUndefined();
    expect(cache.offer('a', () => entry('a'))).toBe(true);
    expect(cache.get('a')?.plain.customer_id).toBe('a');
    // An entry already stored is replaced at once (a plain entry upgraded with its explanation).
    expect(cache.offer('a', () => ({ ...entry('a'), explained: entry('a').plain }))).toBe(true);
    expect(cache.get('a')?.explained).toBeDefined();
  });

  it('stores nothing from a stream of distinct records, and forgets sightings older than 5,000–10,000 records', () => {
    const cache = new ScoreCache();
    let made = 0;
    const make = (id: string) => () => {
      made++;
      return entry(id);
    };
    for (let i = 0; i < 30_000; i++) cache.offer(`d${i}`, make(`d${i}`));
    expect(made).toBe(0);
    // The 30,000th record just turned a generation: the last 5,000 are remembered, the ones before forgotten.
    expect(cache.offer('d26000', make('d26000'))).toBe(true);
    expect(cache.offer('d21000', make('d21000'))).toBe(false);
    expect(made).toBe(1);
  });
});
