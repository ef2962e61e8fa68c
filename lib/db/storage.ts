/**
 * The browser's storage for the cache: a clear message when it is full, and asking the browser
 * to keep it (persistent storage) so it is not evicted silently under disk pressure.
 */

/** What the reader is told when a write did not fit. The write was rolled back as a whole. */
export const STORAGE_FULL =
  "The browser's storage for Backstory is full, so nothing was saved and nothing was changed. " +
  'Free some disk space, or remove packs or reading copies you no longer need, then try again.';

/**
 * A pack import is written in chunks, so a full storage stops it part way: what was written is
 * kept (and owned by the import, so it can be finished or discarded), and nothing else changed.
 */
export const STORAGE_FULL_IMPORT =
  "The browser's storage for Backstory is full, so the import stopped part way. What it wrote so " +
  'far is kept and nothing else was changed. Free some disk space, or remove packs or reading ' +
  'copies you no longer need, then import the same file again to finish it.';

/** A write refused because the storage quota is exhausted; its message is `STORAGE_FULL`. */
export class StorageFullError extends Error {
  override name = 'StorageFullError';
  constructor(override readonly cause?: unknown) {
    super(STORAGE_FULL);
  }
}

/**
 * Whether an error (as IndexedDB, Dexie or a wrapper reports it) is a quota error. Dexie wraps
 * the DOMException of a failed request in its own error (`inner`), and a transaction aborted by
 * it in an AbortError whose `inner` is the quota error; both are followed.
 */
export function isQuotaError(error: unknown): boolean {
  const seen = new Set<unknown>();
  let e: unknown = error;
  while (e && typeof e === 'object' && !seen.has(e)) {
    seen.add(e);
    const name = (e as { name?: unknown }).name;
    if (name === 'QuotaExceededError' || name === 'StorageFullError') return true;
    const next =
      (e as { inner?: unknown; cause?: unknown }).inner ?? (e as { cause?: unknown }).cause;
    e = next;
  }
  return false;
}

/** Runs a write; a quota error becomes a StorageFullError, anything else is rethrown as is. */
export async function withStorageCheck<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isQuotaError(error)) throw new StorageFullError(error);
    throw error;
  }
}

export type PersistOutcome = 'granted' | 'already' | 'denied' | 'unavailable';

interface StorageManagerLike {
  persist?: () => Promise<boolean>;
  persisted?: () => Promise<boolean>;
}

/**
 * Asks the browser to keep Backstory's storage (`navigator.storage.persist()`), where the API
 * exists: Firefox's background page, on install and update. Chrome's service worker has no
 * `persist()`; there the `unlimitedStorage` permission already keeps the extension's data from
 * eviction. (Called from the review page in Chromium, it made two e2e tests fail: a pack import
 * did not reach an open page's highlights cleanly, and the panel's focus moved. So it is asked
 * from the background only, on install, before any page uses the database.) Asks only when
 * the storage is not persistent yet, so repeated calls ask once. Never throws.
 */
export async function requestPersistentStorage(
  storage: StorageManagerLike | undefined = (
    globalThis as { navigator?: { storage?: StorageManagerLike } }
  ).navigator?.storage,
): Promise<PersistOutcome> {
  if (typeof storage?.persist !== 'function') return 'unavailable';
  try {
    if ((await storage.persisted?.()) === true) return 'already';
    return (await storage.persist()) ? 'granted' : 'denied';
  } catch {
    return 'unavailable';
  }
}
