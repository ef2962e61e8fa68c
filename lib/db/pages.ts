import type { ArticleCopy } from '../extract/article-copy';
import { stableHash } from '../model';
import type { BackstoryDB, PageRow } from './database';

export const pageId = (url: string) => `page/${stableHash(url)}`;

/**
 * Stores (or refreshes) the reading copy of an article, keyed by its canonical URL, with what was
 * found on it. What an earlier visit linked to it (its Source row) is kept.
 */
export async function savePageCopy(
  db: BackstoryDB,
  copy: ArticleCopy,
  found: { actorIds: string[]; claimIds: string[] },
  now: Date = new Date(),
): Promise<PageRow> {
  return db.transaction('rw', db.pages, async () => {
    const existing = await db.pages.where('url').equals(copy.url).first();
    const row: PageRow = {
      id: existing?.id ?? pageId(copy.url),
      url: copy.url,
      title: copy.title,
      text: copy.text,
      foundActorIds: [...new Set(found.actorIds)],
      foundClaimIds: [...new Set(found.claimIds)],
      visitedAt: now.toISOString(),
      ...(copy.outlet ? { outlet: copy.outlet } : {}),
      ...(copy.author ? { author: copy.author } : {}),
      ...(copy.published ? { published: copy.published } : {}),
      ...(existing?.sourceId ? { sourceId: existing.sourceId } : {}),
    };
    await db.pages.put(row);
    return row;
  });
}
