import type { BackstoryDB } from '../db/database';
import { withStorageCheck } from '../db/storage';
import type { ArticleCopy } from '../extract/article-copy';
import { extractArticle } from '../extract/extract';
import { knownContext } from './known';
import { type LearnResult, learnFromPage } from './store';

/**
 * How much of an article learning reads: the first 100,000 characters (about 15,000 words, far
 * beyond a news article), cut at a paragraph break. Extraction is synchronous in the service
 * worker, about 5 ms per 1,000 characters here: a 700,000-character page held it for 3.5 s, and
 * every tab's highlighting waited behind it. The reading copy keeps the whole text.
 */
export const LEARN_MAX_CHARS = 100_000;

/** The part of an article's text that learning reads (see LEARN_MAX_CHARS). */
export function learnableText(text: string, max = LEARN_MAX_CHARS): string {
  if (text.length <= max) return text;
  const paragraph = text.lastIndexOf('\n\n', max);
  if (paragraph > max / 2) return text.slice(0, paragraph);
  // No paragraph break near the limit: cut there, but not between the halves of a surrogate pair.
  const unit = text.charCodeAt(max - 1);
  return text.slice(0, unit >= 0xd800 && unit <= 0xdbff ? max - 1 : max);
}

/**
 * Reads a captured article and stores what it says. The extraction (pure text work) runs before
 * the database transaction, so the transaction stays short. When the browser's storage is full,
 * nothing of the page is kept and a StorageFullError says so.
 */
export async function learnFromCopy(
  db: BackstoryDB,
  pageId: string,
  copy: ArticleCopy,
  now: Date = new Date(),
): Promise<LearnResult> {
  const known = await knownContext(db);
  const extraction = extractArticle(
    {
      text: learnableText(copy.text),
      title: copy.title,
      ...(copy.outlet ? { outlet: copy.outlet } : {}),
      ...(copy.author ? { author: copy.author } : {}),
      ...(copy.published ? { published: copy.published } : {}),
    },
    { lookup: known.lookup, claims: known.claims },
  );
  // A full storage rolls the whole page back and says so (StorageFullError).
  return withStorageCheck(() => learnFromPage(db, pageId, copy, extraction, now));
}
