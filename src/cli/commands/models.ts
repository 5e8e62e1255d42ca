/** `churn models list | show | promote | rollback | report`: the model registry from the terminal. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { type ModelArtifact, type ModelVersion, projectRegistry } from '../../registry/index.js';
import { renderTrainingReport, reportInputFromArtifact } from '../../training/report/index.js';
import { action, cliConfig, projectPath, withStore } from '../context.js';

const num = (v: number | null | undefined, d = 3) => (v === null || v === undefined ? '—' : v.toFixed(d));
const pct = (v: number) => `${(100 * v).toFixed(1)}%`;

/** A plain-text table: columns padded, numeric-looking cells right-aligned. */
function table(head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const right = head.map((_, i) => rows.length > 0 && rows.every((r) => /^[-\d.,%—]+$/.test(r[i])));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (right[i] ? c.padStart(widths[i]) : c.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(head), line(widths.map((w) => '─'.repeat(w))), ...rows.map(line)].join('\n');
}

function listTable(versions: ModelVersion[]): string {
  return table(
    ['ver', 'model id', 'registered', 'family', 'source', 'ROC-AUC', 'PR-AUC', 'F1', 'threshold', 'status'],
    versions.map((v) => [
      String(v.version),
      v.modelId,
      v.registeredAt.slice(0, 19).replace('T', ' '),
      v.family,
      v.source,
      num(v.metrics.rocAuc),
      num(v.metrics.prAuc),
      num(v.metrics.f1),
      num(v.threshold),
      v.status,
    ]),
  );
}

function showText(v: ModelVersion, a: ModelArtifact): string {
  const t = a.training;
  const kv = (pairs: [string, string][]) => pairs.map(([k, val]) => `  ${k.padEnd(22)}${val}`).join('\n');
  const data: [string, string][] =
    a.source === 'snapshots'
      ? [
          ['data window', t.dataWindow ? `${t.dataWindow.from} .. ${t.dataWindow.to}` : '—'],
          ['train cutoffs', t.cutoffs?.train.join(', ') ?? '—'],
          ['validation cutoffs', `${t.cutoffs?.validation.join(', ') ?? '—'} (out-of-time)`],
          ['horizon', `${t.horizonDays} days`],
        ]
      : [['validation', `${t.folds?.k}-fold ${t.folds?.stratified ? 'stratified ' : ''}cross-validation`]];
  const candidates = table(
    ['candidate', 'ROC-AUC', 'PR-AUC', 'precision', 'recall', 'F1', 'accuracy', 'Brier', 'log loss', 'lift@10%', 'threshold', ''],
    a.candidates.map((c) => {
      const m = c.metrics;
      return [
        c.name,
        num(m.rocAuc),
        num(m.prAuc),
        num(m.precision),
        num(m.recall),
        num(m.f1),
        num(m.accuracy),
        num(m.brier, 4),
        num(m.logLoss, 4),
        num(m.topDecileLift, 2),
        num(m.threshold),
        c.selected ? '◀ selected' : '',
      ];
    }),
  );
  const { cuts, labels } = a.riskBuckets;
  const buckets = labels.map((l, i) => `${l} ${i === 0 ? '<' : '≥'} ${num(i === 0 ? cuts[0] : cuts[i - 1], 2)}`).join(' · ');
  const features = table(
    ['feature', 'type', 'required', 'categories'],
    a.features.inputs.map((f) => [
      f.name,
      f.type,
      f.required ? 'yes' : 'imputed',
      f.categories ? `${f.categories.length}: ${f.categories.slice(0, 5).join(', ')}${f.categories.length > 5 ? ', …' : ''}` : '',
    ]),
  );
  const importance = importanceText(a);
  return [
    `Model ${a.modelId} — version ${v.version}, ${v.status}`,
    kv([
      ['estimator', `${a.estimator.family} ${JSON.stringify(a.estimator.params)}`],
      ['registered', v.registeredAt],
      ['promoted', v.promotedAt ?? 'never'],
      ['code version', `churnlab ${a.codeVersion} (artifact format ${a.formatVersion})`],
      ['file', v.file],
    ]),
    '\nTraining data',
    kv([
      ['source', a.source],
      ...data,
      ['rows', `${t.rows.train} train, ${t.rows.validation} validation`],
      [
        'churn rate',
        `${pct(t.positives.train / t.rows.train)} train, ${pct(t.positives.validation / t.rows.validation)} validation`,
      ],
      ['data fingerprint', t.dataFingerprint.slice(0, 16)],
      ['seed', String(t.seed)],
    ]),
    `\nDecision threshold ${num(a.threshold.value)} (${a.threshold.rule === 'f1' ? 'F1-optimal' : 'cost-based'})${a.calibration ? `, ${a.calibration.method} calibration` : ''}`,
    `Risk buckets: ${buckets}`,
    `\nSelection: ${a.selection.rule}\n  ${a.selection.reason}\n`,
    candidates,
    `\nFeatures (${a.features.inputs.length} inputs, recipe ${a.features.recipeVersion}, contract ${a.features.contractHash.slice(0, 12)})`,
    features,
    importance,
  ].join('\n');
}

