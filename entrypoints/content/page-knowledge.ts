import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { PageConfig } from '@/lib/messaging';
import { sendFromContent } from '@/lib/messaging/content-client';
import { PACK_LINK_TYPE } from '@/lib/messaging/content-protocol';

/**
 * What a page offers Backstory beyond its text, read once and reported to the background:
 * - packs it offers with `<link rel="alternate" type="application/vnd.backstory.pack+json">`
 *   (the extension then offers to subscribe; it never subscribes by itself);
 * - its fact-check markup (schema.org ClaimReview in JSON-LD), learned like the rest of the page.
 * Only reads: no DOM change, no listener.
 */
const MAX_BLOCK_CHARS = 2_000_000;

export function packOffers(doc: Document): { url: string; title?: string }[] {
  const out: { url: string; title?: string }[] = [];
  for (const link of doc.querySelectorAll<HTMLLinkElement>('link[rel~="alternate" i][href]')) {
    if (link.type.trim().toLowerCase() !== PACK_LINK_TYPE) continue;
    let url: string;
    try {
      url = new URL(link.getAttribute('href') ?? '', doc.baseURI).href;
    } catch {
      continue;
    }
    const title = link.title.trim().slice(0, 300);
    if (!out.some((o) => o.url === url)) out.push(title ? { url, title } : { url });
    if (out.length >= 5) break;
  }
  return out;
}

export function claimReviewBlocks(doc: Document): string[] {
  const blocks: string[] = [];
  for (const script of doc.querySelectorAll('script[type]')) {
    if (script.getAttribute('type')?.trim().toLowerCase() !== 'application/ld+json') continue;
    const text = script.textContent ?? '';
    if (text.length <= MAX_BLOCK_CHARS && text.includes('ClaimReview')) blocks.push(text);
    if (blocks.length >= 20) break;
  }
  return blocks;
}

/** Reports what the page offers, as far as the page's policy (already asked for) allows. */
export function reportPageKnowledge(ctx: ContentScriptContext, config: PageConfig): void {
  if (window !== window.top || ctx.isInvalid) return;
  if (config.highlight) {
    const offers = packOffers(document);
    if (offers.length > 0) void sendFromContent('packs/offer', { offers });
  }
  if (config.learn) {
    const blocks = claimReviewBlocks(document);
    if (blocks.length > 0) {
      void sendFromContent('claimreview/report', { title: document.title.slice(0, 2000), blocks });
    }
  }
}
