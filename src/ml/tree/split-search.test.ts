// Oracle test (STYLE 7): the bucket and sorted scans against an exhaustive, obviously-correct split enumeration.
import { describe, expect, it } from 'vitest';
import { rng } from '../random.js';
import { CRITERION_CODE, nodeScore } from './criterion.js';
import { type RankArray, rankAt, rankColumns } from './ranked-columns.js';
import { ALL_PRESENT_LEFT, type NodeRows, SplitSearch } from './split-search.js';

interface Candidate {
  score: number;
  feature: number;
  rankLeft: number;
  missingLeft: boolean;
}

/** Every threshold between distinct present values, missing values on either side, plus missing-vs-present. */
function exhaustive(code: number, stored: RankArray[], rows: NodeRows, m: number, minLeaf: number): Candidate {
  const ranks = stored.map((a) => Int32Array.from({ length: a.length }, (_, i) => rankAt(a, i)));
  let best: Candidate = { score: Number.NEGATIVE_INFINITY, feature: -1, rankLeft: -1, missingLeft: false };
  ranks.forEach((rank, f) => {
    const present = [...new Set(Array.from(rows.row.subarray(0, m), (i) => rank[i]).filter((r) => r >= 0))].sort((a, b) => a - b);
    const hasMissing = Array.from(rows.row.subarray(0, m)).some((i) => rank[i] < 0);
    const tries: [number, boolean][] = present.slice(0, -1).flatMap(
      (r) =>
        [
          [r, false],
          [r, true],
        ] as [number, boolean][],
    );
    if (hasMissing) tries.push([ALL_PRESENT_LEFT, false]);
    for (const [rankLeft, missingLeft] of tries) {
      const side = [0, 0, 0, 0, 0, 0]; // n, w, s for left then right
      for (let j = 0; j < m; j++) {
        const r = rank[rows.row[j]];
        const k = (r >= 0 ? r <= rankLeft : missingLeft) ? 0 : 3;
        side[k]++;
        side[k + 1] += rows.weight[j];
        side[k + 2] += rows.target[j];
      }
      if (side[0] < minLeaf || side[3] < minLeaf) continue;
      const score = nodeScore(code, side[1], side[2]) + nodeScore(code, side[4], side[5]);
      if (score > best.score + 1e-12) best = { score, feature: f, rankLeft, missingLeft };
    }
  });
  return best;
}

/** A random node of m rows out of n; with `band`, values follow the row index and the node is a band of rows. */
function randomNode(seed: number, n: number, m: number, distinct: number, band = false) {
  const r = rng(seed);
  const value = (i: number) => (band ? Math.floor((i / n) * distinct) + Math.floor(r() * 3) : Math.floor(r() * distinct));
  const columns = Array.from({ length: 4 }, () =>
    Float64Array.from({ length: n }, (_, i) => (r() < 0.15 ? Number.NaN : value(i))),
  );
  const data = rankColumns({ nRows: n, columns });
  const rows: NodeRows = { row: new Int32Array(m), weight: new Float64Array(m), target: new Float64Array(m) };
  const chosen = new Set<number>();
  const from = Math.floor(r() * (n - 2 * m));
  while (chosen.size < m) chosen.add(band ? from + Math.floor(r() * 2 * m) : Math.floor(r() * n));
  [...chosen]
    .sort((a, b) => a - b)
    .forEach((i, j) => {
      rows.row[j] = i;
      rows.weight[j] = 1 + Math.floor(r() * 3);
      rows.target[j] = rows.weight[j] * (r() < 0.4 + 0.2 * Math.sign(columns[0][i] - distinct / 2) ? 1 : 0);
    });
  return { data, rows };
}

describe('split search equals exhaustive enumeration', () => {
  const cases = [
    { name: 'counting by value (few distinct values)', n: 500, m: 300, distinct: 12, band: false, path: 'count' },
    {
      name: 'buckets over the node range (many values, narrow node)',
      n: 3000,
      m: 200,
      distinct: 2500,
      band: true,
      path: 'range',
    },
    { name: 'sorted scan (node much smaller than the rank range)', n: 3000, m: 60, distinct: 2500, band: false, path: 'sort' },
  ];
  for (const c of cases)
    for (const crit of ['gini', 'entropy', 'mse'] as const)
      it(`${c.name}, ${crit}, 20 random nodes with missing values and weights`, () => {
        const code = CRITERION_CODE[crit];
        for (let seed = 1; seed <= 20; seed++) {
          const { data, rows } = randomNode(seed, c.n, c.m, c.distinct, c.band);
          const search = new SplitSearch(c.n, 5000);
          search.best.reset();
          const limits = { minSamplesLeaf: 2, minWeightLeaf: 0 };
          data.ranks.forEach((rank, f) => {
            search.searchFeature(code, limits, f, rank, rows, 0, c.m, data.values[f].length);
          });
          const want = exhaustive(code, data.ranks, rows, c.m, 2);
          // The case exercises the scan it is named for (BUCKET_RATIO = 4 in split-search.ts).
          const present = Array.from(rows.row, (i) => rankAt(data.ranks[0], i)).filter((r) => r >= 0);
          const range = Math.max(...present) - Math.min(...present) + 1;
          const path = data.values[0].length <= 4 * c.m ? 'count' : range <= 4 * c.m ? 'range' : 'sort';
          expect(path).toBe(c.path);
          expect(search.best.score).toBeCloseTo(want.score, 9);
          expect(search.best.feature).toBe(want.feature);
          expect(search.best.rankLeft).toBe(want.rankLeft);
          if (want.rankLeft !== ALL_PRESENT_LEFT) expect(search.best.missingLeft).toBe(want.missingLeft);
        }
      });
});
