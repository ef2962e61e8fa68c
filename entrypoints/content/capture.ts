import { MAX_CAPTURE_HTML } from '@/lib/extract/capture-limits';
import { detectArticle } from '@/lib/extract/detect';
import { sendFromContent } from '@/lib/messaging/content-client';

/**
 * The most text (characters, as collected for highlighting) a page may have for its reading copy
 * to be made. The page itself only tells an article from other pages and serialises its HTML;
 * the background reads the copy (Readability) off the page's main thread. Past ~33,000 words a
 * page is no article anyone reads whole, and its copy is not worth the megabytes.
 */
export const READING_COPY_MAX_CHARS = 200_000;

/**
 * After the highlights are painted, and when the browser is idle: if the page is an article,
 * send its HTML to the background, which reads and caches its reading copy for offline review.
 * Never on the hot path. `pageChars` is the page's text length; a page over
 * READING_COPY_MAX_CHARS gets no copy.
 *
 * Readability used to run here, on a clone of the page, in one task of the page's main thread:
 * measured in the extension, 14–19 ms for a 10,000-word page and 104–114 ms for a 100,000-word
 * one. Serialising the HTML costs the page a native call instead.
 */
export function scheduleReadingCopy(
  ctx: { requestIdleCallback(cb: () => void, options?: IdleRequestOptions): number },
  found: { actorIds: string[]; claimIds: string[] },
  pageChars: number,
): boolean {
  if (pageChars > READING_COPY_MAX_CHARS) return false;
  ctx.requestIdleCallback(
    () => {
      if (!detectArticle(document)) return;
      const html = document.documentElement.outerHTML;
      if (html.length > MAX_CAPTURE_HTML) return;
      void sendFromContent('page/capture', {
        html,
        foundActorIds: found.actorIds,
        foundClaimIds: found.claimIds,
      });
    },
    { timeout: 5000 },
  );
  return true;
}
