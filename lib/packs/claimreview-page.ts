import type { BackstoryDB } from '../db/database';
import { claimReviewToPack } from './claimreview';
import { shortHash } from './hash';
import { importPack } from './import';
import { valueSource } from './source';

/** The Source id of a visited page, from its address without the fragment. */
export function pageSourceId(pageUrl: string): string {
  const u = new URL(pageUrl);
  u.hash = '';
  return `cr/src/${shortHash(u.href)}`;
}

/**
 * Learns the fact-check markup (ClaimReview) of a page the user visited: the claims and the
 * fact-checkers' ratings, stored with the page as their provenance (`page:<sourceId>`), so the
 * page can be forgotten exactly, and visiting it again changes nothing unless the markup did.
 * New actors are candidates until the user confirms them; known ones are joined.
 */
export async function learnClaimReviews(
  db: BackstoryDB,
  page: { url: string; title?: string | undefined },
  docs: readonly unknown[],
): Promise<{ reviews: number; error?: string }> {
  const sourceId = pageSourceId(page.url);
  const url = new URL(page.url);
  url.hash = '';
  const converted = claimReviewToPack(docs, {
    id: `page-${shortHash(url.href)}`,
    name: page.title?.trim() || url.host,
    linkOrigin: 'extracted',
    page: { url: url.href, title: page.title, sourceId },
    candidateActors: true,
  });
  if (converted.reviews === 0) return { reviews: 0 };
  const outcome = await importPack(db, valueSource(converted.pack), {
    origin: 'file',
    owner: `page:${sourceId}`,
    allowOlder: true,
    preview: false,
  });
  if (!outcome.ok) return { reviews: 0, error: outcome.error };
  return { reviews: converted.reviews };
}
