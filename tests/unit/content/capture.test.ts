// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { READING_COPY_MAX_CHARS, scheduleReadingCopy } from '@/entrypoints/content/capture';

describe('the reading copy', () => {
  const found = { actorIds: ['starter/actor/cuba'], claimIds: [] };

  it('is scheduled for idle time on a page of article size', () => {
    const requestIdleCallback = vi.fn(() => 1);
    expect(scheduleReadingCopy({ requestIdleCallback }, found, 60_000)).toBe(true);
    expect(requestIdleCallback).toHaveBeenCalledOnce();
    expect(requestIdleCallback).toHaveBeenCalledWith(expect.any(Function), { timeout: 5000 });
  });

  it('is not made for a page too long to read in one task of the main thread', () => {
    const requestIdleCallback = vi.fn(() => 1);
    expect(scheduleReadingCopy({ requestIdleCallback }, found, READING_COPY_MAX_CHARS + 1)).toBe(
      false,
    );
    expect(requestIdleCallback).not.toHaveBeenCalled();
    expect(scheduleReadingCopy({ requestIdleCallback }, found, READING_COPY_MAX_CHARS)).toBe(true);
  });
});
