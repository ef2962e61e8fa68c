/**
 * Time slicing for the content script: long work (walking a 200,000-node page, painting
 * thousands of ranges) runs in slices of a few milliseconds with the event loop free in between,
 * so no task of ours holds the page's main thread. It also measures what it runs, for the
 * benchmark and the `highlights/stats` request.
 */
const SLICE_MS = 6;

type Scheduler = { yield?: () => Promise<void> };

/** Lets the page run: scheduler.yield() where the browser has it, else a message-channel turn. */
export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Scheduler }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/**
 * Calls `work` on each item in turns of the event loop, so the page runs in between: the first
 * turn at once (in the caller's task), and a new turn whenever the next item would take the
 * items called in this one over `budget` (an item heavier than that has a turn of its own).
 * Returns what the calls return, in order. `afterLast` runs once the last call has been made
 * (with no items, on the next microtask).
 */
export function inTurns<T, R>(
  items: readonly T[],
  work: (item: T) => R,
  options: { weight: (item: T) => number; budget: number; afterLast?: () => void },
): Promise<R>[] {
  let turn: Promise<void> = Promise.resolve();
  let inCallersTask = true;
  let load = 0;
  const results = items.map((item) => {
    const weight = options.weight(item);
    if (load > 0 && load + weight > options.budget) {
      turn = turn.then(yieldToPage);
      inCallersTask = false;
      load = 0;
    }
    load += weight;
    return inCallersTask ? Promise.resolve(work(item)) : turn.then(() => work(item));
  });
  // Callbacks on one promise run in the order they were added: this one after the last call.
  const { afterLast } = options;
  if (afterLast) void turn.then(afterLast);
  return results;
}

export class Slicer {
  mainThreadMs = 0;
  longestSliceMs = 0;

  constructor(private readonly signal: AbortSignal) {}

  private record(ms: number) {
    this.mainThreadMs += ms;
    if (ms > this.longestSliceMs) this.longestSliceMs = ms;
  }

  /** Runs synchronous work as one measured slice. */
  measure<T>(work: () => T): T {
    const t0 = performance.now();
    try {
      return work();
    } finally {
      this.record(performance.now() - t0);
    }
  }

  /**
   * Calls `step` in slices of about SLICE_MS, the page free between them, until it returns
   * false (nothing left). Returns false if the content script was invalidated meanwhile.
   */
  private async slices(step: () => boolean): Promise<boolean> {
    for (;;) {
      if (this.signal.aborted) return false;
      const t0 = performance.now();
      let more = true;
      while (more && performance.now() - t0 < SLICE_MS) more = step();
      this.record(performance.now() - t0);
      if (!more) return !this.signal.aborted;
      await yieldToPage();
    }
  }

  /** Drains a generator in slices; `null` items are only chances to stop. */
  run<T>(items: Iterator<T | null>, onItem: (item: T) => void): Promise<boolean> {
    return this.slices(() => {
      const next = items.next();
      if (next.done) return false;
      if (next.value !== null) onItem(next.value);
      return true;
    });
  }

  /**
   * Runs `work` over an array in slices: by index, not through an iterator, whose result
   * objects would be garbage for every item.
   */
  each<T>(list: readonly T[], work: (item: T, index: number) => void): Promise<boolean> {
    let i = 0;
    return this.slices(() => {
      if (i >= list.length) return false;
      work(list[i] as T, i);
      i++;
      return i < list.length;
    });
  }
}
