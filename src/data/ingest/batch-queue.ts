/** A bounded hand-over of row batches from the CSV parser (push, paused when full) to the committer (pull). */

/** Items the producer may queue before it is asked to pause. */
const capacity = 2;

export class BatchQueue<T> {
  private readonly items: T[] = [];
  private ended = false;
  private failure: { error: unknown } | null = null;
  private waiting: ((value: T | null) => void) | null = null;
  private rejectWaiting: ((e: unknown) => void) | null = null;

  /** `pause`/`resume` throttle the producer when `capacity` items wait. */
  constructor(
    private readonly pause: () => void,
    private readonly resume: () => void,
  ) {}

  push(item: T): void {
    if (this.waiting) {
      this.handOver(item);
      return;
    }
    this.items.push(item);
    if (this.items.length >= capacity) this.pause();
  }

  /** No more items will come. */
  end(): void {
    this.ended = true;
    if (this.waiting && !this.items.length) this.handOver(null);
  }

  /** The producer failed: the next `next()` rejects with `error`. */
  fail(error: unknown): void {
    this.failure = { error };
    if (this.rejectWaiting) {
      const reject = this.rejectWaiting;
      this.waiting = null;
      this.rejectWaiting = null;
      reject(error);
    }
  }

  /** The next item, or null once the producer ended and everything was taken. */
  next(): Promise<T | null> {
    if (this.failure) return Promise.reject(this.failure.error);
    const item = this.items.shift();
    if (item !== undefined) {
      if (this.items.length < capacity) this.resume();
      return Promise.resolve(item);
    }
    if (this.ended) return Promise.resolve(null);
    this.resume();
    return new Promise<T | null>((resolve, reject) => {
      this.waiting = resolve;
      this.rejectWaiting = reject;
    });
  }

  private handOver(item: T | null): void {
    const resolve = this.waiting;
    this.waiting = null;
    this.rejectWaiting = null;
    resolve?.(item);
  }
}
