// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mustAwaitFirstFrame } from '@/entrypoints/content/session';

/** The page's paint timing entries, as `performance.getEntriesByName` gives them. */
function paints(names: string[]) {
  vi.spyOn(performance, 'getEntriesByName').mockImplementation((name, type) =>
    names
      .filter((n) => n === name && (type === undefined || type === 'paint'))
      .map(
        (n) => ({ name: n, entryType: 'paint', startTime: 80, duration: 0 }) as PerformanceEntry,
      ),
  );
}

function visibility(state: DocumentVisibilityState) {
  vi.spyOn(document, 'visibilityState', 'get').mockReturnValue(state);
}

describe('when collecting waits a frame before reading where the blocks are', () => {
  afterEach(() => vi.restoreAllMocks());

  it('waits on a shown page that has not painted its first content yet', () => {
    visibility('visible');
    paints(['first-paint']);
    expect(mustAwaitFirstFrame()).toBe(true);
  });

  it('does not wait once the page has rendered its first contentful frame', () => {
    visibility('visible');
    paints(['first-paint', 'first-contentful-paint']);
    expect(mustAwaitFirstFrame()).toBe(false);
  });

  it('does not wait in a tab opened in the background, which renders no frames', () => {
    visibility('hidden');
    paints([]);
    expect(mustAwaitFirstFrame()).toBe(false);
  });
});
