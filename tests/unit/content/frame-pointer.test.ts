import { describe, expect, it } from 'vitest';
import { latestPerFrame } from '@/entrypoints/content/frame-pointer';

/** A frame scheduler the test advances by hand. */
function frames() {
  let queue: (() => void)[] = [];
  return {
    schedule: (callback: () => void) => queue.push(callback),
    flush() {
      const due = queue;
      queue = [];
      for (const callback of due) callback();
    },
    get pending() {
      return queue.length;
    },
  };
}

describe('latestPerFrame', () => {
  it('tests the last point of a frame, once per frame', () => {
    const f = frames();
    const seen: [number, number][] = [];
    const moved = latestPerFrame((x, y) => seen.push([x, y]), f.schedule);
    // Onto a highlight and off it again within one frame: only where the pointer ended counts.
    moved(300, 200);
    moved(2, 2);
    expect(f.pending).toBe(1);
    f.flush();
    expect(seen).toEqual([[2, 2]]);
    // Each later frame with moves gets one test.
    moved(10, 10);
    f.flush();
    f.flush();
    moved(20, 20);
    moved(30, 30);
    f.flush();
    expect(seen).toEqual([
      [2, 2],
      [10, 10],
      [30, 30],
    ]);
  });
});
