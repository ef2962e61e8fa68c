import { readArticle } from '@/lib/extract/article';
import { sendFromContent } from '@/lib/messaging/content-client';

/**
 * After the highlights are painted, and when the browser is idle: if the page is an article,
 * send its reading copy to the background to cache for offline review. Never on the hot path.
 */
export function scheduleReadingCopy(
  ctx: { requestIdleCallback(cb: () => void, options?: IdleRequestOptions): number },
  found: { actorIds: string[]; claimIds: string[] },
): void {
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
}
