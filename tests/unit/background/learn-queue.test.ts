import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

type Queue = typeof import('@/entrypoints/background/learn-queue');

/** A fresh module (its clock of page requests and its queue) under fake timers. */
async function fresh(): Promise<Queue> {
  vi.resetModules();
  return import('@/entrypoints/background/learn-queue');
}

/** A learning job the test finishes by hand, recording when it started. */
function job(log: string[], name: string) {
  let finish: () => void = () => undefined;
  let fail: (e: Error) => void = () => undefined;
  const run = vi.fn(
    () =>
      new Promise<string>((resolve, reject) => {
        log.push(`${name} @${Date.now()}`);
        finish = () => resolve(name);
        fail = reject;
      }),
  );
  return { run, finish: () => finish(), fail: (e: Error) => fail(e) };
}

describe('learning yields to highlighting (learn-queue)', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(0);
  });
  afterEach(() => vi.useRealTimers());

  it('starts at once when no page is asking for highlights', async () => {
    const { learnWhenQuiet } = await fresh();
    const log: string[] = [];
    const a = job(log, 'a');
    const done = learnWhenQuiet(a.run);
    await vi.advanceTimersByTimeAsync(0);
    expect(log).toEqual(['a @0']);
    a.finish();
    expect(await done).toBe('a');
  });

  it('waits until pages have stopped asking for 300 ms, and at most 5 s', async () => {
    const { learnWhenQuiet, pageAsked } = await fresh();
    const log: string[] = [];
    pageAsked();
    const a = job(log, 'a');
    void learnWhenQuiet(a.run);
    await vi.advanceTimersByTimeAsync(200);
    pageAsked(); // another page at 200 ms
    await vi.advanceTimersByTimeAsync(299);
    expect(log).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(log).toEqual(['a @500']);
    a.finish();

    // Pages asking without pause: learning goes ahead after 5 s all the same.
    const b = job(log, 'b');
    void learnWhenQuiet(b.run);
    for (let t = 0; t < 6000; t += 100) {
      pageAsked();
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(log).toEqual(['a @500', 'b @5500']);
  });

  it('learns from one page at a time; a failure does not stop the next', async () => {
    const { learnWhenQuiet } = await fresh();
    const log: string[] = [];
    const a = job(log, 'a');
    const b = job(log, 'b');
    const first = learnWhenQuiet(a.run);
    const second = learnWhenQuiet(b.run);
    await vi.advanceTimersByTimeAsync(1000);
    expect(log).toEqual(['a @0']);
    a.fail(new Error('storage full'));
    await expect(first).rejects.toThrow('storage full');
    await vi.advanceTimersByTimeAsync(0);
    expect(log).toEqual(['a @0', 'b @1000']);
    b.finish();
    expect(await second).toBe('b');
  });
});
