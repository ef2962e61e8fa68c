import { isProbablyReaderable, Readability } from '@mozilla/readability';
// Specific modules, not the model's index: this runs in the content script (see
// lib/messaging/content-client.ts), which must not build every schema of the model.
import { isHttpUrl, sameSite } from '../model/ids';
import { type PartialDate, parsePartialDate } from '../model/partial-date';
import type { ArticleCopy } from './article-copy';

/**
 * Article detection and the reading copy. Works on any Document (the live page in a content
 * script, or a parsed one in Node); never modifies it (Readability runs on a clone).
 */

const ARTICLE_TYPES = new Set([
  'Article',
  'NewsArticle',
  'ReportageNewsArticle',
  'AnalysisNewsArticle',
  'BackgroundNewsArticle',
  'OpinionNewsArticle',
  'ReviewNewsArticle',
  'AskPublicNewsArticle',
  'BlogPosting',
  'LiveBlogPosting',
]);

type JsonObject = Record<string, unknown>;

/** Every object in the page's JSON-LD blocks, @graph and arrays flattened. Bad JSON is skipped. */
export function jsonLdObjects(doc: Document): JsonObject[] {
  const out: JsonObject[] = [];
  const visit = (node: unknown, depth: number) => {
    if (depth > 5 || out.length > 500) return;
    if (Array.isArray(node)) {
      for (const n of node) visit(n, depth + 1);
    } else if (node && typeof node === 'object') {
      const obj = node as JsonObject;
      out.push(obj);
      if (obj['@graph']) visit(obj['@graph'], depth + 1);
    }
  };
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    const text = script.textContent ?? '';
    if (text.length > 1_000_000) continue;
    try {
      visit(JSON.parse(text), 0);
    } catch {
      // A page's broken JSON-LD is the page's business; it just tells us nothing.
    }
  }
  return out;
}

const types = (obj: JsonObject): string[] => {
  const t = obj['@type'];
  return (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === 'string');
};

const text = (value: unknown): string | undefined => {
  if (typeof value === 'string') return value.trim() || undefined;
  if (Array.isArray(value)) return text(value[0]);
  if (value && typeof value === 'object') return text((value as JsonObject).name);
  return undefined;
};

const meta = (doc: Document, key: string): string | undefined =>
  doc
    .querySelector(`meta[property="${key}"], meta[name="${key}"]`)
    ?.getAttribute('content')
    ?.trim() || undefined;

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

export function detectArticle(doc: Document): ArticleCopy['detectedBy'] | null {
  if (jsonLdObjects(doc).some((o) => types(o).some((t) => ARTICLE_TYPES.has(t)))) return 'json-ld';
  if (meta(doc, 'og:type')?.toLowerCase() === 'article') return 'og-type';
  if (doc.body && isProbablyReaderable(doc)) return 'readability';
  return null;
}

/**
 * The page's canonical URL when it declares one on the same site, else its address. A canonical
 * on another site is ignored: a page must not be able to file its text under someone else's URL.
 */
export function canonicalUrl(doc: Document, location: string): string {
  const base = location.split('#')[0] ?? location;
  const href = doc.querySelector('link[rel="canonical"]')?.getAttribute('href');
  if (!href) return base;
  try {
    const canonical = new URL(href, base);
    if (!isHttpUrl(canonical.href) || !sameSite(canonical.href, base)) return base;
    return canonical.href.split('#')[0] ?? base;
  } catch {
    return base;
  }
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
