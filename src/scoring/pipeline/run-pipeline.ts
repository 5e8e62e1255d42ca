/** `churn run` as a library: generate → quality → features and training → score, each stage timed. */
import path from 'node:path';
import { type LoadedConfig, resolvePath } from '../../config/index.js';
import { type QualityReport, runQualityChecks } from '../../data/index.js';
import type { Store } from '../../store/index.js';
import { type TrainProgress, type TrainResult, trainModels } from '../../training/index.js';
import { writeCustomerScores } from '../batch/customer-scores-csv.js';
import { savePredictions } from '../batch/save-predictions.js';
import { type CustomerScores, scoreCustomers } from '../batch/score-customers.js';
import { type ScoreSummary, summariseScores } from '../batch/summary.js';
import { loadScorer } from '../scorer.js';
import { type GenerateStep, generateOnce } from './generate-once.js';

/** The stages, in order. */
export type PipelineStage = 'generate' | 'quality' | 'train' | 'score';

/** Callbacks for a terminal: a stage starts, generation advances, training reports progress. */
export interface PipelineEvents {
  onStage?: (stage: PipelineStage) => void;
  onGenerate?: (done: number, total: number) => void;
  onTrain?: (event: TrainProgress) => void;
}

/** Everything the run produced, and where. */
export interface PipelineRun {
  generate: GenerateStep;
  quality: QualityReport;
  train: TrainResult;
  score: { result: CustomerScores; summary: ScoreSummary; predictionsWritten: number; file: string };
  /** Wall-clock seconds per stage. */
  seconds: Record<PipelineStage, number>;
}

/** File recording which generator options produced the store's rows (in `paths.data`). */
export const generationMarker = 'generated.json';

/**
 * Runs the whole pipeline on the configured store with the configured defaults: the synthetic business
 * (`generate.*`), the data-quality checks, the point-in-time training set and the four candidates (`training.*`,
 * registered and promoted), then batch scoring of every customer active at the newest date.
 */
export async function runPipeline(store: Store, config: LoadedConfig, events: PipelineEvents = {}): Promise<PipelineRun> {
  const seconds = { generate: 0, quality: 0, train: 0, score: 0 };
  const timed = async <T>(stage: PipelineStage, work: () => Promise<T>): Promise<T> => {
    events.onStage?.(stage);
    const started = performance.now();
    const out = await work();
    seconds[stage] = (performance.now() - started) / 1000;
    return out;
  };
  const g = config.generate;
  const generate = await timed('generate', () =>
    generateOnce(
      store,
      { customers: g.customers, months: g.months, seed: g.seed, start: g.start, monthlyChurnRate: g.monthlyChurnRate },
      path.join(resolvePath(config, config.paths.data), generationMarker),
      config.databaseUrl,
      events.onGenerate,
    ),
  );
  const quality = await timed('quality', () => runQualityChecks(store));
  const train = await timed('train', () => trainModels(store, config, { onProgress: events.onTrain }));
  const score = await timed('score', async () => {
    const scorer = loadScorer(train.artifact);
    const result = await scoreCustomers(store, scorer);
    const predictionsWritten = await savePredictions(store, result);
    const file = writeCustomerScores(path.join(resolvePath(config, config.paths.outputs), 'customer_scores.csv'), result);
    const summary = summariseScores(result, train.artifact.riskBuckets.labels, train.artifact.threshold.value);
    return { result, summary, predictionsWritten, file };
  });
  return { generate, quality, train, score, seconds };
}
