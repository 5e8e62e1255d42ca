/**
 * Fitting several candidate families at once: families are independent, so two worker threads fit two families in
 * parallel on a 2-core machine. A family's fit depends only on its data and seed, so the models are bit-identical to
 * fitting them one after the other (the serial path serves one family, one core, or `parallel: false`).
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { ChurnError } from '../../errors/index.js';
import { type FeatureFrame, isNumericColumn } from '../../features/index.js';
import { workerBootSource } from '../../ml/index.js';
import type { LearningData } from '../candidate.js';
import type { CandidateFamily } from '../families.js';
import type { FamilyJob, FamilyResult, FamilyTask, WorkerReply } from './messages.js';
import { runFamilyJob } from './run-job.js';

/** Progress of one family: a finished fit step and its estimated seconds. */
export type FamilyStep = (family: CandidateFamily, step: string, seconds: number) => void;

/**
 * The worker threads a run will fit its families on: two when `parallel` and there are 2 cores and 2+ families, else
 * none (the serial path). Started ahead of the fitting — e.g. while the training set is built — their start-up
 * (loading the modules, compiling TypeScript when running from source) overlaps that work. fitFamilies terminates them;
 * a caller that never reaches it terminates them itself.
 */
export function startFamilyWorkers(families: number, parallel = true): Worker[] {
  const threads = parallel ? Math.min(2, availableParallelism(), families) : 1;
  return threads < 2 ? [] : Array.from({ length: threads }, startWorker);
}

/** Each family's search budget and estimated seconds (the longest is started first). */
export type FamilyBudgets = ReadonlyMap<CandidateFamily, { budgetSeconds: number; seconds: number }>;

/**
 * Runs `job` for every family (two at a time in worker threads when `parallel` and there are 2 cores and 2+ families)
 * and returns the results in the families' order. Workers take the families longest first (by estimated seconds), so
 * the last one to start is a short one and neither thread idles long at the end. `workers` (from startFamilyWorkers)
 * are used and terminated. Errors keep their ChurnError code and context.
 */
export async function fitFamilies(
  families: readonly CandidateFamily[],
  data: LearningData,
  job: FamilyJob,
  plans: FamilyBudgets,
  seed: number,
  onStep: FamilyStep,
  parallel = true,
  workers: Worker[] = startFamilyWorkers(families.length, parallel),
): Promise<FamilyResult[]> {
  const task = (family: CandidateFamily, d: LearningData): FamilyTask => ({
    family,
    data: d,
    job,
    budgetSeconds: plans.get(family)?.budgetSeconds ?? 0,
    seed,
  });
  if (workers.length < 2) {
    await Promise.all(workers.map((w) => w.terminate()));
    return families.map((f) => runFamilyJob(task(f, data), (s, sec) => onStep(f, s, sec)));
  }
  const shared: LearningData = { ...data, frame: sharedFrame(data.frame) };
  const cost = (f: CandidateFamily) => plans.get(f)?.seconds ?? 0;
  const queue = [...families].sort((a, b) => cost(b) - cost(a));
  const results = new Map<CandidateFamily, FamilyResult>();
  const runWorker = async (worker: Worker): Promise<void> => {
    try {
      for (let family = queue.shift(); family; family = queue.shift()) {
        const result = await new Promise<FamilyResult>((resolve, reject) => {
          const onMessage = (m: WorkerReply) => {
            if (m.kind === 'step') return onStep(m.family, m.step, m.seconds);
            worker.off('message', onMessage);
            worker.off('error', reject);
            if (m.kind === 'done') resolve(m.result);
            else reject(rebuild(m));
          };
          worker.on('message', onMessage);
          worker.on('error', reject);
          worker.postMessage(task(family, shared));
        });
        results.set(family, result);
      }
    } finally {
      await worker.terminate();
    }
  };
  await Promise.all(workers.map(runWorker));
  return families.map((f) => results.get(f) as FamilyResult);
}

/** A ChurnError thrown in a worker is rebuilt with its code and context; anything else says which family failed. */
function rebuild(m: Extract<WorkerReply, { kind: 'error' }>): Error {
  if (m.code?.startsWith('CHURN_ERR_'))
    return new ChurnError(m.code as ConstructorParameters<typeof ChurnError>[0], m.message, m.context ?? {});
  return new Error(`fitting ${m.family} failed in a worker thread: ${m.message}`);
}

/** Numeric columns copied once into shared memory, so workers read them without a copy each. */
function sharedFrame(frame: FeatureFrame): FeatureFrame {
  const columns: FeatureFrame['columns'] = {};
  for (const [name, c] of Object.entries(frame.columns)) {
    if (!isNumericColumn(c)) columns[name] = c;
    else {
      const out = new Float64Array(new SharedArrayBuffer(c.byteLength));
      out.set(c);
      columns[name] = out;
    }
  }
  return { ...frame, columns };
}

/** Starts the family worker (see workerBootSource: dist or source). */
function startWorker(): Worker {
  return new Worker(workerBootSource(import.meta.url, 'family-worker'), { eval: true });
}
