// The reader-view test alone, not the package's index, which also loads Readability itself:
// this module runs in the content script on every page, which only tells an article from other
// pages; the background reads the copy.
import isProbablyReaderable from '@mozilla/readability/Readability-readerable.js';
// Specific modules, not the model's index: this runs in the content script (see
// lib/messaging/content-client.ts), which must not build every schema of the model.
import { isHttpUrl, sameSite } from '../model/ids';
import type { ArticleCopy } from './article-copy';

/**
 * Telling an article from other pages, and a page's canonical address: what the page itself
 * does (the content script), before its HTML goes to the background's reader (./article.ts).
 * Works on any Document; never modifies it.
 */

export const ARTICLE_TYPES = new Set([
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

export const types = (obj: JsonObject): string[] => {
  const t = obj['@type'];
  return (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === 'string');
};

export const text = (value: unknown): string | undefined => {
  if (typeof value === 'string') return value.trim() || undefined;
  if (Array.isArray(value)) return text(value[0]);
  if (value && typeof value === 'object') return text((value as JsonObject).name);
  return undefined;
};

export const meta = (doc: Document, key: string): string | undefined =>
  doc
    .querySelector(`meta[property="${key}"], meta[name="${key}"]`)
    ?.getAttribute('content')
    ?.trim() || undefined;

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
