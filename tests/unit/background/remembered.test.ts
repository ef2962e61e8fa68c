import { describe, expect, it, vi } from 'vitest';
import { Remembered } from '@/entrypoints/background/remembered';

/** A read the test settles by hand, and a clock it moves by hand. */
function setup() {
  let time = 0;
  const remembered = new Remembered<number>(1000, () => time);
  const reads: { resolve: (v: number) => void; reject: (e: Error) => void }[] = [];
  const read = vi.fn(
    () =>
      new Promise<number>((resolve, reject) => {
        reads.push({ resolve, reject });
      }),
  );
  const settle = async (value: number) => {
    reads.shift()?.resolve(value);
    await Promise.resolve();
  };
  const tick = (ms: number) => (time += ms);
  /** 1 read and remembered, then a moment past its freshness. */
  const stale = async () => {
    const first = remembered.get(read);
    await settle(1);
    await first;
    tick(1001);
  };
  return { remembered, read, reads, settle, tick, stale };
}

describe('a value remembered from the database (Remembered)', () => {
  it('waits for the first read, then gives the value without reading while it is fresh', async () => {
    const { remembered, read, settle, tick } = setup();
    const first = remembered.get(read);
    const second = remembered.get(read);
    await settle(1);
    expect([await first, await second]).toEqual([1, 1]);
    tick(1000);
    expect(await remembered.get(read)).toBe(1);
    expect(read).toHaveBeenCalledOnce();
  });

  it('once stale, gives the old value at once while one new read runs, then the new value', async () => {
    const { remembered, read, settle, stale } = setup();
    await stale();
    // Not waiting: the read below is never settled before these answer.
    expect(await remembered.get(read)).toBe(1);
    expect(await remembered.get(read)).toBe(1);
    expect(read).toHaveBeenCalledTimes(2);
    await settle(2);
    expect(await remembered.get(read)).toBe(2);
    expect(read).toHaveBeenCalledTimes(2);
  });

  it('after forget, the next caller waits for a new read; a read from before is not kept', async () => {
    const { remembered, read, reads, settle, stale } = setup();
    await stale();
    void remembered.get(read); // starts a re-read, which will answer with the value from before
    remembered.forget();
    const after = remembered.get(read);
    expect(reads).toHaveLength(2);
    await settle(1); // the old read
    await settle(3); // the read after the change
    expect(await after).toBe(3);
    expect(await remembered.get(read)).toBe(3);
  });

  it('a failed read: the caller waiting for it sees the error, the next caller reads again', async () => {
    const { remembered, read, reads } = setup();
    const first = remembered.get(read);
    reads.shift()?.reject(new Error('blocked'));
    await expect(first).rejects.toThrow('blocked');
    const second = remembered.get(read);
    reads.shift()?.resolve(4);
    expect(await second).toBe(4);
  });

  it('a failed re-read keeps the old value and is tried again by the next caller', async () => {
    const { remembered, read, reads, stale } = setup();
    await stale();
    expect(await remembered.get(read)).toBe(1);
    reads.shift()?.reject(new Error('blocked'));
    await new Promise((r) => setTimeout(r, 0));
    expect(await remembered.get(read)).toBe(1);
    expect(read).toHaveBeenCalledTimes(3);
  });

  it('set: a value just written is given without reading', async () => {
    const { remembered, read } = setup();
    remembered.set(5);
    expect(await remembered.get(read)).toBe(5);
    expect(read).not.toHaveBeenCalled();
  });
});
