import { Readability } from '@mozilla/readability';
import { type PartialDate, parsePartialDate } from '../model/partial-date';
import type { ArticleCopy } from './article-copy';
import {
  ARTICLE_TYPES,
  canonicalUrl,
  detectArticle,
  jsonLdObjects,
  meta,
  text,
  types,
} from './detect';

export { canonicalUrl, detectArticle, jsonLdObjects } from './detect';

/**
 * The reading copy (Readability): run by the background's reader (Chrome's offscreen document,
 * Firefox's background page) on a page's HTML, never on the reader's page. Works on any Document
 * (a parsed one in the reader, or in Node); never modifies it (Readability runs on a clone).
 */

/** A microdata date: `<time itemprop="datePublished" datetime="…">` or `<meta itemprop … content>`. */
const itemprop = (doc: Document, name: string): string | undefined => {
  const el = doc.querySelector(`[itemprop="${name}"]`);
  return (
    (el?.getAttribute('datetime') ?? el?.getAttribute('content') ?? undefined)?.trim() || undefined
  );
};

/** The date part of an ISO date or date-time, as a partial date. */
export function isoToPartialDate(value: string | undefined): PartialDate | undefined {
  const m = value?.match(/^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/);
  if (!m) return undefined;
  const date = [m[1], m[2], m[3]].filter(Boolean).join('-');
  return parsePartialDate(date) ? date : undefined;
}

const MAX_TEXT = 1_500_000;

/**
 * The reading copy of a page from its HTML (the background's reader: Chrome's offscreen
 * document, Firefox's background page). A parsed document runs no scripts and loads nothing.
 */
export function readArticleFromHtml(html: string, location: string): ArticleCopy | null {
  return readArticle(new DOMParser().parseFromString(html, 'text/html'), location);
}

/** Detects an article and captures its reading copy, or returns null for other pages. */
export function readArticle(doc: Document, location: string): ArticleCopy | null {
  const detectedBy = detectArticle(doc);
  if (!detectedBy) return null;
  const ld = jsonLdObjects(doc).find((o) => types(o).some((t) => ARTICLE_TYPES.has(t)));
  const parsed = new Readability(doc.cloneNode(true) as Document, { charThreshold: 300 }).parse();
  const paragraphs = (parsed?.textContent ?? '')
    .split(/\n\s*\n|\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  const title =
    text(ld?.headline) ?? meta(doc, 'og:title') ?? parsed?.title?.trim() ?? doc.title.trim();
  if (!title || paragraphs.length === 0) return null;
  const copy: ArticleCopy = {
    url: canonicalUrl(doc, location),
    title: title.slice(0, 500),
    text: paragraphs.join('\n\n').slice(0, MAX_TEXT),
    detectedBy,
  };
  const outlet = text(ld?.publisher) ?? meta(doc, 'og:site_name') ?? parsed?.siteName ?? undefined;
  if (outlet) copy.outlet = outlet.slice(0, 200);
  const author = text(ld?.author) ?? meta(doc, 'author') ?? parsed?.byline ?? undefined;
  if (author) copy.author = author.replace(/^by\s+/i, '').slice(0, 300);
  const published = isoToPartialDate(
    text(ld?.datePublished) ??
      meta(doc, 'article:published_time') ??
      itemprop(doc, 'datePublished') ??
      doc.querySelector('time[pubdate][datetime]')?.getAttribute('datetime') ??
      doc.querySelector('article time[datetime], time[datetime]')?.getAttribute('datetime') ??
      parsed?.publishedTime ??
      undefined,
  );
  if (published) copy.published = published;
  const modified = isoToPartialDate(
    text(ld?.dateModified) ?? meta(doc, 'article:modified_time') ?? itemprop(doc, 'dateModified'),
  );
  if (modified) copy.modified = modified;
  return copy;
}
