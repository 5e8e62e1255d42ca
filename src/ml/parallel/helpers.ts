/**
 * Synchronous fork-join over worker threads: the caller starts helper threads, does its own share of the work, then
 * blocks (Atomics.wait) until every helper has finished and reads their messages with receiveMessageOnPort. Fits and
 * explanations stay plain synchronous functions while using both cores.
 *
 * Helpers run src/ml/parallel/worker: the compiled .js in dist, or the .ts source through tsx's loader when this module
 * itself runs from source (vitest, tsx) — tsx is a dev dependency and is only resolved in that case.
 */

import { availableParallelism } from 'node:os';
import { MessageChannel, type MessagePort, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { workerBootSource } from './worker-boot.js';

/** What every helper receives besides its task data: where to post results and how to say it is done. */
export interface HelperEnvelope<T> {
  task: string;
  data: T;
  port: MessagePort;
  /** control[0] counts finished helpers. */
  control: Int32Array;
}

/** A helper's failure, forwarded to the caller. */
export interface HelperFailure {
  helperError: string;
}

const isFailure = (m: unknown): m is HelperFailure => typeof m === 'object' && m !== null && 'helperError' in m;

/** Threads to use for a job: `requested` if > 0, else 2 cores' worth when the job is big enough to repay start-up. */
export function threadCount(requested: number, work: number, minWork: number): number {
  if (requested > 0) return requested;
  return work >= minWork ? Math.min(2, availableParallelism()) : 1;
}

/**
 * Runs `local` on the calling thread while `helpers` worker threads run `task` on `data`, then returns every message the
 * helpers posted (in arrival order per helper, helper by helper). Throws the first helper error.
 */
export function forkJoin<T>(task: string, data: T, helpers: number, local: () => void): unknown[] {
  const control = new Int32Array(new SharedArrayBuffer(4));
  const ports: MessagePort[] = [];
  const workers: Worker[] = [];
  try {
    for (let k = 0; k < helpers; k++) {
      const { port1, port2 } = new MessageChannel();
      const envelope: HelperEnvelope<T> = { task, data, port: port2, control };
      workers.push(startHelper(envelope, [port2]));
      ports.push(port1);
    }
    local();
    for (let done = Atomics.load(control, 0); done < helpers; done = Atomics.load(control, 0)) Atomics.wait(control, 0, done);
    const messages: unknown[] = [];
    for (const port of ports)
      for (let m = receiveMessageOnPort(port); m; m = receiveMessageOnPort(port)) messages.push(m.message);
    const failure = messages.find(isFailure);
    if (failure) throw new Error(`worker thread failed: ${failure.helperError}`);
    return messages;
  } finally {
    for (const port of ports) port.close();
    for (const w of workers) void w.terminate();
  }
}

// A failure to load still counts the helper as done, so the caller never waits forever.
const reportLoadFailure = `(e) => {
  const { workerData } = require('node:worker_threads');
  workerData.port.postMessage({ helperError: String((e && e.stack) || e) });
  Atomics.add(workerData.control, 0, 1);
  Atomics.notify(workerData.control, 0);
}`;

function startHelper(envelope: HelperEnvelope<unknown>, transferList: MessagePort[]): Worker {
  const worker = new Worker(workerBootSource(import.meta.url, 'worker', reportLoadFailure), {
    eval: true,
    workerData: envelope,
    transferList,
  });
  worker.unref();
  return worker;
}
