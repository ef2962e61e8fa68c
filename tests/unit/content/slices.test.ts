import { afterEach, describe, expect, it } from 'vitest';
import { inTurns } from '@/entrypoints/content/slices';

/** The turns of the event loop `yieldToPage` waits for, released by hand. */
const turns: (() => void)[] = [];
const host = globalThis as { scheduler?: unknown };
const handTurns = () => {
  host.scheduler = { yield: () => new Promise<void>((resolve) => turns.push(resolve)) };
};

afterEach(() => {
  delete host.scheduler;
  turns.length = 0;
});

/** Lets every settled promise's callbacks run. */
const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Items named by their weight, e.g. 'a:10'. */
const weight = (item: string) => Number(item.split(':')[1]);

describe('inTurns (the page/match requests of a scan, no task sending more than a budget)', () => {
  it('calls what fits in the budget at once, then one turn per budget, then `afterLast`', async () => {
    handTurns();
    const calls: string[] = [];
    const replies = inTurns(
      ['visible:10', 'rest:50', 'big:240', 'more:100', 'last:100'],
      (item) => {
        calls.push(item);
        return item.toUpperCase();
      },
      { weight, budget: 250, afterLast: () => calls.push('after the last') },
    );
    // The visible blocks and the rest of an article together are within the budget.
    expect(calls).toEqual(['visible:10', 'rest:50']);
    await settle();
    expect(calls).toEqual(['visible:10', 'rest:50']);
    expect(turns).toHaveLength(1);
    turns.shift()?.();
    await settle();
    // 'big' would take the first turn over the budget: a turn of its own.
    expect(calls).toEqual(['visible:10', 'rest:50', 'big:240']);
    expect(turns).toHaveLength(1);
    turns.shift()?.();
    await settle();
    // 'more' and 'last' fit in one turn together.
    expect(calls).toEqual([
      'visible:10',
      'rest:50',
      'big:240',
      'more:100',
      'last:100',
      'after the last',
    ]);
    expect(turns).toHaveLength(0);
    expect(await Promise.all(replies)).toEqual([
      'VISIBLE:10',
      'REST:50',
      'BIG:240',
      'MORE:100',
      'LAST:100',
    ]);
  });

  it('gives an item heavier than the budget a turn of its own, even the first', async () => {
    handTurns();
    const calls: string[] = [];
    inTurns(['huge:900', 'small:1'], (item) => calls.push(item), { weight, budget: 250 });
    expect(calls).toEqual(['huge:900']);
    await settle();
    turns.shift()?.();
    await settle();
    expect(calls).toEqual(['huge:900', 'small:1']);
  });

  it('gives each call its own reply, in order; with no items, still says it is done', async () => {
    const replies = inTurns(['a:100', 'b:100', 'c:100'], (item) => Promise.resolve(item[0]), {
      weight,
      budget: 150,
    });
    expect(await Promise.all(replies)).toEqual(['a', 'b', 'c']);
    let done = 0;
    expect(inTurns([], () => 1, { weight, budget: 150, afterLast: () => done++ })).toEqual([]);
    await settle();
    expect(done).toBe(1);
  });
});
