import { hasCommonWords, useCommonWords } from './alias-rule';

/**
 * lib/match/common-words.generated.json as the build ships it (the `build:publicAssets` hook in
 * wxt.config.ts): at the root of the extension, fetched relative to the background's own origin.
 */
export const TABLE_FILE = 'common-words.json';
const TABLE_URL = `/${TABLE_FILE}`;

/**
 * Loads the alias rule's common-word table, shipped as a file of the extension rather than in the
 * background's code (lib/match/alias-rule.ts says why). Called before the first compile; once
 * loaded, it costs nothing. A failure (a damaged install) rejects with a clear message, and the
 * next compile tries again.
 */
export async function loadCommonWords(load: (url: string) => Promise<unknown> = fetchJson) {
  if (hasCommonWords()) return;
  let table: unknown;
  try {
    table = await load(TABLE_URL);
  } catch (error) {
    throw new Error(`Could not read the common-word table (${TABLE_URL}): ${String(error)}`);
  }
  useCommonWords(table);
}

async function fetchJson(url: string): Promise<unknown> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.json();
}
