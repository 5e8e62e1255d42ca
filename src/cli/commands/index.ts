/** Every CLI command group, registered in the order `churn --help` lists them. Add one line per command file. */
import type { Command } from 'commander';
import { registerBi } from './bi.js';
import { registerContract } from './contract.js';
import { registerDb } from './db.js';
import { registerExperiment } from './experiment.js';
import { registerExplain } from './explain.js';
import { registerFeatures } from './features.js';
import { registerGenerate } from './generate.js';
import { registerKeys } from './keys.js';
import { registerLoad } from './load.js';
import { registerModels } from './models.js';
import { registerMonitor } from './monitor.js';
import { registerPredict } from './predict.js';
import { registerQuality } from './quality.js';
import { registerRetain } from './retain.js';
import { registerRun } from './run.js';
import { registerScore } from './score.js';
import { registerSegment } from './segment.js';
import { registerServe } from './serve.js';
import { registerTrain } from './train.js';
import { registerWorker } from './worker.js';

export const commandRegistrations: ((program: Command) => void)[] = [
  registerDb,
  registerContract,
  registerGenerate,
  registerLoad,
  registerQuality,
  registerFeatures,
  registerTrain,
  registerModels,
  registerScore,
  registerSegment,
  registerRetain,
  registerExperiment,
  registerMonitor,
  registerBi,
  registerPredict,
  registerExplain,
  registerRun,
  registerServe,
  registerKeys,
  registerWorker,
];
