// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  canonicalUrl,
  detectArticle,
  isoToPartialDate,
  readArticle,
  readArticleFromHtml,
} from '@/lib/extract/article';

const fixture = (name: string) =>
  new DOMParser().parseFromString(
    readFileSync(`tests/fixtures/articles/${name}`, 'utf8'),
    'text/html',
  );

describe('reading copies', () => {
  it('detects articles by JSON-LD and leaves other pages alone', () => {
    expect(detectArticle(fixture('harbour-ledger-talks.html'))).toBe('json-ld');
    expect(detectArticle(fixture('not-an-article.html'))).toBeNull();
    expect(
      readArticle(fixture('not-an-article.html'), 'http://127.0.0.1/not-an-article.html'),
    ).toBeNull();
  });

  it('captures the text and metadata of a sample article', () => {
    const doc = fixture('meridian-post-denial.html');
    const copy = readArticle(doc, 'http://127.0.0.1:8000/articles/meridian-post-denial.html');
    expect(copy).not.toBeNull();
    expect(copy?.outlet).toBe('The Meridian Post');
    expect(copy?.published).toBe('2026-01-13');
    expect(copy?.text).toContain('There are no discussions underway with the U.S. government');
    expect(copy?.text.split('\n\n').length).toBeGreaterThan(5);
    expect(copy?.text).not.toContain('Most read');
  });

  it('reads the same copy from the HTML as from the page (as the background does)', () => {
    const url = 'http://127.0.0.1:8000/articles/meridian-post-denial.html';
    const html = readFileSync('tests/fixtures/articles/meridian-post-denial.html', 'utf8');
    const live = readArticle(fixture('meridian-post-denial.html'), url);
    expect(readArticleFromHtml(html, url)).toEqual(live);
    expect(readArticleFromHtml('<p>Not an article.</p>', url)).toBeNull();
  });

  it('keeps the canonical URL only on the same site', () => {
    const doc = new DOMParser().parseFromString(
      '<link rel="canonical" href="https://news.example/a">',
      'text/html',
    );
    expect(canonicalUrl(doc, 'https://www.news.example/a?utm=1#x')).toBe('https://news.example/a');
    expect(canonicalUrl(doc, 'https://evil.example/b#x')).toBe('https://evil.example/b');
  });

  it('reads dates from ISO strings', () => {
    expect(isoToPartialDate('2026-02-03T09:14:00Z')).toBe('2026-02-03');
    expect(isoToPartialDate('2026-02')).toBe('2026-02');
    expect(isoToPartialDate('Feb 3')).toBeUndefined();
    expect(isoToPartialDate('2026-02-31')).toBeUndefined();
  });
});

describe('dates in the markup', () => {
  const read = (head: string, body: string) =>
    readArticle(
      new DOMParser().parseFromString(
        `<html><head><title>Talks</title><meta property="og:type" content="article">${head}</head><body><article><h1>Talks</h1>${'<p>Officials met in the capital on Monday to discuss the border, the port and the fuel shipments that stopped in January. Both sides said more meetings would follow.</p>'.repeat(4)}${body}</article></body></html>`,
        'text/html',
      ),
      'https://news.example/a',
    );

  it('reads published and modified dates from microdata', () => {
    const copy = read(
      '',
      '<time itemprop="datePublished" datetime="2026-02-03T09:00:00Z">Feb 3</time><time itemprop="dateModified" datetime="2026-02-04">Feb 4</time>',
    );
    expect(copy?.published).toBe('2026-02-03');
    expect(copy?.modified).toBe('2026-02-04');
  });

  it('prefers the article’s meta tags to a time element', () => {
    const copy = read(
      '<meta property="article:published_time" content="2026-01-13">',
      '<time datetime="2025-12-01">old</time>',
    );
    expect(copy?.published).toBe('2026-01-13');
  });
});
