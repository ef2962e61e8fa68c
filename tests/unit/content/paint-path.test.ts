// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { walkBlocks } from '@/entrypoints/content/collect';
import { rangeOf } from '@/entrypoints/content/highlighter';
import { Slicer } from '@/entrypoints/content/slices';

/** StaticRange as browsers have it: the constructor copies the four fields and keeps no init. */
class FakeStaticRange {
  readonly startContainer: Node;
  readonly startOffset: number;
  readonly endContainer: Node;
  readonly endOffset: number;
  constructor(init: StaticRangeInit) {
    if (init.startContainer.nodeType === Node.DOCUMENT_TYPE_NODE)
      throw new Error('InvalidNodeType');
    this.startContainer = init.startContainer;
    this.startOffset = init.startOffset;
    this.endContainer = init.endContainer;
    this.endOffset = init.endOffset;
  }
}

function firstBlock(html: string) {
  document.body.innerHTML = html;
  for (const b of walkBlocks(document.body, () => undefined)) if (b) return b;
  throw new Error('no block');
}

describe('rangeOf', () => {
  beforeEach(() => vi.stubGlobal('StaticRange', FakeStaticRange));
  afterEach(() => vi.unstubAllGlobals());

  it('maps block offsets to nodes and offsets across inline markup', () => {
    const block = firstBlock('<p><a href="#">Miguel</a> Díaz-<em>Canel</em> said</p>');
    expect(block.text).toBe('Miguel Díaz-Canel said');
    const [miguel, middle, canel] = block.nodes;
    const full = rangeOf(block, 0, 17);
    expect(full).toMatchObject({
      startContainer: miguel,
      startOffset: 0,
      endContainer: canel,
      endOffset: 5,
    });
    // An end on a node boundary stays in the node before; a start there goes to the next.
    expect(rangeOf(block, 0, 6)).toMatchObject({ endContainer: miguel, endOffset: 6 });
    expect(rangeOf(block, 6, 12)).toMatchObject({
      startContainer: middle,
      startOffset: 0,
      endContainer: middle,
      endOffset: 6,
    });
  });

  it('gives each range its own fields, though one init object serves them all', () => {
    const block = firstBlock('<p>Rubio met <b>Díaz-Canel</b> and Rubio left</p>');
    const a = rangeOf(block, 0, 5);
    const b = rangeOf(block, 15, 25);
    expect(a).not.toBe(b);
    expect(a).toMatchObject({ startContainer: block.nodes[0], startOffset: 0, endOffset: 5 });
    expect(b).toMatchObject({
      startContainer: block.nodes[1],
      startOffset: 5,
      endContainer: block.nodes[2],
      endOffset: 5,
    });
  });

  it('is null when the DOM moved under the block or the browser refuses the range', () => {
    const block = firstBlock('<p>Marco Rubio spoke</p>');
    const node = block.nodes[0];
    if (!node) throw new Error('no node');
    node.data = 'Marco';
    expect(rangeOf(block, 6, 11)).toBeNull();
    vi.stubGlobal(
      'StaticRange',
      class {
        constructor() {
          throw new Error('IndexSizeError');
        }
      },
    );
    expect(rangeOf(block, 0, 5)).toBeNull();
  });
});

describe('Slicer.each', () => {
  it('calls the work on every item with its index, in order, and counts the time', async () => {
    const slicer = new Slicer(new AbortController().signal);
    const seen: [string, number][] = [];
    const done = await slicer.each(['a', 'b', 'c'], (item, i) => seen.push([item, i]));
    expect(done).toBe(true);
    expect(seen).toEqual([
      ['a', 0],
      ['b', 1],
      ['c', 2],
    ]);
    expect(await slicer.each([], () => undefined)).toBe(true);
  });

  it('works in slices of a few milliseconds and stops when the script is invalidated', async () => {
    const controller = new AbortController();
    const slicer = new Slicer(controller.signal);
    const seen: number[] = [];
    // A clock that only the work moves, 4 ms per item: slices are decided by it alone, not by how
    // busy the machine running the test is.
    let now = 1000;
    vi.spyOn(performance, 'now').mockImplementation(() => now);
    const done = await slicer.each([0, 1, 2, 3, 4, 5, 6, 7], (item) => {
      seen.push(item);
      now += 4;
      if (item === 5) controller.abort();
    });
    expect(done).toBe(false);
    // Slices of 6 ms: two items each (the second takes a slice past its budget), and none
    // after the slice in which the script was invalidated.
    expect(seen).toEqual([0, 1, 2, 3, 4, 5]);
    expect(slicer.longestSliceMs).toBe(8);
    expect(slicer.mainThreadMs).toBe(24);
  });
});

describe('Slicer.run', () => {
  it('drains the generator, skipping the null chances to stop', async () => {
    const slicer = new Slicer(new AbortController().signal);
    const seen: number[] = [];
    const done = await slicer.run([1, null, 2, null, 3][Symbol.iterator](), (n) => seen.push(n));
    expect(done).toBe(true);
    expect(seen).toEqual([1, 2, 3]);
  });
});
