import { liveQuery } from 'dexie';
import type { BackstoryDB } from '@/lib/db';
import { getSettings, type Settings } from '@/lib/settings/settings';
import { Remembered } from './remembered';

/**
 * The settings as every page load asks for them (page/config, notes/for-page): remembered, so
 * a page does not wait behind a learning transaction that holds the settings store (see
 * Remembered). Kept current by `watchSettings`, which sees every change made through the
 * database in any context of the extension (a backup restored in the review page), and by the
 * settings/update handler, which sets what it wrote.
 */
const remembered = new Remembered<Settings>(1000);

export const pageSettings = (db: BackstoryDB): Promise<Settings> =>
  remembered.get(() => getSettings(db));

/** The settings just written (settings/update): what the next page load gets. */
export function settingsWritten(settings: Settings): void {
  remembered.set(settings);
}

export function forgetPageSettings(): void {
  remembered.forget();
}

/** Follows the stored settings for `pageSettings`; returns a function that stops. */
export function watchSettings(db: BackstoryDB): () => void {
  const subscription = liveQuery(() => getSettings(db)).subscribe({
    next: (settings) => remembered.set(settings),
    error: (error: unknown) => {
      // Not followed any more: every page load reads the settings again (at most once a second).
      forgetPageSettings();
      console.warn('[Backstory] Not watching the settings:', error);
    },
  });
  return () => subscription.unsubscribe();
}
