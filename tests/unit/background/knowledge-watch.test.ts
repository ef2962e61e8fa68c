import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { currentEngine, forgetKnowledgeVersion } from '@/entrypoints/background/dictionary';
import { refreshTabsOnKnowledgeChange } from '@/entrypoints/background/knowledge-watch';

// vi.mock is hoisted above the imports: the watcher sees a spy that still does the real work.
vi.mock('@/entrypoints/background/dictionary', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/entrypoints/background/dictionary')>();
  return { ...real, forgetKnowledgeVersion: vi.fn(real.forgetKnowledgeVersion) };
});

import { bumpKnowledgeVersion, getKnowledgeVersion } from '@/lib/db';
import { loadPack } from '@/lib/packs/load';
import { freshDb, samplePack } from '../packs/helpers';

afterEach(() => {
  forgetKnowledgeVersion();
  fakeBrowser.reset();
});

describe('knowledge reaching pages after an import', () => {
  it('the engine follows a moved knowledge version once the remembered version is forgotten', async () => {
    const db = freshDb();
    const loaded = await loadPack(db, samplePack(), 'file');
    if (!loaded.ok) throw new Error(loaded.error);
    const before = await currentEngine(db);
    expect(before.version).toBe(await getKnowledgeVersion(db));

    await bumpKnowledgeVersion(db);
    // Remembered for up to a second: a request right after the bump still gets the old engine…
    expect((await currentEngine(db)).version).toBe(before.version);
    // …unless the watcher has seen the version move.
    forgetKnowledgeVersion();
    expect((await currentEngine(db)).version).toBe(await getKnowledgeVersion(db));
    expect((await currentEngine(db)).version).toBeGreaterThan(before.version);
    db.close();
  });

  it('the watcher forgets the remembered version when the version moves, before refreshing tabs', async () => {
    const db = freshDb();
    const loaded = await loadPack(db, samplePack(), 'file');
    if (!loaded.ok) throw new Error(loaded.error);
    const tab = await fakeBrowser.tabs.create({ url: 'https://example.org/a' });
    const sent = vi.fn(() => Promise.resolve({}));
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(sent as never);
    const forget = vi.mocked(forgetKnowledgeVersion);
    forget.mockClear();
    const stop = refreshTabsOnKnowledgeChange(db);
    try {
      // The watcher's first reading is the starting point, not a move.
      await new Promise((r) => setTimeout(r, 100));
      expect(forget).not.toHaveBeenCalled();
      await bumpKnowledgeVersion(db);
      await vi.waitFor(
        () => expect((sent.mock.calls as unknown[][]).map((c) => c[0])).toContain(tab.id),
        { timeout: 5000 },
      );
      expect(forget).toHaveBeenCalledTimes(1);
      expect(forget.mock.invocationCallOrder[0]).toBeLessThan(
        sent.mock.invocationCallOrder[0] as number,
      );
    } finally {
      stop();
      db.close();
    }
  });
});
