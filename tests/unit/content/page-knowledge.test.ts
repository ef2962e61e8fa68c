// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { claimReviewBlocks, packOffers } from '@/entrypoints/content/page-knowledge';

function page(html: string, url = 'https://news.example/section/story.html') {
  const doc = document.implementation.createHTMLDocument('t');
  const base = doc.createElement('base');
  base.href = url;
  doc.head.append(base);
  doc.head.insertAdjacentHTML('beforeend', html);
  return doc;
}

describe('what a page offers', () => {
  it('finds packs offered with link rel=alternate and the pack media type, absolute', () => {
    const doc = page(`
      <link rel="alternate" type="application/vnd.backstory.pack+json" href="/packs/desk.json" title=" Desk pack ">
      <link rel="ALTERNATE stylesheet" type="Application/VND.Backstory.Pack+JSON" href="https://cdn.example/p.json">
      <link rel="alternate" type="application/rss+xml" href="/feed.xml">
      <link rel="canonical" type="application/vnd.backstory.pack+json" href="/not-alternate.json">
      <link rel="alternate" type="application/vnd.backstory.pack+json" href="/packs/desk.json">
    `);
    expect(packOffers(doc)).toEqual([
      { url: 'https://news.example/packs/desk.json', title: 'Desk pack' },
      { url: 'https://cdn.example/p.json' },
    ]);
  });

  it('keeps at most five offers', () => {
    const links = Array.from(
      { length: 8 },
      (_, i) =>
        `<link rel="alternate" type="application/vnd.backstory.pack+json" href="/p${i}.json">`,
    ).join('');
    expect(packOffers(page(links))).toHaveLength(5);
  });

  it('hands over only JSON-LD blocks that mention ClaimReview', () => {
    const doc = page(`
      <script type="application/ld+json">{"@type": "NewsArticle"}</script>
      <script type=" Application/LD+JSON ">{"@type": "ClaimReview", "claimReviewed": "x"}</script>
      <script type="application/json">{"@type": "ClaimReview"}</script>
      <script>var ClaimReview = 1;</script>
    `);
    expect(claimReviewBlocks(doc)).toEqual(['{"@type": "ClaimReview", "claimReviewed": "x"}']);
  });
});
