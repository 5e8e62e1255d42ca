/** Worker-thread entry: fits the candidate families the training run sends, posting progress and each result back. */
import { parentPort } from 'node:worker_threads';
import type { FamilyTask, WorkerReply } from './messages.js';
import { runFamilyJob } from './run-job.js';

const port = parentPort;
if (!port) throw new Error('family-worker must run in a worker thread');
port.on('message', (task: FamilyTask) => {
  const reply = (m: WorkerReply) => port.postMessage(m);
  try {
    const result = runFamilyJob(task, (step, seconds) => reply({ kind: 'step', family: task.family, step, seconds }));
    reply({ kind: 'done', family: task.family, result });
  } catch (e) {
    const err = e as { code?: unknown; context?: unknown };
    reply({
      kind: 'error',
      family: task.family,
      message: e instanceof Error ? e.message : String(e),
      code: typeof err?.code === 'string' ? err.code : undefined,
      context: typeof err?.context === 'object' && err.context !== null ? (err.context as Record<string, unknown>) : undefined,
    });
  }
});
