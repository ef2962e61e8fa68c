import { describe, expect, it } from 'vitest';
import type { Block } from '@/entrypoints/content/collect';
import { BATCH_CHARS, batchesOf } from '@/entrypoints/content/session';

const block = (name: string, length = 10): Block =>
  ({ container: {} as Node, nodes: [], starts: [], text: name.padEnd(length, '.') }) as Block;
const names = (batches: Block[][]) => batches.map((b) => b.map((x) => x.text.replace(/\.+$/, '')));

describe('the page/match requests of a scan (batchesOf)', () => {
  it('sends the blocks on screen in a request of their own, first', () => {
    const onScreen = [block('v1'), block('v2')];
    const rest = [block('r1'), block('r2'), block('r3')];
    expect(names(batchesOf(onScreen, rest))).toEqual([
      ['v1', 'v2'],
      ['r1', 'r2', 'r3'],
    ]);
  });

  it('with nothing on screen (or nothing else), one request', () => {
    expect(names(batchesOf([], [block('r1'), block('r2')]))).toEqual([['r1', 'r2']]);
    expect(names(batchesOf([block('v1')], []))).toEqual([['v1']]);
    expect(batchesOf([], [])).toEqual([]);
  });

  it('keeps each request within its size, a block larger than that alone', () => {
    const half = Math.floor(BATCH_CHARS / 2);
    const rest = [
      block('a', half),
      block('b', half),
      block('c', half),
      block('d', BATCH_CHARS + 1),
    ];
    expect(names(batchesOf([block('v')], rest))).toEqual([['v'], ['a', 'b'], ['c'], ['d']]);
  });
});
