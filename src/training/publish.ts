/** Publishing a trained model: outputs, the HTML report, the registry entry and promotion. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { type LoadedConfig, resolvePath } from '../config/index.js';
import { type ModelArtifact, type ModelVersion, registerModel, registryDir, reportFile } from '../registry/index.js';
import type { Store } from '../store/index.js';
import type { GlobalImportance } from './importance/index-of-model.js';
import type { ResolvedTrainOptions } from './options.js';
import type { CandidateOutcome } from './outcome.js';
import { writeOutputs } from './outputs.js';
import { renderTrainingReport, reportInputFromArtifact } from './report/index.js';

/** Where a run's files went. */
export interface PublishedFiles {
  comparison?: string;
  metrics?: string;
  importance?: string;
  /** models/<id>/report.html (registered models). */
  modelReport?: string;
  /** reports/training-<id>.html. */
  report?: string;
}

/** The report's HTML: rendered from the artifact alone (plus the run's trust notes), without a timestamp so it is reproducible. */
export function trainingReportHtml(artifact: ModelArtifact, trustNotes: readonly string[]): string {
  return renderTrainingReport({ ...reportInputFromArtifact(artifact), trustNotes });
}

/** Writes the outputs and report, registers the artifact (promoting it unless told not to). */
export async function publish(
  store: Store,
  config: LoadedConfig,
  run: {
    artifact: ModelArtifact;
    outcomes: readonly CandidateOutcome[];
    importance: GlobalImportance;
    timings: Record<string, number>;
    trustNotes: readonly string[];
  },
  options: Pick<ResolvedTrainOptions, 'register' | 'promote' | 'writeFiles'>,
): Promise<{ files: PublishedFiles; version: ModelVersion | null }> {
  const { artifact } = run;
  const files: PublishedFiles = {};
  const html = trainingReportHtml(artifact, run.trustNotes);
  if (options.writeFiles) {
    Object.assign(
      files,
      writeOutputs(resolvePath(config, config.paths.outputs), artifact, run.outcomes, run.importance, run.timings),
    );
    const reports = resolvePath(config, config.paths.reports);
    mkdirSync(reports, { recursive: true });
    files.report = path.join(reports, `training-${artifact.modelId}.html`);
    writeFileSync(files.report, html);
  }
  if (!options.register) return { files, version: null };
  const version = await registerModel(store, config, artifact, { reportHtml: html, promote: options.promote });
  files.modelReport = reportFile(registryDir(config), artifact.modelId);
  return { files, version };
}
