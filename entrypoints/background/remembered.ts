/**
 * A value the service worker reads from the database on every page load (the knowledge version,
 * the settings), remembered so the hot path does not wait on the database. A learning
 * transaction holds the settings store for tens to hundreds of milliseconds, and a page that
 * asked meanwhile waited for its highlights that long.
 *
 * - Fresh for `maxAgeMs` after it was read: given as it is.
 * - Older: still given at once, while one new read runs and replaces it (stale while revalidate).
 * - `forget()`: the next caller waits for a new read. Watchers call it when they see the value
 *   move (knowledge-watch.ts), so a change is never answered with the value from before it;
 *   the re-reads bound how long a change no watcher saw goes unnoticed.
 */
export class Remembered<T> {
  private value: { at: number; value: T } | undefined;
  private reading: Promise<T> | undefined;

  constructor(
    private readonly maxAgeMs = 1000,
    private readonly now: () => number = Date.now,
  ) {}

  get(read: () => Promise<T>): Promise<T> {
    const held = this.value;
    if (held && this.now() - held.at <= this.maxAgeMs) return Promise.resolve(held.value);
    if (!this.reading) {
      const reading = read().then(
        (value) => {
          // A forget() since this read started: its value may be from before the change.
          if (this.reading === reading) {
            this.value = { at: this.now(), value };
            this.reading = undefined;
          }
          return value;
        },
        (error: unknown) => {
          if (this.reading === reading) this.reading = undefined;
          throw error;
        },
      );
      this.reading = reading;
      // Nobody waits for a background re-read: its failure is the next caller's to see.
      if (held) reading.catch(() => undefined);
    }
    return held ? Promise.resolve(held.value) : this.reading;
  }

  /** A value known to be current (just written). */
  set(value: T): void {
    this.value = { at: this.now(), value };
    this.reading = undefined;
  }

  forget(): void {
    this.value = undefined;
    this.reading = undefined;
  }
}
