/**
 * Learning yields to highlighting. Learning from a page (extraction and storing) is a chore that
 * can wait; a page waiting for its highlights cannot. So learning starts once no page has asked
 * for highlighting (page/config, page/match) for QUIET_MS, waiting at most MAX_WAIT_MS for that
 * moment, and pages are learned from one at a time. On a machine with few cores, extraction
 * running while a page loads competes with that page for the CPU wherever it runs.
 */
const QUIET_MS = 300;
const MAX_WAIT_MS = 5000;

let lastAsked = Number.NEGATIVE_INFINITY;
let queue: Promise<unknown> = Promise.resolve();

/** A page asked for highlighting: learning waits for a quiet moment. */
export function pageAsked(): void {
  lastAsked = Date.now();
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function quietMoment(): Promise<void> {
  const start = Date.now();
  for (;;) {
    const now = Date.now();
    const left = MAX_WAIT_MS - (now - start);
    const wait = lastAsked + QUIET_MS - now;
    if (wait <= 0 || left <= 0) return;
    await sleep(Math.min(wait, left));
  }
}

/** Runs `learn` after the learning queued before it, at a quiet moment. */
export function learnWhenQuiet<T>(learn: () => Promise<T>): Promise<T> {
  const run = queue.then(async () => {
    await quietMoment();
    return learn();
  });
  queue = run.catch(() => undefined);
  return run;
}
