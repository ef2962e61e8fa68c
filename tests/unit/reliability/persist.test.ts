import { describe, expect, it, vi } from 'vitest';
import { requestPersistentStorage } from '@/lib/db/storage';

/** navigator.storage, stubbed: whether it is persistent, and what persist() answers. */
function stub(persisted: boolean, grant: boolean | Error) {
  let state = persisted;
  return {
    persisted: vi.fn(async () => state),
    persist: vi.fn(async () => {
      if (grant instanceof Error) throw grant;
      state = grant;
      return grant;
    }),
  };
}

describe('asking the browser to keep the cache (navigator.storage.persist)', () => {
  it('asks once: granted, then already persistent without asking again', async () => {
    const storage = stub(false, true);
    expect(await requestPersistentStorage(storage)).toBe('granted');
    expect(await requestPersistentStorage(storage)).toBe('already');
    expect(storage.persist).toHaveBeenCalledTimes(1);
  });

  it('does not ask when the storage is persistent already', async () => {
    const storage = stub(true, true);
    expect(await requestPersistentStorage(storage)).toBe('already');
    expect(storage.persist).not.toHaveBeenCalled();
  });

  it('reports a refusal, and never throws', async () => {
    expect(await requestPersistentStorage(stub(false, false))).toBe('denied');
    expect(await requestPersistentStorage(stub(false, new Error('not allowed')))).toBe(
      'unavailable',
    );
  });

  it('does nothing where the API is missing (Chrome’s service worker)', async () => {
    expect(await requestPersistentStorage(undefined)).toBe('unavailable');
    expect(await requestPersistentStorage({})).toBe('unavailable');
  });

  it('uses navigator.storage by default', async () => {
    const storage = stub(false, true);
    vi.stubGlobal('navigator', { storage });
    try {
      expect(await requestPersistentStorage()).toBe('granted');
      expect(storage.persist).toHaveBeenCalledTimes(1);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
