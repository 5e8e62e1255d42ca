/** Entry of every src/ml helper thread: runs the task named in workerData, posts its results, then signals done. */

import { workerData } from 'node:worker_threads';
import { runShapHelper } from '../explain/tree-shap-parallel.js';
import { runForestHelper } from '../forest/forest-parallel.js';
import { runPredictHelper } from '../tree/tree-predict.js';
import type { HelperEnvelope } from './helpers.js';

const envelope = workerData as HelperEnvelope<never>;
try {
  switch (envelope.task) {
    case 'forest':
      runForestHelper(envelope.data, envelope.port);
      break;
    case 'tree-shap':
      runShapHelper(envelope.data, envelope.port);
      break;
    case 'predict':
      runPredictHelper(envelope.data);
      break;
    default:
      throw new Error(`unknown helper task ${envelope.task}`);
  }
} catch (e) {
  envelope.port.postMessage({ helperError: e instanceof Error ? (e.stack ?? e.message) : String(e) });
} finally {
  Atomics.add(envelope.control, 0, 1);
  Atomics.notify(envelope.control, 0);
}