const measureHeads: Record<string, string> = { mean_abs_shap: 'mean |SHAP|', permutation: 'permutation', native: 'native' };

/**
 * The top 10 features by the headline importance; with every named measure as a column (value and rank) and a line on
 * how each was measured when the artifact holds them (older artifacts: the headline list alone).
 */
function importanceText(a: ModelArtifact): string {
  const top = a.importance.values.slice(0, 10);
  const measures = a.importances ?? [];
  if (measures.length === 0)
    return [`\nTop features (${a.importance.method})`, ...top.map((i) => `  ${i.feature.padEnd(32)}${num(i.value, 4)}`)].join(
      '\n',
    );
  const lookups = measures.map((m) => new Map(m.values.map((v, i) => [v.feature, `${num(v.value, 4)} #${i + 1}`])));
  const how = measures.map(
    (m) =>
      `  ${(measureHeads[m.name] ?? m.name).padEnd(12)} ${m.method}${m.sample ? ` (${m.sample.rows} rows of the ${m.sample.from})` : ' (read off the fitted model)'}`,
  );
  return [
    `\nTop features (by ${a.importance.method}; value and rank per measure)`,
    table(
      ['feature', ...measures.map((m) => measureHeads[m.name] ?? m.name)],
      top.map((i) => [i.feature, ...lookups.map((l) => l.get(i.feature) ?? '—')]),
    ),
    ...how,
  ].join('\n');
}

/** Registers `churn models` and its subcommands. */
export function registerModels(program: Command): void {
  const models = program.command('models').description('The model registry: versions, champion, promotion and rollback');
  const REF = 'model id (or unique prefix), version (v3) or alias (champion, challenger)';

  models
    .command('list')
    .description('List registered model versions with validation metrics and status')
    .option('--json', 'print JSON')
    .action(
      action((opts: { json?: boolean }) =>
        withStore(async (store, config) => {
          const versions = await projectRegistry(store, config).list();
          if (opts.json) return void console.log(JSON.stringify(versions, null, 2));
          console.log(versions.length ? listTable(versions) : 'No models registered yet: run `churn train`.');
        }),
      ),
    );

  models
    .command('show')
    .argument('<ref>', REF)
    .description('Show one model: metrics of every candidate, threshold, cutoffs, features')
    .option('--json', 'print the registry entry and the artifact without estimator state')
    .action(
      action((ref: string, opts: { json?: boolean }) =>
        withStore(async (store, config) => {
          const registry = projectRegistry(store, config);
          const version = await registry.get(ref);
          const artifact = await registry.load(version.modelId);
          if (!opts.json) return void console.log(showText(version, artifact));
          const { estimator, preprocessing: _p, ...rest } = artifact;
          console.log(
            JSON.stringify(
              { version, artifact: { ...rest, estimator: { family: estimator.family, params: estimator.params } } },
              null,
              2,
            ),
          );
        }),
      ),
    );

  models
    .command('promote')
    .argument('<ref>', REF)
    .description('Make a version the champion (current model), or the challenger with --challenger')
    .option('--challenger', 'set the challenger alias instead of the champion')
    .action(
      action((ref: string, opts: { challenger?: boolean }) =>
        withStore(async (store, config) => {
          const v = await projectRegistry(store, config).promote(ref, opts.challenger ? 'challenger' : 'champion');
          console.log(`${v.modelId} (version ${v.version}) is now the ${opts.challenger ? 'challenger' : 'champion'}`);
        }),
      ),
    );

  models
    .command('rollback')
    .description('Make the previously promoted champion current again')
    .action(
      action(() =>
        withStore(async (store, config) => {
          const v = await projectRegistry(store, config).rollback();
          console.log(`rolled back: ${v.modelId} (version ${v.version}) is the champion again`);
        }),
      ),
    );

  models
    .command('report')
    .argument('<ref>', REF)
    .description('Re-render the HTML training report of a version from its artifact alone')
    .option('--out <file.html>', 'output file (default: <paths.reports>/<model id>.html)')
    .action(
      action((ref: string, opts: { out?: string }) =>
        withStore(async (store, config) => {
          const artifact = await projectRegistry(store, config).load(ref);
          const out = opts.out
            ? path.resolve(opts.out)
            : path.join(projectPath(cliConfig().paths.reports), `${artifact.modelId}.html`);
          mkdirSync(path.dirname(out), { recursive: true });
          writeFileSync(out, renderTrainingReport(reportInputFromArtifact(artifact)));
          console.log(`wrote ${out}`);
        }),
      ),
    );
}
