/**
 * Which imports are running right now, across every context of the extension.
 *
 * An import holds a Web Lock named after its owner while it writes. The browser releases a lock
 * when the page or worker holding it goes away, so an import whose review page was closed or whose
 * service worker was stopped is known to have stopped at once, and the next attempt resumes it
 * instead of being told it is busy. Where Web Locks are missing (Node, in unit tests) the journal's
 * time lease (`leaseUntil`) is the fallback.
 */

const PREFIX = 'backstory-import:';

type Locks = Pick<LockManager, 'request' | 'query'>;

function lockManager(): Locks | undefined {
  const nav = (globalThis as { navigator?: { locks?: Locks } }).navigator;
  return nav?.locks;
}

/** True when this context can tell running imports from stopped ones without the time lease. */
export function hasImportLocks(): boolean {
  return lockManager() !== undefined;
}

/**
 * Runs `fn` holding the import lock of `owner`, or calls `busy` when another live context holds
 * it. Without Web Locks, runs `fn` (the caller checks the lease).
 */
export async function withImportLock<T>(
  owner: string,
  fn: () => Promise<T>,
  busy: () => Promise<T> | T,
): Promise<T> {
  const locks = lockManager();
  if (!locks) return fn();
  return locks.request(`${PREFIX}${owner}`, { ifAvailable: true }, (lock) =>
    lock ? fn() : busy(),
  ) as Promise<T>;
}

/** The owners of the imports some context is writing now; undefined without Web Locks. */
export async function runningImports(): Promise<Set<string> | undefined> {
  const locks = lockManager();
  if (!locks) return undefined;
  const snapshot = await locks.query();
  const owners = new Set<string>();
  for (const lock of snapshot.held ?? []) {
    if (lock.name?.startsWith(PREFIX)) owners.add(lock.name.slice(PREFIX.length));
  }
  return owners;
}
