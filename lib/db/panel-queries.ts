/**
 * The side panel's reads (lib/db/panel/*). Each view's first screen is one read transaction
 * of indexed, limited reads, so its cost does not grow with the size of the cache (measured
 * with 100,000 statements in scripts/bench/panel.bench.ts); longer lists are read page by page.
 */
export * from './panel/actor';
export * from './panel/claim';
export * from './panel/resolve';
export * from './panel/timeline';
