/** Human names for k-means segments, read from their centroids by a documented rule (docs/segments.md). */

import { parseFeatureName } from '../drivers/feature-name.js';
import { formatSigned, humanise } from '../drivers/format.js';
import { type Archetype, archetypes, mainstreamName } from './archetypes.js';
import { orderSegments } from './order-segments.js';
import type { SegmentInput } from './segment-input.js';
import { centroidSignals, type SignalFamily } from './signals.js';

/** A named segment. */
export interface NamedSegment {
  /** Stable id: 0 = largest segment. */
  segmentId: number;
  /** The k-means cluster number it came from. */
  cluster: number;
  name: string;
  size: number;
  /** Share of all customers. */
  share: number;
  churnRate: number;
  /** Mean signed z-score per behaviour family. */
  signals: Partial<Record<SignalFamily, number>>;
  /** The three features furthest from average: "failed payments (last 30 days) +2.1 σ". */
  traits: string[];
  /** Why the segment has its name. */
  rationale: string;
}

/** Options of `nameSegments`. */
export interface NamingOptions {
  /** Minimum signal (in standard deviations) for an archetype to fit. Default 0.5. */
  threshold?: number;
}

const signed = (z: number) => `${formatSigned(z, 1)} σ`;

function traitsOf(centroid: Readonly<Record<string, number>>): string[] {
  return Object.keys(centroid)
    .sort()
    .sort((a, b) => Math.abs(centroid[b]) - Math.abs(centroid[a]))
    .slice(0, 3)
    .map((name) => {
      const p = parseFeatureName(name);
      return `${p.log1p ? 'log ' : ''}${humanise(p.base, p.windowDays)} ${signed(centroid[name])}`;
    });
}

interface Candidate {
  segmentId: number;
  archetype: Archetype;
  rank: number;
  score: number;
}

/**
 * Names every segment. Each archetype whose signal reaches the threshold is a candidate; candidates are taken in order
 * of score (ties: archetype precedence, then segment id) and each name goes to one segment only. A segment left
 * without a name takes its best-fitting archetype anyway, or "steady mainstream" when none fits, with a number suffix
 * (" 2", " 3") when that name is already taken. Segments come back in stable id order (largest first).
 */
export function nameSegments(inputs: readonly SegmentInput[], options: NamingOptions = {}): NamedSegment[] {
  const threshold = options.threshold ?? 0.5;
  const idOf = orderSegments(inputs);
  const total = inputs.reduce((s, x) => s + x.size, 0);
  const overallChurn = total === 0 ? 0 : inputs.reduce((s, x) => s + x.size * x.churnRate, 0) / total;
  const segments = [...inputs]
    .sort((a, b) => (idOf.get(a.cluster) ?? 0) - (idOf.get(b.cluster) ?? 0))
    .map((s) => ({ input: s, segmentId: idOf.get(s.cluster) ?? 0, signals: centroidSignals(s.centroid) }));

  const candidates: Candidate[] = segments.flatMap(({ input, segmentId, signals }) =>
    archetypes.flatMap((archetype, rank) => {
      const signal = signals[archetype.family];
      if (signal === undefined) return [];
      const score = archetype.sign * signal;
      if (score < threshold) return [];
      if (archetype.churn === 'low' && input.churnRate > overallChurn) return [];
      if (archetype.churn === 'high' && input.churnRate <= overallChurn) return [];
      return [{ segmentId, archetype, rank, score }];
    }),
  );
  candidates.sort((a, b) => b.score - a.score || a.rank - b.rank || a.segmentId - b.segmentId);

  const chosen = new Map<number, Candidate>();
  const taken = new Set<string>();
  for (const c of candidates) {
    if (chosen.has(c.segmentId) || taken.has(c.archetype.name)) continue;
    chosen.set(c.segmentId, c);
    taken.add(c.archetype.name);
  }
  const used = new Map<string, number>([...taken].map((n) => [n, 1]));
  const nameOf = new Map<number, { name: string; best?: Candidate }>();
  for (const c of chosen.values()) nameOf.set(c.segmentId, { name: c.archetype.name, best: c });
  const leftovers = segments
    .filter((s) => !chosen.has(s.segmentId))
    .map((s) => ({ segmentId: s.segmentId, best: candidates.find((c) => c.segmentId === s.segmentId) }))
    .sort(
      (a, b) =>
        (b.best?.score ?? Number.NEGATIVE_INFINITY) - (a.best?.score ?? Number.NEGATIVE_INFINITY) || a.segmentId - b.segmentId,
    );
  for (const { segmentId, best } of leftovers) {
    const base = best?.archetype.name ?? mainstreamName;
    const n = (used.get(base) ?? 0) + 1;
    used.set(base, n);
    nameOf.set(segmentId, { name: n === 1 ? base : `${base} ${n}`, best });
  }

  return segments.map(({ input, segmentId, signals }) => {
    const { name, best } = nameOf.get(segmentId) ?? { name: mainstreamName };
    const rationale = best
      ? `${best.archetype.meaning}: ${best.archetype.family} signal ${signed(best.archetype.sign * best.score)} (threshold ±${threshold} σ)`
      : `no behaviour family beyond ±${threshold} σ from average`;
    return {
      segmentId,
      cluster: input.cluster,
      name,
      size: input.size,
      share: total === 0 ? 0 : input.size / total,
      churnRate: input.churnRate,
      signals,
      traits: traitsOf(input.centroid),
      rationale,
    };
  });
}
