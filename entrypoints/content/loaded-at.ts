/**
 * When the content script began to load, ms after the page's navigation began: the first of its
 * own modules to run (imported first by ./index.ts), so `main()` can tell how long loading took
 * (`highlights/stats` → `loadMs`; `npm run bench` reports it). Only WXT's browser polyfill runs
 * before it.
 */
export const loadedAt = performance.now();
