/** Progress of a training run: which model, which step, and estimated seconds done out of the planned total (for an ETA). */
import type { CandidateFamily } from './families.js';

/** One progress event. `done` and `total` are estimated seconds on the reference machine, so done / total is the share of work. */
export interface TrainProgress {
  /** 'data' (training set), 'fit' (search and refit), 'evaluate', 'explain' (importance), 'save'. */
  stage: 'data' | 'fit' | 'evaluate' | 'explain' | 'save';
  family?: CandidateFamily;
  /** What just finished, e.g. "search 2/4", "refit", "snapshot 2025-03-31". */
  step: string;
  done: number;
  total: number;
}

/** Accumulates estimated seconds against a planned total and emits events (done never passes total). */
export class WorkMeter {
  private done = 0;

  constructor(
    private total: number,
    private readonly emit: (event: TrainProgress) => void,
  ) {}

  /** Adds work to the plan (e.g. once the data size is known). */
  plan(seconds: number): void {
    this.total += seconds;
  }

  /** Records finished work and reports it. */
  step(stage: TrainProgress['stage'], step: string, seconds: number, family?: CandidateFamily): void {
    this.done = Math.min(this.total, this.done + seconds);
    this.emit({ stage, step, family, done: round(this.done), total: round(this.total) });
  }
}

const round = (v: number) => Math.round(v * 10) / 10;
