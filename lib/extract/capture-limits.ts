/**
 * Limits of the reading copy's capture, shared by the content script (no zod there) and the
 * background's request schema.
 */

/** The most HTML a page may send for its reading copy (characters of `outerHTML`). */
export const MAX_CAPTURE_HTML = 5_000_000;
