import type { BackstoryDB } from '../db/database';
import { withStorageCheck } from '../db/storage';
import type { ArticleCopy } from '../extract/article-copy';
import { extractArticle } from '../extract/extract';
import { knownContext } from './known';
import { type LearnResult, learnFromPage } from './store';

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
      text: copy.text,
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
