import { readArticle } from '@/lib/extract/article';
import { sendFromContent } from '@/lib/messaging/content-client';

/**
 * The most text (characters, as collected for highlighting) a page may have for its reading copy
 * to be made. Readability reads a clone of the whole document in one task on the page's main
 * thread: measured in the extension, 14–19 ms for a 10,000-word page (63,000 characters) and
 * 104–114 ms for a 100,000-word one. Past ~33,000 words a page is no article anyone reads whole,
 * and holding its main thread that long is not worth a copy.
 */
export const READING_COPY_MAX_CHARS = 200_000;

/**
 * After the highlights are painted, and when the browser is idle: if the page is an article,
 * send its reading copy to the background to cache for offline review. Never on the hot path.
 * `pageChars` is the page's text length; a page over READING_COPY_MAX_CHARS gets no copy.
 */
export function scheduleReadingCopy(
  ctx: { requestIdleCallback(cb: () => void, options?: IdleRequestOptions): number },
  found: { actorIds: string[]; claimIds: string[] },
  pageChars: number,
): boolean {
  if (pageChars > READING_COPY_MAX_CHARS) return false;
  ctx.requestIdleCallback(
    () => {
      const copy = readArticle(document, location.href);
      if (!copy) return;
      void sendFromContent('page/capture', {
        copy,
        foundActorIds: found.actorIds,
        foundClaimIds: found.claimIds,
      });
    },
    { timeout: 5000 },
  );
  return true;
}
