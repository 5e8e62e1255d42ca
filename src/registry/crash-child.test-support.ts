/** Child process for the crash test: registers a model and kills itself with SIGKILL at a chosen save step. */
import { openStore } from '../store/index.js';
import { createArtifact } from './create-artifact.js';
import { openRegistry } from './registry.js';
import { sampleDraft } from './sample-draft.test-support.js';

const [dbFile, dir, seed, dieAt] = process.argv.slice(2);
const store = await openStore(`sqlite:${dbFile}`);
await openRegistry(store, dir).register(createArtifact(sampleDraft(Number(seed))), {
  promote: true,
  onStep: (step) => {
    if (step === dieAt) process.kill(process.pid, 'SIGKILL');
  },
});
console.log('finished without dying');
